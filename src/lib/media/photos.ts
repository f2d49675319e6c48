/**
 * Photo renditions: every size and format a page, feed or social card shows a
 * photo at, named by a digest of the photo's bytes, so a file's name changes
 * exactly when its content does and it can be cached forever.
 *
 * Why our own and not Astro's image pipeline: Astro imports every photo a
 * content entry names as a Vite module and records, page by page, which
 * renditions each page asked for. At 10,000 articles that was 7 s of
 * `getCollection()` in the preview, seconds of every build's bundling, an
 * incremental manifest of 471 MB, and, for an archive with a photo per piece,
 * 130,000 renditions copied from Astro's cache into the output on every build.
 * Here the renditions are known from the content alone: the loader lists them
 * (src/loaders/content-loader.ts), an integration makes the missing ones while
 * pages render and links them into the output (src/integrations/photos.ts), and
 * pages compute their addresses with the same functions.
 */
import { createHash } from 'node:crypto';
import type { PhotoRendition } from './photo-markup.ts';

/** What the build knows of a photo file, read once per version of it. */
export interface PhotoFacts {
  /** File name without extension, for readable rendition names. */
  name: string;
  /** Digest of the file's bytes (hex, 16 characters). */
  hash: string;
  width: number;
  height: number;
}

/** Where photos are served from; every name in it carries its content's digest. */
export const PHOTO_DIRECTORY = 'images';

export type PhotoFormat = 'avif' | 'webp' | 'jpeg';

/**
 * sharp's options for each format. A rendition's name ends with a digest of its
 * format's options, so a change here gives new names: a browser or CDN that
 * keeps `/images/` forever never gets new bytes under an old name, and a build
 * cache from before makes the files again instead of mixing encodings.
 * Efforts below sharp's defaults (4): the 10,000-article bench corpus's 392
 * renditions took 33.1 CPU-seconds at AVIF 2 and WebP 4, and 19.8 at AVIF 1
 * and WebP 2; the sample site's files came out 10 % (AVIF) and 5 % (WebP) larger.
 * AVIF with half-resolution colour (4:2:0), as WebP and JPEG always have here,
 * rather than sharp's full-resolution default: the bench corpus's 184 AVIF
 * renditions took 12.3 CPU-seconds instead of 15.6 and came out 5 % smaller.
 */
export const PHOTO_ENCODINGS = {
  avif: { effort: 1, chromaSubsampling: '4:2:0' },
  webp: { effort: 2 },
  jpeg: {},
} as const satisfies Record<PhotoFormat, Record<string, number | string>>;

const ENCODING_TAGS = Object.fromEntries(
  Object.entries(PHOTO_ENCODINGS).map(([format, options]) => [format, createHash('sha256').update(JSON.stringify(options)).digest('hex').slice(0, 4)]),
) as Record<PhotoFormat, string>;

/** One file to make from a photo. */
export interface RenditionFile {
  /** Path in the output folder, e.g. "images/gulf-water-1-3f2a…-640x360-9c1e.webp": photo digest, size, encoding. */
  file: string;
  width: number;
  height: number;
  format: PhotoFormat;
}

/** How photos are shown: column-wide photos get width candidates; portraits are square, with a 2x candidate. */
const WIDTHS = { hero: [640, 960, 1280, 1600], teaser: [400, 800] } as const;
const SQUARES = { portrait: 96, 'portrait-large': 160 } as const;
/** Social networks, feed readers and search engines all take JPEG; 1200 px is what they ask for. */
const SHARE_WIDTH = 1200;

export type PhotoSize = keyof typeof WIDTHS | keyof typeof SQUARES;

/** `sizes` of a photo as wide as the article's column: the top photo's, and a body figure's. */
export const BODY_PHOTO_SIZES = '(min-width: 48rem) 46rem, 100vw';

/** Kinds of photo and the sizes each is shown at. */
export const PHOTO_SIZES = {
  /** A piece's top photo: on its page, in teasers, on social cards and in feeds. */
  hero: ['hero', 'teaser'],
  /** A photo in a body (`::figure`): as wide as the column, like the top photo, and nowhere else. */
  figure: ['hero'],
  portrait: ['portrait', 'portrait-large'],
} as const satisfies Record<string, readonly PhotoSize[]>;

export type PhotoKind = keyof typeof PHOTO_SIZES;

export interface ShareRendition {
  src: string;
  width: number;
  height: number;
  type: string;
}

function slugOfName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'photo'
  );
}

function rendition(photo: PhotoFacts, width: number, height: number, format: PhotoFormat): RenditionFile {
  const name = `${slugOfName(photo.name)}-${photo.hash}-${width}x${height}-${ENCODING_TAGS[format]}`;
  return { file: `${PHOTO_DIRECTORY}/${name}.${format === 'jpeg' ? 'jpg' : format}`, width, height, format };
}

/** Widths a column-wide photo is offered at: never wider than the original, which is offered when it is narrower than the widest. */
function candidateWidths(photo: PhotoFacts, widths: readonly number[]): number[] {
  const fitting = widths.filter((width) => width <= photo.width);
  return fitting.length === widths.length ? [...widths] : [...fitting, photo.width];
}

const heightAt = (photo: PhotoFacts, width: number) => Math.max(1, Math.round((photo.height * width) / photo.width));

/** The files of one size, WebP and AVIF: the first WebP is the <img> fallback. */
function sizeFiles(photo: PhotoFacts, size: PhotoSize): { webp: RenditionFile[]; avif: RenditionFile[]; descriptor: (index: number) => string } {
  if (size === 'portrait' || size === 'portrait-large') {
    const side = SQUARES[size];
    const sides = [side, side * 2].filter((candidate) => candidate <= Math.min(photo.width, photo.height));
    const used = sides.length > 0 ? sides : [Math.min(photo.width, photo.height)];
    return {
      webp: used.map((edge) => rendition(photo, edge, edge, 'webp')),
      avif: used.map((edge) => rendition(photo, edge, edge, 'avif')),
      descriptor: (index) => `${used[index]! / used[0]!}x`,
    };
  }
  const widths = candidateWidths(photo, WIDTHS[size]);
  return {
    webp: widths.map((width) => rendition(photo, width, heightAt(photo, width), 'webp')),
    avif: widths.map((width) => rendition(photo, width, heightAt(photo, width), 'avif')),
    descriptor: (index) => `${widths[index]}w`,
  };
}

/** Every file a photo of this kind needs. */
export function renditionFiles(photo: PhotoFacts, kind: PhotoKind): RenditionFile[] {
  const files = PHOTO_SIZES[kind].flatMap((size) => {
    const { webp, avif } = sizeFiles(photo, size);
    return [...webp, ...avif];
  });
  if (kind === 'hero') files.push(shareFile(photo));
  const seen = new Set<string>();
  return files.filter((file) => !seen.has(file.file) && seen.add(file.file));
}

function shareFile(photo: PhotoFacts): RenditionFile {
  const width = Math.min(SHARE_WIDTH, photo.width);
  return rendition(photo, width, heightAt(photo, width), 'jpeg');
}

/** The markup's view of one size: sources for <picture>, the fallback <img> and its dimensions. */
export function photoRendition(photo: PhotoFacts, size: PhotoSize, base = '/'): PhotoRendition {
  const { webp, avif, descriptor } = sizeFiles(photo, size);
  const url = (file: RenditionFile) => `${base}${file.file}`;
  const srcset = (files: RenditionFile[]) => files.map((file, index) => `${url(file)} ${descriptor(index)}`).join(', ');
  const fallback = webp[0]!;
  return { src: url(fallback), srcset: srcset(webp), avifSrcset: srcset(avif), width: fallback.width, height: fallback.height };
}

export function shareRendition(photo: PhotoFacts, base = '/'): ShareRendition {
  const file = shareFile(photo);
  return { src: `${base}${file.file}`, width: file.width, height: file.height, type: 'image/jpeg' };
}
