import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { PHOTO_ENCODINGS, photoRendition, renditionFiles, shareRendition, type PhotoFacts } from '../../src/lib/media/photos.ts';

const wide: PhotoFacts = { name: 'Gulf Water 1', hash: '3f2a9c0d1e2b4a5f', width: 2400, height: 1350 };
const small: PhotoFacts = { name: 'harbour', hash: '0123456789abcdef', width: 700, height: 350 };
const portrait: PhotoFacts = { name: 'Noor Haddad', hash: 'fedcba9876543210', width: 600, height: 800 };

describe('photo renditions', () => {
  it('are named by the photo, its digest and their size, under /images/', () => {
    const files = renditionFiles(wide, 'hero').map((file) => file.file);
    expect(files).toContain('images/gulf-water-1-3f2a9c0d1e2b4a5f-640x360-d9d0.webp');
    expect(files).toContain('images/gulf-water-1-3f2a9c0d1e2b4a5f-1600x900-bcae.avif');
    expect(files).toContain('images/gulf-water-1-3f2a9c0d1e2b4a5f-1200x675-4413.jpg');
    expect(new Set(files).size).toBe(files.length);
    for (const file of files) expect(file).toMatch(/^images\/[a-z0-9-]+-[0-9a-f]{16}-\d+x\d+-[0-9a-f]{4}\.(webp|avif|jpg)$/);
  });

  it("end with a digest of their format's encoder options, so other options give other names", () => {
    const files = renditionFiles(wide, 'hero');
    const tags = (format: 'avif' | 'webp' | 'jpeg') => new Set(files.filter((file) => file.format === format).map((file) => /-([0-9a-f]{4})\.\w+$/.exec(file.file)![1]));
    for (const format of ['avif', 'webp', 'jpeg'] as const) {
      expect([...tags(format)]).toEqual([createHash('sha256').update(JSON.stringify(PHOTO_ENCODINGS[format])).digest('hex').slice(0, 4)]);
    }
    expect(tags('avif')).not.toEqual(tags('webp'));
  });

  it('a top photo comes at four column widths and two teaser widths, in WebP and AVIF, and one JPEG for sharing', () => {
    const files = renditionFiles(wide, 'hero');
    const widths = (format: string) => files.filter((file) => file.format === format).map((file) => file.width);
    expect(widths('webp')).toEqual([640, 960, 1280, 1600, 400, 800]);
    expect(widths('avif')).toEqual([640, 960, 1280, 1600, 400, 800]);
    expect(widths('jpeg')).toEqual([1200]);
  });

  it('are never wider than the original, which is offered instead of the widths it cannot fill', () => {
    const hero = photoRendition(small, 'hero');
    expect(hero.srcset).toBe('/images/harbour-0123456789abcdef-640x320-d9d0.webp 640w, /images/harbour-0123456789abcdef-700x350-d9d0.webp 700w');
    expect(shareRendition(small)).toEqual({ src: '/images/harbour-0123456789abcdef-700x350-4413.jpg', width: 700, height: 350, type: 'image/jpeg' });
    expect(renditionFiles(small, 'hero').every((file) => file.width <= small.width)).toBe(true);
  });

  it('keep the aspect ratio, and the <img> fallback has the dimensions of the file it names', () => {
    const hero = photoRendition(wide, 'hero');
    expect(hero).toMatchObject({ src: '/images/gulf-water-1-3f2a9c0d1e2b4a5f-640x360-d9d0.webp', width: 640, height: 360 });
    expect(hero.avifSrcset.split(', ')).toHaveLength(4);
  });

  it('portraits are square crops at 1x and 2x, or the largest square the photo holds', () => {
    expect(photoRendition(portrait, 'portrait').srcset).toBe('/images/noor-haddad-fedcba9876543210-96x96-d9d0.webp 1x, /images/noor-haddad-fedcba9876543210-192x192-d9d0.webp 2x');
    const tiny: PhotoFacts = { ...portrait, width: 80, height: 120 };
    expect(photoRendition(tiny, 'portrait')).toMatchObject({ width: 80, height: 80 });
    expect(renditionFiles(portrait, 'portrait').map((file) => `${file.width}x${file.height}`)).toEqual(['96x96', '192x192', '96x96', '192x192', '160x160', '320x320', '160x160', '320x320']);
  });

  it('names without letters still make a valid file name', () => {
    expect(renditionFiles({ ...small, name: 'ÉÉ ☃' }, 'hero')[0]!.file).toMatch(/^images\/ee-0123456789abcdef-/);
    expect(renditionFiles({ ...small, name: '☃☃' }, 'hero')[0]!.file).toMatch(/^images\/photo-0123456789abcdef-/);
  });
});
