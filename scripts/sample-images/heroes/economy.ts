/** Top photos for the Economy section: payments-sanctions (a network of banks, coins beside a falling chart). */
import type { Rng } from '../../lib/prng.ts';
import { type DrawPicture, H, Scene, W } from '../scene.ts';
import { circle, ellipse, fmt, group, line, opacity, pathShape, placed, type Point, polygon, polyline, rect, roundedRect, strokePath } from '../svg.ts';

// ---------------------------------------------------------------------------
// Hero: payments-sanctions-1 -- glowing network of nodes linking banks
// ---------------------------------------------------------------------------

function bankIcon(fill: string): string[] {
  const parts = [
    rect(-54, 18, 108, 8, fill),
    rect(-50, 10, 100, 8, fill),
    rect(-48, -36, 96, 7, fill),
    polygon([[-54, -36], [0, -64], [54, -36]], fill),
  ];
  for (const x of [-40, -18, 4, 26]) parts.push(rect(x, -28, 14, 38, fill));
  return parts;
}

function drawBankNetwork(s: Scene, rng: Rng): void {
  s.add(rect(0, 0, W, H, s.radialGradient([[0, '#15305a'], [1, '#040a16']], [0.5, 0.45], 0.75)));
  for (let x = 40; x < W; x += 40) for (let y = 40; y < H; y += 40) s.add(circle(x, y, 1.2, '#3a5b8a', opacity(0.5)));

  const nodes: Point[] = [];
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 6; col++) nodes.push([150 + col * 260 + rng.range(-70, 70), 130 + row * 210 + rng.range(-60, 60)]);
  }
  const edges = new Set<string>();
  nodes.forEach((a, i) => {
    const nearest = nodes
      .map((b, j) => ({ j, d: Math.hypot(a[0] - b[0], a[1] - b[1]) }))
      .filter((n) => n.j !== i)
      .sort((p, q) => p.d - q.d)
      .slice(0, 3);
    for (const n of nearest) edges.add(i < n.j ? `${i}-${n.j}` : `${n.j}-${i}`);
  });
  const lines: string[] = [];
  const glows: string[] = [];
  for (const key of [...edges].sort()) {
    const [i, j] = key.split('-').map(Number);
    const [a, b] = [nodes[i], nodes[j]];
    const bend: Point = [(a[0] + b[0]) / 2 + rng.range(-30, 30), (a[1] + b[1]) / 2 + rng.range(-30, 30)];
    const d = `M${fmt(a[0])},${fmt(a[1])}Q${fmt(bend[0])},${fmt(bend[1])} ${fmt(b[0])},${fmt(b[1])}`;
    glows.push(strokePath(d, '#3fb6ff', 8, opacity(0.35)));
    lines.push(strokePath(d, '#8fdcff', 2, opacity(0.85)));
    const t = rng.range(0.2, 0.8);
    const px = (1 - t) * (1 - t) * a[0] + 2 * (1 - t) * t * bend[0] + t * t * b[0];
    const py = (1 - t) * (1 - t) * a[1] + 2 * (1 - t) * t * bend[1] + t * t * b[1];
    lines.push(circle(px, py, 4, '#eaffff'));
  }
  s.add(group(glows, s.blur(6)), ...lines);

  const bankNodes = new Set([1, 4, 8, 11, 13, 16, 20, 22]);
  nodes.forEach(([x, y], i) => {
    const halo = s.radialGradient([[0, '#9be7ff', 0.9], [1, '#2a7fd4', 0]], [0.5, 0.5], 0.5);
    if (bankNodes.has(i)) {
      s.add(circle(x, y, 110, halo));
      s.add(circle(x, y, 74, '#0c1d38', 'stroke="#7fd4ff" stroke-width="3"'));
      s.add(placed(bankIcon('#e6f7ff'), x, y + 8, 0.95));
    } else {
      s.add(circle(x, y, 40, halo), circle(x, y, 9, '#e8fbff'));
    }
  });
}

// ---------------------------------------------------------------------------
// Hero: payments-sanctions-2 -- stacks of coins beside a falling line chart
// ---------------------------------------------------------------------------

function coinStack(x: number, baseY: number, count: number, r: number): string[] {
  const thickness = r * 0.2;
  const ry = r * 0.32;
  const parts: string[] = [ellipse(x + r * 0.2, baseY + ry * 0.6, r * 1.2, ry * 1.1, '#000000', opacity(0.15))];
  for (let i = 0; i < count; i++) {
    const y = baseY - i * thickness;
    parts.push(ellipse(x, y, r, ry, '#a87a22'), rect(x - r, y - thickness, r * 2, thickness, '#c8942e'));
    parts.push(pathShape(`M${fmt(x - r)},${fmt(y - thickness * 0.5)}A${fmt(r)},${fmt(ry)} 0 0 0 ${fmt(x + r)},${fmt(y - thickness * 0.5)}`, 'none', 'stroke="#9a6e1c" stroke-width="1.5"'));
  }
  const topY = baseY - count * thickness;
  parts.push(ellipse(x, topY, r, ry, '#f2c860'), ellipse(x, topY, r * 0.78, ry * 0.78, 'none', 'stroke="#c8942e" stroke-width="3"'));
  parts.push(ellipse(x, topY, r * 0.3, ry * 0.3, '#dca93e'));
  return parts;
}

function drawCoinsAndFallingChart(s: Scene, rng: Rng): void {
  s.add(rect(0, 0, W, H, s.radialGradient([[0, '#f6f1e6'], [1, '#ddd3c1']], [0.5, 0.45], 0.8)));
  s.add(rect(0, 700, W, 200, '#d2c6b0'));
  // chart card
  s.add(roundedRect(700, 130, 820, 610, 18, '#000000', `${opacity(0.15)} ${s.blur(10)} transform="translate(8 12)"`));
  s.add(roundedRect(700, 130, 820, 610, 18, '#fbf8f1'));
  const left = 780;
  const right = 1460;
  const top = 190;
  const bottom = 670;
  for (let i = 0; i <= 6; i++) s.add(line(left, top + (i * (bottom - top)) / 6, right, top + (i * (bottom - top)) / 6, '#e0d8c8', 2));
  for (let i = 0; i <= 8; i++) s.add(line(left + (i * (right - left)) / 8, top, left + (i * (right - left)) / 8, bottom, '#ece6da', 1.5));
  s.add(line(left, top - 10, left, bottom, '#4a4a4a', 4), line(left, bottom, right + 10, bottom, '#4a4a4a', 4));
  for (let i = 0; i < 6; i++) s.add(rect(left - 34, top + 30 + i * 76, 20, 6, '#b9b2a4'));

  const points: Point[] = [];
  const count = 14;
  for (let i = 0; i < count; i++) {
    const t = i / (count - 1);
    const trend = top + 40 + t * t * 0.35 * (bottom - top) + t * 0.45 * (bottom - top);
    points.push([left + 20 + t * (right - left - 60), trend + (i === 0 ? 0 : rng.range(-34, 30))]);
  }
  const area: Point[] = [...points, [points[points.length - 1][0], bottom], [points[0][0], bottom]];
  s.add(polygon(area, s.verticalGradient([[0, '#c0392b', 0.3], [1, '#c0392b', 0.02]], top, bottom)));
  s.add(polyline(points, '#c0392b', 8));
  for (const [x, y] of points) s.add(circle(x, y, 8, '#fbf8f1', 'stroke="#c0392b" stroke-width="4"'));
  const [ex, ey] = points[points.length - 1];
  s.add(polygon([[ex + 6, ey + 34], [ex - 22, ey + 4], [ex + 22, ey - 4]], '#c0392b'));

  // coin stacks, shrinking like the chart
  s.add(...coinStack(160, 760, 16, 82), ...coinStack(350, 790, 11, 82), ...coinStack(540, 770, 7, 82));
  s.add(...coinStack(270, 860, 3, 82));
  s.add(group([ellipse(0, 0, 70, 70, '#c8942e'), ellipse(-4, 0, 66, 70, '#f2c860'), ellipse(-4, 0, 50, 54, 'none', 'stroke="#c8942e" stroke-width="3"')], 'transform="translate(600 820) scale(0.35 1) rotate(8)"'));
}

/** Picture name (its file in content/images) to drawing. */
export const ECONOMY_HEROES: Record<string, DrawPicture> = {
  'payments-sanctions-1': drawBankNetwork,
  'payments-sanctions-2': drawCoinsAndFallingChart,
};
