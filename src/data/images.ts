/**
 * A photo's renditions as pages show them, computed from what the loader read
 * of the file (src/lib/media/photos.ts): the same functions name the files the
 * photos integration makes, so every address a page writes exists.
 */
import { photoRendition as rendition, type PhotoFacts, type PhotoSize } from '../lib/media/photos.ts';
import type { PhotoRendition } from '../lib/media/photo-markup.ts';
import { base } from './content.ts';

export type { PhotoSize };

const renditions = new Map<string, PhotoRendition>();

/** Memoised: a teaser's photo appears on many pages. */
export function photoRendition(image: PhotoFacts, size: PhotoSize): PhotoRendition {
  const key = `${image.hash}|${size}`;
  let value = renditions.get(key);
  if (!value) renditions.set(key, (value = rendition(image, size, base)));
  return value;
}
