/**
 * The markup of an optimised photo: AVIF for browsers that take it, WebP
 * otherwise, dimensions always set so nothing shifts while it loads. Built as
 * a hast tree, so every value is escaped by the serializer.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';

/** One photo at one display size, as src/data/images.ts computes it. */
export interface PhotoRendition {
  /** WebP fallback for the <img>. */
  src: string;
  srcset: string;
  /** AVIF for the <source>, smaller where browsers take it. */
  avifSrcset: string;
  width: number;
  height: number;
}

export interface PhotoOptions {
  alt: string;
  /** `sizes`: how wide the photo is shown; only photos with width candidates take it. */
  sizes?: string | undefined;
  /** The largest paint of its page: load it first. */
  priority?: boolean;
}

export function photoElement(rendition: PhotoRendition, { alt, sizes, priority = false }: PhotoOptions): Element {
  const responsive = sizes !== undefined && rendition.srcset !== '';
  return h('picture', [
    h('source', { type: 'image/avif', srcSet: rendition.avifSrcset, sizes: responsive ? sizes : undefined }),
    h('img', {
      src: rendition.src,
      srcSet: rendition.srcset || undefined,
      sizes: responsive ? sizes : undefined,
      width: rendition.width,
      height: rendition.height,
      alt,
      loading: priority ? 'eager' : 'lazy',
      fetchPriority: priority ? 'high' : undefined,
      decoding: priority ? undefined : 'async',
    }),
  ]);
}
