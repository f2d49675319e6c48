/**
 * Scenery shared by the top photos: skies, sun, hills and mountains, clouds,
 * water, birds, trees and city skylines.
 */
import type { Rng } from '../lib/prng.ts';
import { Scene, type Stop, W } from './scene.ts';
import { areaBelow, circle, ellipse, fmt, group, line, opacity, pathShape, type Point, polygon, rect, smoothPath, strokePath } from './svg.ts';

export function fillSky(scene: Scene, stops: Stop[], bottom = scene.height): void {
  scene.add(rect(0, 0, scene.width, bottom, scene.verticalGradient(stops, 0, bottom)));
}

export function fillBand(scene: Scene, top: number, bottom: number, stops: Stop[]): void {
  scene.add(rect(0, top, scene.width, bottom - top, scene.verticalGradient(stops, top, bottom)));
}

/** Sun disc with a soft radial halo. */
export function drawSun(scene: Scene, cx: number, cy: number, radius: number, core: string, glow: string, glowRadius: number): void {
  const halo = scene.radialGradient(
    [
      [0, glow, 0.75],
      [0.35, glow, 0.3],
      [1, glow, 0],
    ],
    [cx, cy],
    glowRadius,
    true,
  );
  scene.add(circle(cx, cy, glowRadius, halo), circle(cx, cy, radius, core));
}

/** Gently rolling line (hills, dunes): a few sine waves with random phases. */
export function rollingRidge(rng: Rng, baseY: number, amplitude: number, waviness = 1, step = 25, width = W): Point[] {
  const waves = [1, 2.3, 4.7].map((multiple, i) => ({
    frequency: ((multiple * waviness * Math.PI * 2) / width) * rng.range(0.8, 1.25),
    phase: rng.range(0, Math.PI * 2),
    amplitude: amplitude / (1 + i * 1.5),
  }));
  const points: Point[] = [];
  for (let x = -step; x <= width + step; x += step) {
    let y = baseY;
    for (const wave of waves) y -= wave.amplitude * Math.sin(x * wave.frequency + wave.phase);
    points.push([x, y]);
  }
  return points;
}

/** Jagged mountain line by midpoint displacement. */
export function jaggedRidge(rng: Rng, start: Point, end: Point, displacement: number, levels: number, roughness = 0.55): Point[] {
  let points: Point[] = [start, end];
  let spread = displacement;
  for (let level = 0; level < levels; level++) {
    const next: Point[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      next.push(points[i], [(ax + bx) / 2, (ay + by) / 2 + rng.range(-spread, spread)]);
    }
    next.push(points[points.length - 1]);
    points = next;
    spread *= roughness;
  }
  return points;
}

/** Mountain range with snow above `snowLine` (snow edge is ragged). */
export function drawMountains(scene: Scene, rng: Rng, points: Point[], baseY: number, fill: string, snowLine: number | null): void {
  const shape = areaBelow(points, baseY, false);
  scene.add(pathShape(shape, fill));
  if (snowLine === null) return;
  const snowEdge: Point[] = [];
  for (let x = -20; x <= W + 20; x += 18) snowEdge.push([x, snowLine + rng.range(-14, 22)]);
  const snow = `M-20,0L${W + 20},0` + snowEdge.slice().reverse().map(([x, y]) => `L${fmt(x)},${fmt(y)}`).join('') + 'Z';
  scene.add(pathShape(snow, '#f4f6fa', scene.clip(pathShape(shape, '#fff'))));
}

/** Irregular rounded blob (islands, clouds of dust, bushes). */
export function blobPath(rng: Rng, cx: number, cy: number, rx: number, ry: number, irregularity: number, count = 14): string {
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    const angle = (i / count) * Math.PI * 2;
    const wobble = 1 + rng.range(-irregularity, irregularity);
    points.push([cx + Math.cos(angle) * rx * wobble, cy + Math.sin(angle) * ry * wobble]);
  }
  return smoothPath(points, true);
}

/** Cumulus cloud: shaded underside puffs, then lit puffs. */
export function cloud(rng: Rng, cx: number, cy: number, width: number, lit: string, shade: string): string {
  const puffs: { x: number; y: number; r: number }[] = [];
  const count = 7;
  for (let i = 0; i < count; i++) {
    const t = (i + 0.5) / count;
    const bulge = Math.sin(t * Math.PI);
    puffs.push({ x: cx - width / 2 + width * t + rng.range(-10, 10), y: cy - bulge * width * 0.08, r: width * (0.08 + bulge * 0.12) * rng.range(0.85, 1.15) });
  }
  const shadeLayer = puffs.map((p) => circle(p.x, p.y + p.r * 0.18, p.r, shade));
  const litLayer = puffs.map((p) => circle(p.x - p.r * 0.06, p.y - p.r * 0.08, p.r * 0.9, lit));
  const flatBase = ellipse(cx, cy + width * 0.06, width * 0.48, width * 0.06, shade);
  return group([flatBase, ...shadeLayer, ...litLayer]);
}

/** Short horizontal strokes on water, longer and thicker towards the viewer. */
export function waveDashes(rng: Rng, count: number, top: number, bottom: number, color: string, alpha: number, maxLength: number): string[] {
  const dashes: string[] = [];
  for (let i = 0; i < count; i++) {
    const depth = Math.pow(rng.next(), 1.4);
    const y = top + (bottom - top) * depth;
    const length = maxLength * (0.15 + depth) * rng.range(0.5, 1);
    const x = rng.range(-60, W);
    dashes.push(line(x, y, x + length, y, color, 1 + depth * 3, opacity(alpha * rng.range(0.5, 1))));
  }
  return dashes;
}

/** Vertical column of light reflected on water below a light source. */
export function glitterColumn(rng: Rng, x: number, top: number, bottom: number, width: number, color: string, alpha: number, spacing = 9): string[] {
  const strokes: string[] = [];
  for (let y = top; y < bottom; y += spacing * rng.range(0.7, 1.4)) {
    const t = (y - top) / (bottom - top);
    const half = (width * (1 - t * 0.5) * rng.range(0.3, 1)) / 2;
    const offset = rng.range(-width * 0.15, width * 0.15);
    strokes.push(line(x + offset - half, y, x + offset + half, y, color, 1.5 + t * 3, opacity(alpha * (1 - t * 0.8))));
  }
  return strokes;
}

/** Foamy wake spreading from a stern at `start` to x = endX, widening to the given offsets. */
export function wakeFoam(start: Point, endX: number, spreadUp: number, spreadDown: number): string[] {
  const [x0, y0] = start;
  const edge = (dy: number): Point => [endX, y0 + dy];
  const parts = [polygon([[x0, y0 - 4], edge(spreadUp), edge(spreadDown), [x0, y0 + 6]], '#e9fbf8', opacity(0.2))];
  for (const [dy, width] of [[spreadUp, 4], [spreadDown, 5], [(spreadUp + spreadDown) / 2, 2.5]] as Point[]) {
    const [ex, ey] = edge(dy);
    parts.push(strokePath(`M${fmt(x0)},${fmt(y0)}Q${fmt(x0 + (ex - x0) * 0.3)},${fmt(y0 + dy * 0.4)} ${fmt(ex)},${fmt(ey)}`, '#ffffff', width, opacity(0.7)));
  }
  return parts;
}

export function birds(rng: Rng, count: number, x: number, y: number, spread: number, color: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const bx = x + rng.range(-spread, spread);
    const by = y + rng.range(-spread * 0.3, spread * 0.3);
    const size = rng.range(6, 12);
    out.push(strokePath(`M${fmt(bx - size)},${fmt(by - size * 0.4)}Q${fmt(bx - size * 0.4)},${fmt(by - size * 0.5)} ${fmt(bx)},${fmt(by)}Q${fmt(bx + size * 0.4)},${fmt(by - size * 0.5)} ${fmt(bx + size)},${fmt(by - size * 0.4)}`, color, 2));
  }
  return out;
}

/** Palm tree silhouette, base at (x, y). */
export function palmTree(x: number, y: number, height: number, color: string, lean = 1): string {
  const topX = x + height * 0.18 * lean;
  const topY = y - height;
  const trunk = strokePath(`M${fmt(x)},${fmt(y)}Q${fmt(x + height * 0.02 * lean)},${fmt(y - height * 0.6)} ${fmt(topX)},${fmt(topY)}`, color, height * 0.045);
  const fronds: string[] = [];
  const angles = [-160, -130, -100, -70, -40, -15, 200];
  for (const angle of angles) {
    const radians = (angle * Math.PI) / 180;
    const length = height * 0.42;
    const ex = topX + Math.cos(radians) * length;
    const ey = topY + Math.sin(radians) * length * 0.55 + length * 0.35;
    const mx = topX + Math.cos(radians) * length * 0.5;
    const my = topY + Math.sin(radians) * length * 0.5 - length * 0.05;
    fronds.push(pathShape(`M${fmt(topX)},${fmt(topY - length * 0.03)}Q${fmt(mx)},${fmt(my - length * 0.2)} ${fmt(ex)},${fmt(ey)}Q${fmt(mx)},${fmt(my + length * 0.06)} ${fmt(topX)},${fmt(topY + length * 0.06)}Z`, color));
  }
  return group([trunk, ...fronds]);
}

/** Flat-topped acacia. */
export function acaciaTree(x: number, y: number, height: number, color: string): string {
  const w = height * 1.3;
  return group([
    strokePath(`M${fmt(x)},${fmt(y)}L${fmt(x)},${fmt(y - height * 0.45)}L${fmt(x - w * 0.25)},${fmt(y - height * 0.85)}M${fmt(x)},${fmt(y - height * 0.45)}L${fmt(x + w * 0.22)},${fmt(y - height * 0.82)}`, color, Math.max(1.5, height * 0.06)),
    ellipse(x, y - height * 0.88, w / 2, height * 0.14, color),
  ]);
}

/** Coniferous tree as a stacked triangle. */
export function pineTree(x: number, y: number, height: number, color: string): string {
  const w = height * 0.42;
  return polygon(
    [
      [x, y - height],
      [x + w * 0.35, y - height * 0.6],
      [x + w * 0.22, y - height * 0.6],
      [x + w * 0.5, y - height * 0.15],
      [x + w * 0.08, y - height * 0.15],
      [x + w * 0.08, y],
      [x - w * 0.08, y],
      [x - w * 0.08, y - height * 0.15],
      [x - w * 0.5, y - height * 0.15],
      [x - w * 0.22, y - height * 0.6],
      [x - w * 0.35, y - height * 0.6],
    ],
    color,
  );
}

/** Skyline of towers between x0 and x1 standing on baseY. */
export function citySkyline(rng: Rng, x0: number, x1: number, baseY: number, maxHeight: number, color: string, withSpires = true): string[] {
  const parts: string[] = [];
  const mid = (x0 + x1) / 2;
  let x = x0;
  while (x < x1) {
    const width = rng.range(12, 34);
    const centrality = 1 - Math.abs(x + width / 2 - mid) / ((x1 - x0) / 2);
    const height = maxHeight * (0.15 + 0.6 * centrality * rng.range(0.4, 1));
    parts.push(rect(x, baseY - height, width, height + 1, color));
    if (withSpires && rng.chance(0.25)) parts.push(polygon([[x, baseY - height], [x + width / 2, baseY - height - width * 0.8], [x + width, baseY - height]], color));
    if (withSpires && rng.chance(0.2)) parts.push(rect(x + width / 2 - 1, baseY - height - 20, 2, 20, color));
    x += width + rng.range(-4, 6);
  }
  return parts;
}
