/** Top photos for the short takes of SIGNAL: signal-1 (a newsroom desk). */
import type { Rng } from '../../lib/prng.ts';
import { blobPath } from '../landscape.ts';
import { type DrawPicture, H, Scene, W } from '../scene.ts';
import { circle, ellipse, fmt, line, opacity, pathShape, type Point, polygon, polyline, rect, roundedRect, strokePath } from '../svg.ts';

// ---------------------------------------------------------------------------
// Hero: signal-1 -- newsroom desk, microphone, wall of screens
// ---------------------------------------------------------------------------

function screenContent(s: Scene, rng: Rng, kind: number, x: number, y: number, w: number, h: number): string[] {
  const parts: string[] = [];
  switch (kind) {
    case 0: // world map
      parts.push(rect(x, y, w, h, '#0d3158'));
      for (let i = 0; i < 5; i++) parts.push(pathShape(blobPath(rng, x + w * (0.15 + i * 0.18), y + h * rng.range(0.3, 0.7), w * 0.08, h * 0.2, 0.35, 9), '#3fa37a'));
      for (let i = 0; i < 4; i++) parts.push(circle(x + rng.range(0.1, 0.9) * w, y + rng.range(0.2, 0.8) * h, 5, '#ff5a4f'));
      break;
    case 1: // bar chart
      parts.push(rect(x, y, w, h, '#141c2b'));
      for (let i = 0; i < 7; i++) {
        const bh = rng.range(0.2, 0.8) * h;
        parts.push(rect(x + 16 + i * ((w - 32) / 7), y + h - 12 - bh, (w - 32) / 7 - 8, bh, i === 5 ? '#f2c230' : '#4aa3df'));
      }
      break;
    case 2: // line chart
      parts.push(rect(x, y, w, h, '#101820'));
      {
        const pts: Point[] = [];
        for (let i = 0; i <= 10; i++) pts.push([x + 12 + (i * (w - 24)) / 10, y + h * 0.5 + rng.range(-h * 0.3, h * 0.3)]);
        parts.push(polyline(pts, '#5ce1e6', 4));
      }
      break;
    case 3: // presenter on screen
      parts.push(rect(x, y, w, h, s.linearGradient([[0, '#2d5e9e'], [1, '#183055']], [0, 0], [1, 1])));
      parts.push(circle(x + w * 0.5, y + h * 0.42, h * 0.16, '#d9a582'), pathShape(`M${fmt(x + w * 0.3)},${fmt(y + h)}Q${fmt(x + w * 0.5)},${fmt(y + h * 0.5)} ${fmt(x + w * 0.7)},${fmt(y + h)}Z`, '#22262e'));
      parts.push(rect(x, y + h * 0.78, w, h * 0.12, '#c0392b'), rect(x + 10, y + h * 0.81, w * 0.4, h * 0.05, '#f4f4f0'));
      break;
    case 4: // satellite swirl
      parts.push(rect(x, y, w, h, '#1f4f5c'));
      for (let i = 0; i < 6; i++) parts.push(ellipse(x + rng.range(0.2, 0.8) * w, y + rng.range(0.2, 0.8) * h, rng.range(15, 40), rng.range(8, 20), '#ffffff', opacity(0.55)));
      break;
    case 5: // radar sweep
      parts.push(rect(x, y, w, h, '#08140e'));
      for (let r = 20; r < h / 2; r += 20) parts.push(circle(x + w / 2, y + h / 2, r, 'none', 'stroke="#2fbf71" stroke-width="2"'));
      parts.push(polygon([[x + w / 2, y + h / 2], [x + w / 2 + h * 0.45, y + h * 0.15], [x + w / 2 + h * 0.5, y + h * 0.4]], '#2fbf71', opacity(0.6)));
      break;
    default: // tiles
      parts.push(rect(x, y, w, h, '#1b2230'));
      for (let i = 0; i < 4; i++) parts.push(rect(x + 10 + (i % 2) * (w / 2 - 5), y + 10 + Math.floor(i / 2) * (h / 2 - 5), w / 2 - 15, h / 2 - 15, rng.pick(['#c0392b', '#e67e22', '#2e86c1', '#16a085', '#7d3c98'])));
  }
  return parts;
}

function drawNewsroomDesk(s: Scene, rng: Rng): void {
  s.add(rect(0, 0, W, H, s.verticalGradient([[0, '#121822'], [1, '#263242']], 0, H)));
  // screen wall
  const cols = 4;
  const rows = 3;
  const sw = 250;
  const sh = 148;
  const gap = 14;
  const x0 = (W - (cols * sw + (cols - 1) * gap)) / 2;
  const y0 = 48;
  s.add(rect(x0 - 20, y0 - 20, cols * sw + (cols - 1) * gap + 40, rows * sh + (rows - 1) * gap + 40, '#0a0d12'));
  s.add(ellipse(W / 2, y0 + 240, 760, 320, '#4aa3df', `${opacity(0.12)} ${s.blur(40)}`));
  const kinds = [3, 0, 1, 4, 2, 5, 0, 6, 1, 3, 6, 2];
  kinds.forEach((kind, i) => {
    const x = x0 + (i % cols) * (sw + gap);
    const y = y0 + Math.floor(i / cols) * (sh + gap);
    s.add(...screenContent(s, rng, kind, x, y, sw, sh));
    s.add(rect(x, y, sw, sh, 'none', 'stroke="#000000" stroke-width="4"'));
  });

  // desk top and front
  s.add(polygon([[120, 640], [1480, 640], [1640, 770], [-40, 770]], s.verticalGradient([[0, '#b98b5c'], [1, '#d6a878']], 640, 770)));
  s.add(rect(0, 770, W, 130, '#222c38'), rect(0, 770, W, 10, '#c0392b'), rect(0, 780, W, 4, '#8e2a20'));

  // laptop (lid seen from behind)
  s.add(polygon([[290, 700], [560, 700], [580, 718], [270, 718]], '#7d8792'));
  s.add(polygon([[300, 540], [550, 540], [560, 702], [290, 702]], '#a7b0ba'));
  s.add(roundedRect(330, 570, 44, 28, 6, '#f2c230', 'transform="rotate(-8 352 584)"'), circle(500, 640, 16, '#2e86c1'));
  // papers
  s.add(polygon([[1080, 690], [1240, 680], [1262, 744], [1096, 756]], '#f4f2ec'), polygon([[1110, 700], [1260, 702], [1270, 760], [1116, 760]], '#ffffff'));
  // mug
  s.add(rect(1330, 640, 62, 80, '#e8e4da'), ellipse(1361, 640, 31, 8, '#5a3a24'), ellipse(1361, 720, 31, 8, '#d9d4c8'), strokePath('M1392,660q26,4 0,40', '#e8e4da', 9));
  // headphones
  s.add(strokePath('M880,730C880,680 1000,680 1000,730', '#2a2e35', 10), roundedRect(862, 712, 34, 40, 12, '#2a2e35'), roundedRect(984, 712, 34, 40, 12, '#2a2e35'));

  // broadcast microphone on a desk stand
  s.add(ellipse(700, 722, 80, 18, '#15181d'), rect(694, 520, 12, 200, '#2d3138'));
  s.add(ellipse(700, 470, 68, 100, 'none', 'stroke="#3b4048" stroke-width="7"'));
  s.add(roundedRect(660, 330, 80, 210, 40, '#2a2d33'));
  s.add(roundedRect(666, 338, 68, 120, 34, '#5d636b'));
  for (let y = 352; y < 452; y += 10) s.add(line(672, y, 728, y, '#474c53', 2));
  s.add(rect(660, 462, 80, 10, '#c0392b'));
  s.add(circle(700, 500, 6, '#6fe3a0'));
  s.add(ellipse(684, 380, 8, 30, '#ffffff', opacity(0.15)));
}

/** Picture name (its file in content/images) to drawing. */
export const SIGNAL_HEROES: Record<string, DrawPicture> = {
  'signal-1': drawNewsroomDesk,
};
