/**
 * The logo's intrinsic size, for the header's `width` and `height`
 * attributes. With the logo's own proportions there, the browser reserves
 * exactly the height the logo will take before the file arrives, so the
 * navigation and the page below do not move when it does (a layout shift).
 */
import { readFileSync } from 'node:fs';

export interface ImageSize {
  width: number;
  height: number;
}

/** A length an SVG root may give in user units: a plain number or pixels. Percentages and other units say nothing of its proportions. */
function userUnits(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:px)?\s*$/.exec(value);
  const number = match ? Number(match[1]) : NaN;
  return number > 0 ? number : undefined;
}

function viewBoxSize(value: string | undefined): ImageSize | undefined {
  const numbers = (value ?? '').trim().split(/[\s,]+/).map(Number);
  if (numbers.length !== 4 || numbers.some((number) => !Number.isFinite(number))) return undefined;
  const [, , width, height] = numbers as [number, number, number, number];
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * The size an `<img>` of this SVG gets from the file, as browsers work it out:
 * `width` and `height` in user units, one of them with the `viewBox`'s
 * proportions, or the `viewBox` alone; undefined when the file gives no
 * proportions (a browser then shows it at 300 × 150).
 */
export function svgSize(svg: string): ImageSize | undefined {
  const root = /<svg\b((?:[^>"']|"[^"]*"|'[^']*')*)>/i.exec(svg)?.[1];
  if (root === undefined) return undefined;
  const attributes = new Map<string, string>();
  for (const [, name, doubleQuoted, singleQuoted] of root.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes.set(name!, doubleQuoted ?? singleQuoted ?? '');
  const width = userUnits(attributes.get('width'));
  const height = userUnits(attributes.get('height'));
  const box = viewBoxSize(attributes.get('viewBox'));
  let size: ImageSize | undefined;
  if (width && height) size = { width, height };
  else if (box && width) size = { width, height: (width * box.height) / box.width };
  else if (box && height) size = { width: (height * box.width) / box.height, height };
  else size = box;
  // HTML's width and height take whole numbers.
  return size && { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) };
}

/** The intrinsic size of the logo file: SVG read here, other images by sharp; undefined when it cannot be told. */
export async function logoSize(file: string): Promise<ImageSize | undefined> {
  if (file.toLowerCase().endsWith('.svg')) return svgSize(readFileSync(file, 'utf8'));
  const { default: sharp } = await import('sharp');
  try {
    const { width, height } = await sharp(file).metadata();
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}
