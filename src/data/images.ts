/**
 * Every photo the site shows, as AVIF and WebP at the sizes pages use, and as
 * a 1200 px JPEG for social cards and feeds: computed once per photo when this
 * module loads, before any page renders.
 *
 * Why all at once, up front: Astro's incremental build records, in each page's
 * render scope, the renditions that page asked for, and replays that record
 * when it restores the page instead of rendering it. A list page asks for
 * twenty teasers' photos, an article for forty-odd renditions: recorded per
 * page, the incremental manifest reached 471 MB at 10,000 articles, and took
 * 17 s to read and write on every build. Asked for here, outside any page, the
 * renditions are registered with every build, restored or not, and pages
 * record nothing. Views hold the photo objects; lookups go by identity, since
 * reading a property of Astro's image object inside a page records it too.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import type { PhotoRendition } from '../lib/photo-markup.ts';
import { articles, authors } from './content.ts';

export type PhotoSize = 'hero' | 'teaser' | 'portrait' | 'portrait-large';

// Photos shown at the width of their column get width candidates; portraits are
// fixed-size and get a 2x candidate for sharp screens.
const SIZES: Record<PhotoSize, { widths: number[] } | { width: number; height: number; densities: number[] }> = {
  hero: { widths: [640, 960, 1280, 1600] },
  teaser: { widths: [400, 800] },
  portrait: { width: 96, height: 96, densities: [1, 2] },
  'portrait-large': { width: 160, height: 160, densities: [1, 2] },
};

export interface ShareRendition {
  src: string;
  width: number;
  height: number;
  type: string;
}

type PhotoRenditions = Partial<Record<PhotoSize, PhotoRendition>> & { share?: ShareRendition };

async function rendition(image: ImageMetadata, size: PhotoSize): Promise<PhotoRendition> {
  const options = SIZES[size];
  const [webp, avif] = await Promise.all([getImage({ src: image, ...options, format: 'webp' }), getImage({ src: image, ...options, format: 'avif' })]);
  return {
    src: webp.src,
    srcset: webp.srcSet.attribute,
    avifSrcset: avif.srcSet.attribute || avif.src,
    width: Number(webp.attributes.width),
    height: Number(webp.attributes.height),
  };
}

/**
 * One JPEG 1200 px wide per photo for social cards, feeds and structured data:
 * the consumers (social networks, feed readers, search engines) do not all take
 * AVIF or WebP, and 1200 px is what they ask for.
 */
async function shareJpeg(image: ImageMetadata): Promise<ShareRendition> {
  const result = await getImage({ src: image, width: Math.min(1200, image.width), format: 'jpeg' });
  return { src: result.src, width: Number(result.attributes.width), height: Number(result.attributes.height), type: 'image/jpeg' };
}

/** Many pieces share a photo: each is computed once per source file. */
const bySource = new Map<string, Promise<PhotoRenditions>>();
const byImage = new Map<ImageMetadata, PhotoRenditions>();

function prepare(image: ImageMetadata, sizes: readonly PhotoSize[], share: boolean): Promise<void> {
  const key = `${image.src}|${sizes.join(',')}|${share}`;
  let prepared = bySource.get(key);
  if (!prepared) {
    prepared = (async () => {
      const [sized, shareRendition] = await Promise.all([Promise.all(sizes.map(async (size) => [size, await rendition(image, size)] as const)), share ? shareJpeg(image) : undefined]);
      return { ...Object.fromEntries(sized), ...(shareRendition ? { share: shareRendition } : {}) };
    })();
    bySource.set(key, prepared);
  }
  return prepared.then((renditions) => void byImage.set(image, renditions));
}

await Promise.all([
  ...articles.flatMap((article) => (article.hero ? [prepare(article.hero.src, ['hero', 'teaser'], true)] : [])),
  ...authors.flatMap((author) => (author.photo ? [prepare(author.photo.src, ['portrait', 'portrait-large'], false)] : [])),
]);

function renditionsOf(image: ImageMetadata): PhotoRenditions {
  const renditions = byImage.get(image);
  if (!renditions) throw new Error('a photo was shown that src/data/images.ts did not prepare; add its kind to the list there');
  return renditions;
}

export function photoRendition(image: ImageMetadata, size: PhotoSize): PhotoRendition {
  const prepared = renditionsOf(image)[size];
  if (!prepared) throw new Error(`a photo was shown at size "${size}", which src/data/images.ts did not prepare for it`);
  return prepared;
}

export function shareRendition(image: ImageMetadata): ShareRendition {
  const prepared = renditionsOf(image).share;
  if (!prepared) throw new Error('a share image was asked for a photo that src/data/images.ts did not prepare one for');
  return prepared;
}
