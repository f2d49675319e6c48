/** Flags with generic designs, randomised so none is meant to be a real country's. */
import type { Rng } from '../lib/prng.ts';
import { circle, group, polygon, rect } from './svg.ts';

const FLAG_COLORS = ['#c8102e', '#f4f4f0', '#1d4f91', '#1f7a3d', '#f2c230', '#1a1a1a', '#e8792b', '#5aa7e0', '#7a1f3d'];

function pickDistinctColors(rng: Rng, count: number): string[] {
  const chosen: string[] = [];
  while (chosen.length < count) {
    const color = rng.pick(FLAG_COLORS);
    if (!chosen.includes(color)) chosen.push(color);
  }
  return chosen;
}

/** A small flag with a random generic layout, top-left corner at (x, y). */
export function genericFlag(rng: Rng, x: number, y: number, width: number, height: number): string {
  const [a, b, c] = pickDistinctColors(rng, 3);
  const layout = rng.int(0, 6);
  const parts: string[] = [rect(x, y, width, height, a)];
  switch (layout) {
    case 0: // horizontal tricolour
      parts.push(rect(x, y + height / 3, width, height / 3, b), rect(x, y + (2 * height) / 3, width, height / 3, c));
      break;
    case 1: // vertical tricolour
      parts.push(rect(x + width / 3, y, width / 3, height, b), rect(x + (2 * width) / 3, y, width / 3, height, c));
      break;
    case 2: // disc on a plain field
      parts.push(circle(x + width * 0.45, y + height / 2, height * 0.28, b));
      break;
    case 3: // offset cross
      parts.push(rect(x + width * 0.3, y, width * 0.14, height, b), rect(x, y + height * 0.42, width, height * 0.16, b));
      break;
    case 4: // hoist triangle over two bands
      parts.push(rect(x, y + height / 2, width, height / 2, b), polygon([[x, y], [x + width * 0.4, y + height / 2], [x, y + height]], c));
      break;
    case 5: // diagonal split
      parts.push(polygon([[x + width, y], [x + width, y + height], [x, y + height]], b));
      break;
    default: // stripes with canton
      for (let i = 1; i < 5; i += 2) parts.push(rect(x, y + (i * height) / 5, width, height / 5, b));
      parts.push(rect(x, y, width * 0.4, height * 0.6, c));
  }
  return group(parts);
}
