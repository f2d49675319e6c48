/**
 * Optimised photos, computed once per photo and size. Astro's <Image> calls
 * getImage() on every use; a teaser photo appears on hundreds of list and
 * article pages, and at 10,000 articles those repeated calls cost ~5 s of a
 * build (profiled). Same inputs, same output, so we memoise.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';

export interface PhotoRendition {
  src: string;
  srcset: string;
  width: number;
  height: number;
}

export type PhotoSize = 'hero' | 'teaser' | 'portrait' | 'portrait-large';

const WIDTHS: Record<PhotoSize, { widths?: number[]; width?: number; height?: number }> = {
  hero: { widths: [640, 960, 1280, 1600] },
  teaser: { widths: [400, 800] },
  portrait: { width: 96, height: 96 },
  'portrait-large': { width: 160, height: 160 },
};

const renditions = new Map<string, Promise<PhotoRendition>>();

export function photoRendition(image: ImageMetadata, size: PhotoSize): Promise<PhotoRendition> {
  const key = `${image.src}|${size}`;
  let rendition = renditions.get(key);
  if (!rendition) {
    rendition = getImage({ src: image, ...WIDTHS[size] }).then((result) => ({
      src: result.src,
      srcset: result.srcSet.attribute,
      width: Number(result.attributes.width),
      height: Number(result.attributes.height),
    }));
    renditions.set(key, rendition);
  }
  return rendition;
}
