/**
 * Optimised photos as AVIF and WebP, computed once per photo and size. Astro's
 * <Image> calls getImage() on every use; a teaser photo appears on hundreds of
 * list and article pages, and at 10,000 articles those repeated calls cost ~5 s
 * of a build (profiled). Same inputs, same output, so we memoise, in a way that
 * keeps each page's record of its renditions (src/data/render-scope.ts).
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import type { PhotoRendition } from '../lib/photo-markup.ts';
import { memoizeForPages } from './render-scope.ts';

export type PhotoSize = 'hero' | 'teaser' | 'portrait' | 'portrait-large';

// Photos shown at the width of their column get width candidates; portraits are
// fixed-size and get a 2x candidate for sharp screens.
const SIZES: Record<PhotoSize, { widths: number[] } | { width: number; height: number; densities: number[] }> = {
  hero: { widths: [640, 960, 1280, 1600] },
  teaser: { widths: [400, 800] },
  portrait: { width: 96, height: 96, densities: [1, 2] },
  'portrait-large': { width: 160, height: 160, densities: [1, 2] },
};

const renditions = memoizeForPages(
  async ({ image, size }: { image: ImageMetadata; size: PhotoSize }): Promise<PhotoRendition> => {
    const options = SIZES[size];
    const [webp, avif] = await Promise.all([getImage({ src: image, ...options, format: 'webp' }), getImage({ src: image, ...options, format: 'avif' })]);
    return {
      src: webp.src,
      srcset: webp.srcSet.attribute,
      avifSrcset: avif.srcSet.attribute || avif.src,
      width: Number(webp.attributes.width),
      height: Number(webp.attributes.height),
    };
  },
  ({ image, size }) => `${image.src}|${size}`,
);

export function photoRendition(image: ImageMetadata, size: PhotoSize): Promise<PhotoRendition> {
  return renditions({ image, size });
}

export interface ShareRendition {
  src: string;
  width: number;
  height: number;
  type: string;
}


/**
 * One JPEG 1200 px wide per photo for social cards, feeds and structured data:
 * the consumers (social networks, feed readers, search engines) do not all take
 * AVIF or WebP, and 1200 px is what they ask for.
 */
export const shareRendition = memoizeForPages(
  async (image: ImageMetadata): Promise<ShareRendition> => {
    const result = await getImage({ src: image, width: Math.min(1200, image.width), format: 'jpeg' });
    return { src: result.src, width: Number(result.attributes.width), height: Number(result.attributes.height), type: 'image/jpeg' };
  },
  (image) => image.src,
);
