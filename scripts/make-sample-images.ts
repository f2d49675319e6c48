/**
 * Draws the sample illustrations for "The Meridian Review" demo publication.
 *
 * Every picture is composed in code as an SVG string (flat, stylised shapes,
 * gradients and silhouettes) and rasterised with sharp. All randomness comes
 * from a PRNG seeded with the image name, so every run is byte-identical.
 *
 *   cd /work/main && node_modules/.bin/node scripts/make-sample-images.ts
 *
 * Writes:
 *   content/images/<name>.jpg            25 heroes, 1600x900
 *   content/images/sahel-blocs-map.jpg   a schematic map shown in an article's body, 1600x900
 *   content/images/authors/<id>.jpg      10 portraits, 400x400
 *   public/logo.svg, public/favicon.svg
 *   public/share-card.png                1200x630, shown when a page without a photo is shared
 */
import sharp from 'sharp';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HERO_DIR = join(ROOT, 'content', 'images');
const AUTHOR_DIR = join(HERO_DIR, 'authors');
const PUBLIC_DIR = join(ROOT, 'public');

const W = 1600;
const H = 900;
const PORTRAIT_SIZE = 400;
const JPEG_OPTIONS = { quality: 72, mozjpeg: true } as const;

type Point = [number, number];
type Point3 = [number, number, number];
/** Gradient stop: offset 0..1, colour, optional opacity. */
type Stop = [number, string] | [number, string, number];

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

type Rng = {
  next: () => number;
  range: (min: number, max: number) => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
};

/** mulberry32 seeded from an FNV-1a hash of the text. */
function createRng(seedText: string): Rng {
  let hash = 2166136261;
  for (let i = 0; i < seedText.length; i++) {
    hash ^= seedText.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  let state = hash >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => Math.floor(min + (max - min + 1) * next()),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
  };
}

// ---------------------------------------------------------------------------
// Number and colour formatting
// ---------------------------------------------------------------------------

/** Coordinates rounded to 0.1 px keep the SVG small and stable. */
function fmt(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Opacities and gradient offsets with three decimals. */
function dec(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function opacity(value: number): string {
  return `opacity="${dec(value)}"`;
}

function pointList(points: Point[]): string {
  return points.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' ');
}

function hexToRgb(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function rgbToHex(rgb: [number, number, number]): string {
  return '#' + rgb.map((c) => Math.max(0, Math.min(255, Math.round(c))).toString(16).padStart(2, '0')).join('');
}

/** Linear mix of two #rrggbb colours, t = 0 gives a, t = 1 gives b. */
function mix(a: string, b: string, t: number): string {
  const ca = hexToRgb(a);
  const cb = hexToRgb(b);
  return rgbToHex([ca[0] + (cb[0] - ca[0]) * t, ca[1] + (cb[1] - ca[1]) * t, ca[2] + (cb[2] - ca[2]) * t]);
}

const darken = (color: string, amount: number): string => mix(color, '#000000', amount);
const lighten = (color: string, amount: number): string => mix(color, '#ffffff', amount);

// ---------------------------------------------------------------------------
// SVG primitives (return markup strings)
// ---------------------------------------------------------------------------

function extra(attributes: string): string {
  return attributes ? ' ' + attributes : '';
}

function rect(x: number, y: number, width: number, height: number, fill: string, attributes = ''): string {
  return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(Math.max(0, width))}" height="${fmt(Math.max(0, height))}" fill="${fill}"${extra(attributes)}/>`;
}

function roundedRect(x: number, y: number, width: number, height: number, radius: number, fill: string, attributes = ''): string {
  return rect(x, y, width, height, fill, `rx="${fmt(radius)}"${extra(attributes)}`);
}

function circle(cx: number, cy: number, r: number, fill: string, attributes = ''): string {
  return `<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(Math.max(0, r))}" fill="${fill}"${extra(attributes)}/>`;
}

function ellipse(cx: number, cy: number, rx: number, ry: number, fill: string, attributes = ''): string {
  return `<ellipse cx="${fmt(cx)}" cy="${fmt(cy)}" rx="${fmt(Math.max(0, rx))}" ry="${fmt(Math.max(0, ry))}" fill="${fill}"${extra(attributes)}/>`;
}

function polygon(points: Point[], fill: string, attributes = ''): string {
  return `<polygon points="${pointList(points)}" fill="${fill}"${extra(attributes)}/>`;
}

function pathShape(d: string, fill: string, attributes = ''): string {
  return `<path d="${d}" fill="${fill}"${extra(attributes)}/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, attributes = ''): string {
  return `<line x1="${fmt(x1)}" y1="${fmt(y1)}" x2="${fmt(x2)}" y2="${fmt(y2)}" stroke="${stroke}" stroke-width="${dec(width)}" stroke-linecap="round"${extra(attributes)}/>`;
}

function polyline(points: Point[], stroke: string, width: number, attributes = ''): string {
  return `<polyline points="${pointList(points)}" fill="none" stroke="${stroke}" stroke-width="${dec(width)}" stroke-linecap="round" stroke-linejoin="round"${extra(attributes)}/>`;
}

function strokePath(d: string, stroke: string, width: number, attributes = ''): string {
  return `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${dec(width)}" stroke-linecap="round" stroke-linejoin="round"${extra(attributes)}/>`;
}

function group(children: string[], attributes = ''): string {
  return `<g${extra(attributes)}>${children.join('')}</g>`;
}

/** Places children drawn around a local origin at (x, y), scaled; facing -1 mirrors horizontally. */
function placed(children: string[], x: number, y: number, scale: number, facing = 1): string {
  return group(children, `transform="translate(${fmt(x)} ${fmt(y)}) scale(${dec(scale * facing)} ${dec(scale)})"`);
}

/** Catmull-Rom spline through the points, as cubic Bezier path data. */
function smoothPath(points: Point[], closed = false): string {
  const n = points.length;
  const at = (i: number): Point => (closed ? points[(i + n) % n] : points[Math.max(0, Math.min(n - 1, i))]);
  let d = `M${fmt(points[0][0])},${fmt(points[0][1])}`;
  const segments = closed ? n : n - 1;
  for (let i = 0; i < segments; i++) {
    const p0 = at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = at(i + 2);
    const c1: Point = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: Point = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${fmt(c1[0])},${fmt(c1[1])} ${fmt(c2[0])},${fmt(c2[1])} ${fmt(p2[0])},${fmt(p2[1])}`;
  }
  return closed ? d + 'Z' : d;
}

function straightPath(points: Point[]): string {
  return 'M' + points.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join('L');
}

/** Closed path: a skyline/ridge line plus everything below it down to `bottom`. */
function areaBelow(points: Point[], bottom: number, smooth = true): string {
  const first = points[0];
  const last = points[points.length - 1];
  const top = smooth ? smoothPath(points) : straightPath(points);
  return `${top}L${fmt(last[0])},${fmt(bottom)}L${fmt(first[0])},${fmt(bottom)}Z`;
}

// ---------------------------------------------------------------------------
// Scene: an SVG document under construction, with shared <defs>
// ---------------------------------------------------------------------------

class Scene {
  width: number;
  height: number;
  defs: string[] = [];
  body: string[] = [];
  idCount = 0;
  blurIds = new Map<number, string>();

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
  }

  add(...parts: string[]): void {
    this.body.push(...parts);
  }

  newId(prefix: string): string {
    this.idCount += 1;
    return `${prefix}${this.idCount}`;
  }

  /** Gradient between two points; userSpace=false means 0..1 of the shape's bounding box. */
  linearGradient(stops: Stop[], from: Point = [0, 0], to: Point = [0, 1], userSpace = false): string {
    const id = this.newId('lg');
    const units = userSpace ? ' gradientUnits="userSpaceOnUse"' : '';
    this.defs.push(
      `<linearGradient id="${id}" x1="${dec(from[0])}" y1="${dec(from[1])}" x2="${dec(to[0])}" y2="${dec(to[1])}"${units}>${stopTags(stops)}</linearGradient>`,
    );
    return `url(#${id})`;
  }

  verticalGradient(stops: Stop[], top: number, bottom: number): string {
    return this.linearGradient(stops, [0, top], [0, bottom], true);
  }

  radialGradient(stops: Stop[], center: Point = [0.5, 0.5], radius = 0.5, userSpace = false): string {
    const id = this.newId('rg');
    const units = userSpace ? ' gradientUnits="userSpaceOnUse"' : '';
    this.defs.push(
      `<radialGradient id="${id}" cx="${dec(center[0])}" cy="${dec(center[1])}" r="${dec(radius)}"${units}>${stopTags(stops)}</radialGradient>`,
    );
    return `url(#${id})`;
  }

  /** Returns a `filter="..."` attribute for a Gaussian blur (one filter per strength). */
  blur(strength: number): string {
    let id = this.blurIds.get(strength);
    if (!id) {
      id = this.newId('blur');
      this.blurIds.set(strength, id);
      this.defs.push(
        `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${dec(strength)}"/></filter>`,
      );
    }
    return `filter="url(#${id})"`;
  }

  /** Returns a `clip-path="..."` attribute clipping to the given shape markup. */
  clip(shapeMarkup: string): string {
    const id = this.newId('clip');
    this.defs.push(`<clipPath id="${id}">${shapeMarkup}</clipPath>`);
    return `clip-path="url(#${id})"`;
  }

  toSvg(): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">` +
      `<defs>${this.defs.join('')}</defs>${this.body.join('')}</svg>`
    );
  }
}

function stopTags(stops: Stop[]): string {
  return stops
    .map(([offset, color, alpha]) => `<stop offset="${dec(offset)}" stop-color="${color}"${alpha === undefined ? '' : ` stop-opacity="${dec(alpha)}"`}/>`)
    .join('');
}

// ---------------------------------------------------------------------------
// Simple perspective camera (for halls, ponds, locks, plains)
// ---------------------------------------------------------------------------

type Camera = { cx: number; cy: number; focal: number; eyeX: number; eyeY: number };

/** World: x right, y up, z away from the viewer. */
function project(camera: Camera, [x, y, z]: Point3): Point {
  return [camera.cx + ((x - camera.eyeX) * camera.focal) / z, camera.cy - ((y - camera.eyeY) * camera.focal) / z];
}

function projectAll(camera: Camera, points: Point3[]): Point[] {
  return points.map((p) => project(camera, p));
}

/** Screen size of a world length at depth z. */
function scaleAt(camera: Camera, z: number): number {
  return camera.focal / z;
}

// ---------------------------------------------------------------------------
// Landscape helpers
// ---------------------------------------------------------------------------

function fillSky(scene: Scene, stops: Stop[], bottom = scene.height): void {
  scene.add(rect(0, 0, scene.width, bottom, scene.verticalGradient(stops, 0, bottom)));
}

function fillBand(scene: Scene, top: number, bottom: number, stops: Stop[]): void {
  scene.add(rect(0, top, scene.width, bottom - top, scene.verticalGradient(stops, top, bottom)));
}

/** Sun disc with a soft radial halo. */
function drawSun(scene: Scene, cx: number, cy: number, radius: number, core: string, glow: string, glowRadius: number): void {
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
function rollingRidge(rng: Rng, baseY: number, amplitude: number, waviness = 1, step = 25, width = W): Point[] {
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
function jaggedRidge(rng: Rng, start: Point, end: Point, displacement: number, levels: number, roughness = 0.55): Point[] {
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
function drawMountains(scene: Scene, rng: Rng, points: Point[], baseY: number, fill: string, snowLine: number | null): void {
  const shape = areaBelow(points, baseY, false);
  scene.add(pathShape(shape, fill));
  if (snowLine === null) return;
  const snowEdge: Point[] = [];
  for (let x = -20; x <= W + 20; x += 18) snowEdge.push([x, snowLine + rng.range(-14, 22)]);
  const snow = `M-20,0L${W + 20},0` + snowEdge.slice().reverse().map(([x, y]) => `L${fmt(x)},${fmt(y)}`).join('') + 'Z';
  scene.add(pathShape(snow, '#f4f6fa', scene.clip(pathShape(shape, '#fff'))));
}

/** Irregular rounded blob (islands, clouds of dust, bushes). */
function blobPath(rng: Rng, cx: number, cy: number, rx: number, ry: number, irregularity: number, count = 14): string {
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    const angle = (i / count) * Math.PI * 2;
    const wobble = 1 + rng.range(-irregularity, irregularity);
    points.push([cx + Math.cos(angle) * rx * wobble, cy + Math.sin(angle) * ry * wobble]);
  }
  return smoothPath(points, true);
}

/** Cumulus cloud: shaded underside puffs, then lit puffs. */
function cloud(rng: Rng, cx: number, cy: number, width: number, lit: string, shade: string): string {
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
function waveDashes(rng: Rng, count: number, top: number, bottom: number, color: string, alpha: number, maxLength: number): string[] {
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
function glitterColumn(rng: Rng, x: number, top: number, bottom: number, width: number, color: string, alpha: number, spacing = 9): string[] {
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
function wakeFoam(start: Point, endX: number, spreadUp: number, spreadDown: number): string[] {
  const [x0, y0] = start;
  const edge = (dy: number): Point => [endX, y0 + dy];
  const parts = [polygon([[x0, y0 - 4], edge(spreadUp), edge(spreadDown), [x0, y0 + 6]], '#e9fbf8', opacity(0.2))];
  for (const [dy, width] of [[spreadUp, 4], [spreadDown, 5], [(spreadUp + spreadDown) / 2, 2.5]] as Point[]) {
    const [ex, ey] = edge(dy);
    parts.push(strokePath(`M${fmt(x0)},${fmt(y0)}Q${fmt(x0 + (ex - x0) * 0.3)},${fmt(y0 + dy * 0.4)} ${fmt(ex)},${fmt(ey)}`, '#ffffff', width, opacity(0.7)));
  }
  return parts;
}

function birds(rng: Rng, count: number, x: number, y: number, spread: number, color: string): string[] {
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
function palmTree(x: number, y: number, height: number, color: string, lean = 1): string {
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
function acaciaTree(x: number, y: number, height: number, color: string): string {
  const w = height * 1.3;
  return group([
    strokePath(`M${fmt(x)},${fmt(y)}L${fmt(x)},${fmt(y - height * 0.45)}L${fmt(x - w * 0.25)},${fmt(y - height * 0.85)}M${fmt(x)},${fmt(y - height * 0.45)}L${fmt(x + w * 0.22)},${fmt(y - height * 0.82)}`, color, Math.max(1.5, height * 0.06)),
    ellipse(x, y - height * 0.88, w / 2, height * 0.14, color),
  ]);
}

/** Coniferous tree as a stacked triangle. */
function pineTree(x: number, y: number, height: number, color: string): string {
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
function citySkyline(rng: Rng, x0: number, x1: number, baseY: number, maxHeight: number, color: string, withSpires = true): string[] {
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

// ---------------------------------------------------------------------------
// Flags (generic designs; randomised so none is meant to be a real country's)
// ---------------------------------------------------------------------------

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
function genericFlag(rng: Rng, x: number, y: number, width: number, height: number): string {
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

// ---------------------------------------------------------------------------
// Vessels
// ---------------------------------------------------------------------------

/** Small wooden fishing boat, local length 300 facing right, waterline y = 0. */
function fishingBoat(rng: Rng, hullColor: string, cabinColor: string): string[] {
  const parts: string[] = [];
  parts.push(ellipse(0, 4, 160, 10, '#000000', opacity(0.15)));
  parts.push(polygon([[-150, -40], [128, -40], [160, -62], [138, -20], [112, 0], [-136, 0], [-152, -22]], hullColor));
  parts.push(polygon([[-150, -40], [128, -40], [160, -62], [156, -54], [128, -32], [-150, -32]], lighten(hullColor, 0.75)));
  parts.push(polygon([[-136, 0], [112, 0], [124, -9], [-142, -9]], darken(hullColor, 0.35)));
  parts.push(rect(-112, -96, 74, 56, cabinColor), rect(-120, -104, 90, 10, darken(cabinColor, 0.25)));
  parts.push(rect(-100, -86, 22, 18, '#2b3440'), rect(-70, -86, 22, 18, '#2b3440'));
  parts.push(line(30, -40, 30, -170, '#4a3b2c', 5), line(30, -150, -96, -104, '#4a3b2c', 3));
  parts.push(polygon([[30, -170], [62, -162], [30, -154]], '#d23b2f'));
  // string of lamps from mast top to the bow
  for (let i = 1; i < 7; i++) {
    const t = i / 7;
    parts.push(line(30 + t * 120, -170 + t * 118 - Math.sin(t * Math.PI) * 14, 30 + t * 120, -160 + t * 118 - Math.sin(t * Math.PI) * 14, '#6b5a44', 1.5));
    parts.push(circle(30 + t * 120, -156 + t * 118 - Math.sin(t * Math.PI) * 14, 5, '#fff6d8'));
  }
  parts.push(strokePath('M30,-170Q90,-118 150,-50', '#6b5a44', 1.5));
  if (rng.chance(0.6)) parts.push(roundedRect(-30, -58, 50, 18, 4, '#3b6f8f'), roundedRect(30, -56, 40, 16, 4, '#d98c2b'));
  return parts;
}

/** Grey coast guard cutter, local length 1000 facing right, waterline y = 0. */
function coastGuardShip(): string[] {
  const hull = '#7d8893';
  const upper = '#aab4bd';
  const parts: string[] = [];
  parts.push(ellipse(-20, 8, 520, 18, '#0b3b4a', opacity(0.25)));
  parts.push(polygon([[-500, -72], [360, -80], [500, -112], [470, -52], [418, 0], [-480, 0], [-500, -28]], hull));
  parts.push(polygon([[-480, 0], [418, 0], [430, -14], [-488, -14]], darken(hull, 0.35)));
  // racing stripes near the bow
  parts.push(polygon([[250, -80], [300, -81], [244, 0], [194, 0]], '#f0f3f5'));
  parts.push(polygon([[276, -80], [296, -81], [240, 0], [220, 0]], '#2f5fa8'));
  parts.push(polygon([[214, -80], [236, -80], [180, 0], [158, 0]], '#2f5fa8'));
  for (let x = -440; x < 160; x += 38) parts.push(circle(x, -42, 5, '#3d4650'));
  // superstructure, stepped
  parts.push(polygon([[-330, -74], [-330, -150], [170, -150], [210, -76]], upper));
  parts.push(polygon([[-230, -150], [-230, -214], [120, -214], [150, -150]], lighten(upper, 0.15)));
  parts.push(polygon([[-60, -214], [-60, -258], [130, -258], [150, -214]], lighten(upper, 0.2)));
  parts.push(polygon([[-50, -246], [132, -246], [140, -230], [-50, -230]], '#27313b'));
  for (let x = -300; x < 140; x += 34) parts.push(rect(x, -128, 18, 12, '#3a4652'));
  parts.push(roundedRect(-200, -176, 90, 22, 11, '#e36b2c'), roundedRect(-80, -176, 90, 22, 11, '#e36b2c'));
  // funnel and mast
  parts.push(polygon([[-290, -214], [-272, -270], [-200, -270], [-200, -214]], darken(upper, 0.1)));
  parts.push(rect(-276, -262, 70, 10, '#2f5fa8'));
  parts.push(line(30, -258, 30, -390, '#56606a', 8), line(-20, -330, 80, -330, '#56606a', 6), line(0, -360, 60, -360, '#56606a', 4));
  parts.push(rect(-10, -344, 80, 8, '#3a4450'), circle(30, -404, 18, '#eef1f3'));
  // bow water cannon
  parts.push(rect(330, -108, 34, 28, darken(upper, 0.2)), line(350, -104, 400, -118, '#56606a', 7));
  return parts;
}

/** Crude oil tanker at night, local coordinates in px, waterline y = 0, bow to the right. */
function tankerAtNight(rng: Rng, parts: string[]): void {
  const hull = '#1b1d2a';
  parts.push(polygon([[0, -60], [990, -60], [1050, -70], [1038, -40], [1012, 0], [18, 0], [4, -22]], hull));
  parts.push(polygon([[18, 0], [1012, 0], [1019, -10], [10, -10]], '#5a1a22'));
  parts.push(line(0, -60, 990, -60, '#3a3f58', 3), line(990, -60, 1050, -70, '#3a3f58', 3));
  parts.push(polygon([[930, -60], [940, -74], [1050, -78], [1050, -70], [990, -60]], hull));
  // deck piping and the manifold crane
  parts.push(line(170, -66, 930, -66, '#454a63', 4), line(170, -72, 930, -72, '#343850', 2));
  for (let x = 200; x < 930; x += 60) parts.push(line(x, -60, x, -74, '#343850', 2));
  parts.push(line(560, -60, 560, -130, '#3c4058', 6), line(560, -128, 640, -96, '#3c4058', 4));
  // accommodation block at the stern
  parts.push(rect(22, -180, 140, 120, '#262a3c'));
  parts.push(rect(12, -196, 162, 18, '#2c3046'));
  parts.push(rect(30, -232, 100, 36, '#262a3c'));
  parts.push(rect(40, -226, 84, 12, '#f4e2b0', opacity(0.9)));
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 7; col++) {
      if (rng.chance(0.55)) parts.push(rect(32 + col * 18, -170 + row * 26, 10, 12, rng.pick(['#ffd27a', '#ffe9b8', '#ffbf5e'])));
    }
  }
  parts.push(polygon([[36, -232], [44, -282], [96, -282], [100, -232]], '#2a2d40'), rect(44, -276, 52, 8, '#8c2b2b'));
  parts.push(line(138, -232, 138, -292, '#4b506a', 3));
  parts.push(line(1010, -76, 1010, -130, '#4b506a', 3));
  // anchor chain from the hawse pipe into the sea
  parts.push(line(1022, -46, 1070, 14, '#4a4f66', 4, 'stroke-dasharray="7 3"'));
}

// ---------------------------------------------------------------------------
// Hero: gulf-water-1 -- desalination plant, intake pipes, orange dusk
// ---------------------------------------------------------------------------

function drawDesalinationPlantAtDusk(s: Scene, rng: Rng): void {
  const horizon = 560;
  fillSky(s, [[0, '#2b1d4a'], [0.35, '#74305c'], [0.68, '#de5f3d'], [0.88, '#f6a24c'], [1, '#fcd88c']], horizon);
  for (let i = 0; i < 9; i++) {
    s.add(ellipse(rng.range(0, W), rng.range(120, 440), rng.range(140, 340), rng.range(4, 9), '#f49a6a', opacity(rng.range(0.18, 0.4))));
  }
  drawSun(s, 1190, horizon - 10, 58, '#ffe9b0', '#ffb45c', 380);
  fillBand(s, horizon, H, [[0, '#e0834f'], [0.2, '#9a4b58'], [1, '#1e1934']]);
  s.add(...glitterColumn(rng, 1190, horizon + 4, H, 180, '#ffd08a', 0.85, 11));
  s.add(...waveDashes(rng, 140, horizon + 5, H, '#f2a36b', 0.25, 120));

  // flat coastal strip
  const plant = '#24162a';
  s.add(polygon([[0, 553], [980, 553], [1040, 588], [1100, 630], [1120, 641], [0, 641]], s.verticalGradient([[0, '#4d2c3e'], [1, '#2a1a2d']], 553, 641)));
  s.add(polyline([[0, 641], [1120, 641], [1100, 630], [1040, 588], [980, 553]], '#e7925f', 2.5, opacity(0.55)));

  // process hall with a saw-tooth roof
  const hall: Point[] = [[90, 616], [90, 575]];
  for (let x = 90; x < 560; x += 40) hall.push([x + 40, 554], [x + 40, 575]);
  hall.push([570, 616]);
  s.add(polygon(hall, plant));
  for (let x = 100; x < 560; x += 22) if (rng.chance(0.5)) s.add(rect(x, 590, 9, 7, '#ffcf7a', opacity(0.85)));

  // control block with lit windows
  s.add(rect(580, 505, 170, 111, plant));
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 7; col++) {
      if (rng.chance(0.4)) s.add(rect(592 + col * 22, 518 + row * 22, 10, 9, '#ffcf7a', opacity(0.9)));
    }
  }
  // stacks with a faint plume
  for (let i = 0; i < 6; i++) s.add(ellipse(590 - i * 55, 380 - i * 22, 40 + i * 14, 16 + i * 5, '#d9a39a', `${opacity(0.28 - i * 0.035)} ${s.blur(10)}`));
  s.add(rect(600, 392, 18, 114, plant), rect(640, 410, 18, 96, plant));
  s.add(circle(609, 388, 4, '#ff4b3a'), circle(649, 406, 4, '#ff4b3a'));

  // storage tanks
  for (const x of [780, 862, 944]) {
    s.add(rect(x, 566, 66, 50, plant), ellipse(x + 33, 566, 33, 8, '#3a2440'));
  }
  s.add(rect(80, 610, 950, 6, plant));
  for (let x = 90; x < 1030; x += 45) s.add(rect(x, 604, 3, 12, plant));

  // intake pipes on trestles running out to sea
  for (const pipeY of [598, 616]) {
    s.add(rect(960, pipeY, 520, 9, plant));
    s.add(rect(960, pipeY + 1, 520, 2, '#6b3a4a'));
    for (let x = 1050; x < 1480; x += 30) {
      s.add(rect(x, pipeY + 9, 3, 650 - pipeY - 9, plant));
      s.add(rect(x - 1, 654, 5, 10, plant, opacity(0.3)));
    }
  }
  s.add(rect(1472, 572, 32, 84, plant), rect(1464, 564, 48, 10, plant), circle(1488, 558, 4, '#ffd27a'));
  s.add(rect(1040, 662, 450, 5, plant, opacity(0.25)), rect(1468, 660, 40, 40, plant, opacity(0.25)));
}

// ---------------------------------------------------------------------------
// Hero: gulf-water-2 -- pipeline across pale dunes toward a distant skyline
// ---------------------------------------------------------------------------

function drawDesertPipeline(s: Scene, rng: Rng): void {
  const horizon = 470;
  fillSky(s, [[0, '#8fbfdc'], [0.6, '#d6e6ea'], [1, '#f5e7cd']], horizon + 10);
  s.add(rect(0, horizon + 10, W, H - horizon - 10, '#f0dcb4'));
  drawSun(s, 1330, 140, 34, '#fffdf2', '#fff6da', 260);

  // hazy city on the horizon
  const vanishing: Point = [1010, horizon + 4];
  s.add(...citySkyline(rng, 820, 1240, horizon + 6, 150, '#b9b6bd'));
  s.add(polygon([[1020, horizon + 6], [1026, horizon - 200], [1031, horizon - 250], [1036, horizon - 200], [1042, horizon + 6]], '#aeaab4'));
  s.add(rect(1017, horizon - 120, 28, 126, '#aeaab4'));
  s.add(rect(780, horizon - 60, 500, 70, s.verticalGradient([[0, '#f5e7cd', 0], [1, '#f5e7cd', 0.9]], horizon - 60, horizon + 10)));

  // dunes, far to near
  const layers = [
    { base: 488, amp: 10, colors: ['#f0dcb4', '#e6cc9c'] },
    { base: 540, amp: 26, colors: ['#ecd2a2', '#dcb885'] },
    { base: 620, amp: 40, colors: ['#e8c893', '#d2a872'] },
    { base: 720, amp: 55, colors: ['#e4bf86', '#c99a62'] },
    { base: 840, amp: 60, colors: ['#e0b57a', '#c08d55'] },
  ];
  for (const layer of layers) {
    const ridge = rollingRidge(rng, layer.base, layer.amp, 1.1);
    const top = Math.min(...ridge.map((p) => p[1]));
    s.add(pathShape(areaBelow(ridge, H), s.verticalGradient([[0, layer.colors[0]], [1, layer.colors[1]]], top, layer.base + layer.amp + 60)));
    s.add(strokePath(smoothPath(ridge), lighten(layer.colors[0], 0.35), 2 + layer.amp / 20, opacity(0.7)));
    // wind ripples
    for (let i = 0; i < 6; i++) {
      const x = rng.range(0, W);
      const y = layer.base + rng.range(10, 50);
      s.add(strokePath(`M${fmt(x)},${fmt(y)}q60,-8 120,0`, darken(layer.colors[1], 0.08), 2, opacity(0.35)));
    }
  }

  // pipeline: a Bezier from the foreground to the city, thinner with distance
  const p0: Point = [-60, 840];
  const p1: Point = [620, 560];
  const p2: Point = vanishing;
  const along = (t: number): Point => [
    (1 - t) * (1 - t) * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0],
    (1 - t) * (1 - t) * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1],
  ];
  // depth parameter: equal world spacing bunches up toward the horizon
  const depthToT = (d: number): number => 1 - Math.pow(1 - d, 0.45);
  const widthAt = (t: number): number => 3 + 50 * Math.pow(1 - t, 2.2);
  for (let i = 0; i < 22; i++) {
    const t = depthToT(1 - Math.pow(0.83, i));
    const [x, y] = along(t);
    const w = widthAt(t);
    s.add(ellipse(x + w * 0.4, y + w * 1.5, w * 1.2, w * 0.25, '#9c7448', opacity(0.35)));
    s.add(rect(x - w * 0.45, y, w * 0.15, w * 1.4, '#6f6256'), rect(x + w * 0.3, y, w * 0.15, w * 1.4, '#6f6256'));
    s.add(rect(x - w * 0.55, y + w * 0.3, w * 1.1, w * 0.14, '#7c6d5f'));
  }
  s.add(polygon(taperedBand(along, widthAt, -0.5, 0.5), '#7c848b'));
  s.add(polygon(taperedBand(along, widthAt, -0.42, -0.12), '#dfe3e6'));
  s.add(polygon(taperedBand(along, widthAt, 0.3, 0.5), '#5f666c'));
}

/** Polygon between two offsets (fractions of the local width) across a curve, for tapering pipes. */
function taperedBand(along: (t: number) => Point, widthAt: (t: number) => number, fromOffset: number, toOffset: number, steps = 80): Point[] {
  const upper: Point[] = [];
  const lower: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const [x, y] = along(t);
    const [nx, ny] = along(Math.min(1, t + 0.001));
    const [px, py] = along(Math.max(0, t - 0.001));
    const length = Math.hypot(nx - px, ny - py) || 1;
    const normal: Point = [-(ny - py) / length, (nx - px) / length];
    const w = widthAt(t);
    upper.push([x + normal[0] * w * fromOffset, y + normal[1] * w * fromOffset]);
    lower.push([x + normal[0] * w * toOffset, y + normal[1] * w * toOffset]);
  }
  return [...upper, ...lower.reverse()];
}

// ---------------------------------------------------------------------------
// Hero: iran-sanctions-1 -- tanker at anchor, dark sea, port lights behind
// ---------------------------------------------------------------------------

function drawTankerAtAnchor(s: Scene, rng: Rng): void {
  const horizon = 520;
  fillSky(s, [[0, '#060a1a'], [0.6, '#15203d'], [1, '#3a3752']], horizon);
  for (let i = 0; i < 90; i++) s.add(circle(rng.range(0, W), rng.range(0, 380), rng.range(0.6, 1.6), '#ffffff', opacity(rng.range(0.3, 0.8))));
  s.add(ellipse(800, horizon, 900, 90, '#e0894a', `${opacity(0.25)} ${s.blur(30)}`));
  fillBand(s, horizon, H, [[0, '#101c33'], [1, '#03070f']]);

  // port: warehouses, gantry cranes, light towers
  const port = '#0b1022';
  s.add(...citySkyline(rng, -20, 1620, horizon + 2, 70, port, false));
  const lights: Point[] = [];
  for (const craneX of [120, 260, 1360, 1500]) {
    s.add(rect(craneX - 28, horizon - 120, 6, 120, port), rect(craneX + 22, horizon - 120, 6, 120, port));
    s.add(rect(craneX - 90, horizon - 128, 190, 10, port), rect(craneX - 10, horizon - 160, 30, 40, port));
    s.add(line(craneX + 5, horizon - 160, craneX + 100, horizon - 128, port, 3), line(craneX + 5, horizon - 160, craneX - 90, horizon - 128, port, 3));
    s.add(circle(craneX + 5, horizon - 166, 3, '#ff4b3a'));
    lights.push([craneX - 60, horizon - 116], [craneX + 70, horizon - 116]);
  }
  for (let i = 0; i < 60; i++) lights.push([rng.range(0, W), horizon - rng.range(2, 50)]);
  for (const [x, y] of lights) {
    const color = rng.pick(['#ffc46b', '#fff2c4', '#ffd89a', '#ffffff']);
    s.add(circle(x, y, 7, color, `${opacity(0.35)} ${s.blur(4)}`), circle(x, y, 2, color));
    if (rng.chance(0.5)) s.add(...glitterColumn(rng, x, horizon + 6, horizon + 110, 16, color, 0.35, 9));
  }

  // the tanker
  const tanker: string[] = [];
  tankerAtNight(rng, tanker);
  s.add(placed(tanker, 250, 700, 1));
  // anchor lights and deck floodlights
  for (const [x, y] of [[388, 408], [1260, 570]] as Point[]) s.add(circle(x, y, 14, '#ffffff', `${opacity(0.4)} ${s.blur(6)}`), circle(x, y, 3.5, '#ffffff'));
  for (const x of [520, 760, 1000, 1180]) s.add(ellipse(x, 634, 60, 14, '#ffc46b', `${opacity(0.25)} ${s.blur(8)}`));
  // reflection of the hull and superstructure
  s.add(rect(268, 702, 1000, 34, '#000000', opacity(0.35)), rect(270, 702, 140, 110, '#000000', opacity(0.25)));
  for (const x of [300, 330, 360, 400]) s.add(...glitterColumn(rng, x, 706, 820, 16, '#ffd27a', 0.4, 8));
  s.add(...waveDashes(rng, 120, horizon + 10, H, '#4a6a9a', 0.25, 100));
}

// ---------------------------------------------------------------------------
// Hero: iran-sanctions-2 -- conference table with national flags, from above
// ---------------------------------------------------------------------------

function drawConferenceTableFromAbove(s: Scene, rng: Rng): void {
  s.add(rect(0, 0, W, H, '#22344a'));
  for (let k = -H; k < W; k += 60) {
    s.add(line(k, 0, k + H, H, '#2b4058', 2), line(k + H, 0, k, H, '#2b4058', 2));
  }
  s.add(rect(0, 0, W, H, s.radialGradient([[0, '#000000', 0], [1, '#000000', 0.45]], [0.5, 0.5], 0.75)));

  const seatXs = Array.from({ length: 7 }, (_, i) => 330 + i * 157);
  const chair = (cx: number, cy: number, towardTable: 1 | -1): string[] => [
    roundedRect(cx - 44, cy - 36, 88, 72, 16, '#15181f'),
    roundedRect(cx - 36, cy - 28, 72, 56, 12, '#262b36'),
    roundedRect(cx - 50, cy - 36 * towardTable - (towardTable > 0 ? 22 : 0), 100, 22, 10, '#101217'),
  ];
  for (const x of seatXs) {
    s.add(...chair(x + rng.range(-6, 6), 226 + rng.range(-6, 4), 1));
    s.add(...chair(x + rng.range(-6, 6), 674 + rng.range(-4, 6), -1));
  }
  // end chairs, rotated
  s.add(group(chair(0, 0, 1), 'transform="translate(118 450) rotate(-90)"'), group(chair(0, 0, 1), 'transform="translate(1482 450) rotate(90)"'));

  // the table
  s.add(roundedRect(190, 296, 1220, 308, 154, '#000000', `${opacity(0.35)} ${s.blur(12)} transform="translate(10 14)"`));
  s.add(roundedRect(180, 290, 1240, 320, 160, s.linearGradient([[0, '#6e412a'], [0.5, '#9a6240'], [1, '#6e412a']], [0, 0], [1, 1]), 'stroke="#4a2c1c" stroke-width="8"'));
  s.add(roundedRect(206, 316, 1188, 268, 134, 'none', `stroke="#c08a5e" stroke-width="2" ${opacity(0.45)}`));
  for (let i = 0; i < 9; i++) s.add(line(260, 340 + i * 28, 1340, 340 + i * 28 + rng.range(-6, 6), '#5a3520', 1.5, opacity(0.25)));
  s.add(roundedRect(430, 432, 740, 36, 18, '#2f5d46'));
  for (const x of [520, 800, 1080]) {
    for (let i = 0; i < 7; i++) s.add(circle(x + rng.range(-22, 22), 450 + rng.range(-10, 10), rng.range(8, 13), rng.pick(['#f2f2f2', '#f6c945', '#e86f6f', '#7fbf7f'])));
  }

  // per seat: desk flag, briefing papers, microphone, water glass
  const setting = (x: number, edge: 1 | -1): void => {
    const flagY = edge > 0 ? 318 : 546;
    s.add(rect(x - 58, flagY + 4, 56, 36, '#000000', opacity(0.25)));
    s.add(genericFlag(rng, x - 62, flagY, 56, 36));
    s.add(circle(x - 62, edge > 0 ? flagY : flagY + 36, 4, '#c9ccd2'));
    const paperY = edge > 0 ? 306 : 504;
    const paper: string[] = [rect(0, 0, 62, 84, '#f4f2ec')];
    for (let i = 0; i < 7; i++) paper.push(rect(8, 10 + i * 10, rng.range(30, 46), 3, '#b9b6ae'));
    s.add(group(paper, `transform="translate(${fmt(x + 2)} ${fmt(paperY)}) rotate(${dec(rng.range(-5, 5))} 31 42)"`));
    const micY = edge > 0 ? 382 : 518;
    s.add(circle(x - 24, micY, 8, '#1b1d22'), line(x - 24, micY, x - 10, micY - 26 * edge, '#1b1d22', 3), circle(x - 10, micY - 26 * edge, 4, '#c0392b'));
    const glassY = edge > 0 ? 400 : 500;
    s.add(circle(x + 50, glassY, 12, '#bfe3f0', opacity(0.8)), circle(x + 46, glassY - 4, 4, '#ffffff', opacity(0.8)));
  };
  for (const x of seatXs) {
    setting(x, 1);
    setting(x, -1);
  }
}

// ---------------------------------------------------------------------------
// Hero: south-china-sea-1 -- fishing boats and a grey coast guard ship
// ---------------------------------------------------------------------------

function drawCoastGuardAndFishingBoats(s: Scene, rng: Rng): void {
  const horizon = 330;
  fillSky(s, [[0, '#7cc6e6'], [1, '#dff3f6']], horizon);
  s.add(cloud(rng, 300, 130, 360, '#ffffff', '#dce9ef'), cloud(rng, 1250, 90, 280, '#ffffff', '#dce9ef'));
  s.add(pathShape(areaBelow(rollingRidge(rng, horizon - 6, 14, 3, 20, 420).map(([x, y]) => [x + 60, y] as Point), horizon + 2), '#6a9c8a'));
  fillBand(s, horizon, H, [[0, '#1f8fa8'], [0.35, '#2fb7bb'], [1, '#5fd8c9']]);
  s.add(...waveDashes(rng, 220, horizon + 4, H, '#d9fbf5', 0.5, 140));

  // the cutter, bow pointed at the fishing boats on the left
  const shipX = 1080;
  const shipY = 470;
  s.add(...wakeFoam([shipX + 300, shipY], W + 20, -14, 34));
  s.add(placed(coastGuardShip(), shipX, shipY, 0.62, -1));
  s.add(strokePath(`M${shipX - 320},${shipY - 2}q-30,6 -50,18`, '#ffffff', 5, opacity(0.8)));

  const boats = [
    { x: 640, y: 520, length: 150, hull: '#2f8f6f', cabin: '#f1efe6', facing: 1 },
    { x: 270, y: 575, length: 210, hull: '#2e5fa3', cabin: '#f4f1e8', facing: 1 },
    { x: 1340, y: 660, length: 240, hull: '#d6a431', cabin: '#f4f1e8', facing: -1 },
    { x: 520, y: 780, length: 400, hull: '#c0392b', cabin: '#f4f1e8', facing: 1 },
  ];
  for (const boat of boats) {
    s.add(placed(fishingBoat(rng, boat.hull, boat.cabin), boat.x, boat.y, boat.length / 300, boat.facing));
    s.add(ellipse(boat.x, boat.y + 6, boat.length * 0.55, boat.length * 0.03, '#ffffff', opacity(0.35)));
  }
}

// ---------------------------------------------------------------------------
// Hero: south-china-sea-2 -- chart-like islands, reefs, dotted boundaries
// ---------------------------------------------------------------------------

function drawIslandsAndBoundaryChart(s: Scene, rng: Rng): void {
  s.add(rect(0, 0, W, H, s.radialGradient([[0, '#1d5a82'], [1, '#0e2f4f']], [0.55, 0.5], 0.8)));
  // mainland coast in the top-left corner
  const coast: Point[] = [[-20, -20], [520, -20]];
  for (let i = 0; i <= 12; i++) {
    const t = i / 12;
    coast.push([520 - t * 540 + rng.range(-25, 25), t * 360 + rng.range(-15, 15)]);
  }
  coast.push([-20, 380]);
  s.add(pathShape(smoothPath(coast, true), '#7fc9d3', opacity(0.35)), pathShape(smoothPath(coast, true), '#d9c99a', 'transform="translate(-18 -14)"'));
  // graticule
  for (let x = 80; x < W; x += 180) s.add(line(x, 0, x, H, '#ffffff', 1.5, opacity(0.12)));
  for (let y = 60; y < H; y += 180) s.add(line(0, y, W, y, '#ffffff', 1.5, opacity(0.12)));

  const islands = [
    { x: 760, y: 300, r: 46 }, { x: 1010, y: 420, r: 30 }, { x: 620, y: 560, r: 26 }, { x: 1240, y: 250, r: 38 },
    { x: 880, y: 690, r: 34 }, { x: 1330, y: 620, r: 24 }, { x: 430, y: 760, r: 20 },
  ];
  // depth contours
  for (const island of islands) {
    for (let k = 5; k >= 1; k--) {
      s.add(pathShape(blobPath(rng, island.x, island.y, island.r * (1.6 + k * 0.9), island.r * (1.3 + k * 0.8), 0.18), 'none', `stroke="#8fd6ff" stroke-width="1.5" ${opacity(0.08 + 0.03 * (5 - k))}`));
    }
  }
  for (const island of islands) {
    const reef = blobPath(rng, island.x, island.y, island.r * 1.9, island.r * 1.5, 0.2);
    s.add(pathShape(reef, '#3fb8c6', opacity(0.55)), pathShape(reef, 'none', 'stroke="#a8eef0" stroke-width="3" stroke-dasharray="3 5"'));
    s.add(pathShape(blobPath(rng, island.x, island.y, island.r, island.r * 0.75, 0.3), '#ead9a7'));
    s.add(pathShape(blobPath(rng, island.x + 3, island.y - 2, island.r * 0.6, island.r * 0.42, 0.3), '#7fae6a'));
  }
  // atolls: reef rings around a lagoon
  for (const [x, y, r] of [[1120, 560, 44], [520, 380, 36], [1420, 400, 30], [300, 560, 28]] as [number, number, number][]) {
    const atoll = blobPath(rng, x, y, r, r * 0.7, 0.2);
    s.add(pathShape(atoll, 'none', `stroke="#7fe0dd" stroke-width="${fmt(r * 0.35)}"`), pathShape(atoll, '#4cc3c6', opacity(0.6)));
  }
  // dotted maritime boundary lines
  const dotted = 'stroke-dasharray="0.1 14"';
  s.add(strokePath(smoothPath([[560, -10], [600, 180], [690, 420], [560, 640], [640, 910]]), '#ffffff', 6, dotted));
  s.add(strokePath(smoothPath([[1620, 160], [1320, 330], [1160, 470], [1000, 560], [760, 910]]), '#ffd166', 6, dotted));
  s.add(strokePath(smoothPath([[900, -10], [940, 200], [1180, 360], [1620, 460]]), '#ffffff', 3, 'stroke-dasharray="18 10"'));
  s.add(strokePath(smoothPath([[1620, 760], [1280, 760], [1120, 840], [1040, 910]]), '#ff8a7a', 5, dotted));

  // compass rose and scale bar
  const cx = 1440;
  const cy = 780;
  s.add(circle(cx, cy, 62, 'none', `stroke="#f4efe2" stroke-width="2" ${opacity(0.7)}`));
  for (let i = 0; i < 4; i++) {
    const a = (i * Math.PI) / 2;
    const tip: Point = [cx + Math.cos(a) * 80, cy + Math.sin(a) * 80];
    const left: Point = [cx + Math.cos(a + Math.PI / 4) * 16, cy + Math.sin(a + Math.PI / 4) * 16];
    const right: Point = [cx + Math.cos(a - Math.PI / 4) * 16, cy + Math.sin(a - Math.PI / 4) * 16];
    s.add(polygon([[cx, cy], left, tip], '#f4efe2'), polygon([[cx, cy], right, tip], '#b9b2a0'));
  }
  for (let i = 0; i < 4; i++) s.add(rect(1180 + i * 40, 860, 40, 10, i % 2 ? '#0e2f4f' : '#f4efe2', 'stroke="#f4efe2" stroke-width="2"'));
}

// ---------------------------------------------------------------------------
// Hero: pacific-cables-1 -- undersea cable on the ocean floor, with fish
// ---------------------------------------------------------------------------

function fish(x: number, y: number, size: number, color: string, facing = 1): string {
  const body = `M${fmt(-size)},0Q${fmt(-size * 0.2)},${fmt(-size * 0.55)} ${fmt(size)},0Q${fmt(-size * 0.2)},${fmt(size * 0.55)} ${fmt(-size)},0Z`;
  const tail = `M${fmt(-size * 0.85)},0L${fmt(-size * 1.45)},${fmt(-size * 0.4)}L${fmt(-size * 1.3)},0L${fmt(-size * 1.45)},${fmt(size * 0.4)}Z`;
  const fin = `M${fmt(-size * 0.1)},${fmt(-size * 0.35)}L${fmt(-size * 0.45)},${fmt(-size * 0.6)}L${fmt(-size * 0.45)},${fmt(-size * 0.25)}Z`;
  return group([pathShape(body, color), pathShape(tail, color), pathShape(fin, color)], `transform="translate(${fmt(x)} ${fmt(y)}) scale(${facing} 1)"`);
}

/** Concentric layers of a submarine telecom cable, as seen when cut. */
function cableCrossSection(cx: number, cy: number, r: number): string[] {
  const parts: string[] = [
    circle(cx, cy, r * 1.08, '#0a2d4d', `${opacity(0.7)} stroke="#9fd8ff" stroke-width="3"`),
    circle(cx, cy, r, '#1b1e24'),
    circle(cx, cy, r * 0.88, '#2c313a'),
  ];
  const armour = 26;
  for (let i = 0; i < armour; i++) {
    const a = (i / armour) * Math.PI * 2;
    parts.push(circle(cx + Math.cos(a) * r * 0.78, cy + Math.sin(a) * r * 0.78, r * 0.085, '#aab3bc', 'stroke="#6b737c" stroke-width="2"'));
  }
  parts.push(circle(cx, cy, r * 0.66, '#3c4048'), circle(cx, cy, r * 0.56, '#c8772f'), circle(cx, cy, r * 0.47, '#d9dde2'));
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    parts.push(circle(cx + Math.cos(a) * r * 0.38, cy + Math.sin(a) * r * 0.38, r * 0.085, '#8e98a3'));
  }
  parts.push(circle(cx, cy, r * 0.28, '#f2d25a'));
  const fibres = ['#3b82f6', '#f97316', '#22c55e', '#a16207', '#94a3b8', '#ffffff', '#ef4444', '#111827'];
  fibres.forEach((color, i) => {
    const a = (i / fibres.length) * Math.PI * 2;
    parts.push(circle(cx + Math.cos(a) * r * 0.15, cy + Math.sin(a) * r * 0.15, r * 0.05, color));
  });
  return parts;
}

function drawUnderseaCable(s: Scene, rng: Rng): void {
  // a sliver of sky and the wavy surface at the top of the cutaway
  s.add(rect(0, 0, W, 70, s.verticalGradient([[0, '#bfe6f5'], [1, '#e6f6fb']], 0, 70)));
  const surface: Point[] = [];
  for (let x = -40; x <= W + 40; x += 40) surface.push([x, 58 + Math.sin(x / 60) * 6]);
  s.add(pathShape(areaBelow(surface, H), s.verticalGradient([[0, '#2f93bf'], [0.45, '#125283'], [1, '#051a33']], 50, H)));
  s.add(strokePath(smoothPath(surface), '#a8e3f5', 4));
  // light rays
  for (let i = 0; i < 6; i++) {
    const x = rng.range(100, 1500);
    const w = rng.range(30, 80);
    s.add(polygon([[x, 60], [x + w, 60], [x + w * 3 + 140, 760], [x - 120, 760]], '#ffffff', `${opacity(0.05)} ${s.blur(8)}`));
  }

  // sea floor
  const floor = rollingRidge(rng, 740, 26, 1.4, 25);
  s.add(pathShape(areaBelow(floor, H), s.verticalGradient([[0, '#6b604f'], [1, '#2f2a25']], 700, H)));
  for (let i = 0; i < 18; i++) s.add(ellipse(rng.range(0, W), rng.range(780, 890), rng.range(14, 50), rng.range(6, 16), '#3f3a33', opacity(0.8)));
  for (let i = 0; i < 14; i++) {
    const x = rng.range(0, W);
    const y = 760 + rng.range(0, 40);
    const h = rng.range(40, 110);
    s.add(strokePath(`M${fmt(x)},${fmt(y)}q${fmt(-12)},${fmt(-h / 3)} 0,${fmt((-2 * h) / 3)}t0,${fmt(-h / 3)}`, '#3f6b4a', 5, opacity(0.85)));
  }

  // the cable resting on the seabed
  const cablePoints: Point[] = floor.map(([x, y]) => [x, y - 8]);
  const cablePath = smoothPath(cablePoints);
  s.add(strokePath(cablePath, '#14161b', 18));
  s.add(strokePath(cablePath, '#5b6270', 4, 'transform="translate(0 -4)"'));
  for (let i = 0; i < 5; i++) {
    const [x, y] = cablePoints[rng.int(3, cablePoints.length - 4)];
    s.add(ellipse(x, y + 4, rng.range(30, 60), 10, '#5f5545'));
  }

  // call-out: cross-section of the cable
  const anchor = cablePoints.reduce((best, p) => (Math.abs(p[0] - 1120) < Math.abs(best[0] - 1120) ? p : best));
  s.add(line(anchor[0], anchor[1], 1250, 460, '#9fd8ff', 2.5, 'stroke-dasharray="8 8"'));
  s.add(circle(anchor[0], anchor[1], 16, 'none', 'stroke="#9fd8ff" stroke-width="3"'));
  s.add(...cableCrossSection(1250, 300, 150));

  // fish
  for (let i = 0; i < 26; i++) {
    const a = rng.range(0, Math.PI * 2);
    const d = Math.sqrt(rng.next());
    s.add(fish(420 + Math.cos(a) * d * 230, 330 + Math.sin(a) * d * 100, rng.range(12, 20), '#0a2a48', 1));
  }
  s.add(fish(880, 200, 56, '#0b2f4f'), fish(200, 560, 46, '#0b2f4f'), fish(760, 600, 30, '#0b2f4f', -1));
  for (let i = 0; i < 20; i++) s.add(circle(rng.range(880, 940), rng.range(80, 190), rng.range(2, 6), 'none', `stroke="#cdeffc" stroke-width="1.5" ${opacity(0.6)}`));
}

// ---------------------------------------------------------------------------
// Hero: pacific-cables-2 -- cable-laying ship with a cable spool on deck
// ---------------------------------------------------------------------------

function drawCableLayingShip(s: Scene, rng: Rng): void {
  const horizon = 430;
  const water = 650;
  fillSky(s, [[0, '#5f9fd2'], [1, '#d3e6f1']], horizon);
  s.add(cloud(rng, 260, 150, 300, '#ffffff', '#d7e4ee'), cloud(rng, 1380, 110, 360, '#ffffff', '#d7e4ee'), cloud(rng, 820, 250, 200, '#f6f9fb', '#d7e4ee'));
  fillBand(s, horizon, H, [[0, '#2a6f9a'], [1, '#12405f']]);
  s.add(...waveDashes(rng, 200, horizon + 4, H, '#bfe1f2', 0.45, 130));
  s.add(ellipse(800, water + 8, 640, 16, '#0a2a40', opacity(0.4)));

  // hull
  const hull = '#1f3354';
  s.add(polygon([[200, 560], [1290, 560], [1400, 536], [1372, 600], [1330, water], [228, water], [204, 618]], hull));
  s.add(polygon([[228, water], [1330, water], [1338, 638], [220, 638]], '#a8322d'));
  s.add(line(200, 560, 1290, 560, '#f2f4f6', 4), line(1290, 560, 1400, 536, '#f2f4f6', 4));
  for (let x = 240; x < 1280; x += 46) s.add(circle(x, 590, 5, '#0f1b2e'));
  s.add(line(210, 544, 960, 544, '#f2f4f6', 2));
  for (let x = 214; x < 960; x += 24) s.add(line(x, 544, x, 560, '#f2f4f6', 1.5));

  // superstructure forward
  const white = '#eef1f4';
  s.add(rect(980, 468, 262, 92, white), rect(1010, 408, 212, 60, white), rect(1030, 362, 206, 46, white), rect(1000, 356, 256, 10, '#d4d9de'));
  s.add(rect(1040, 372, 186, 16, '#22303e'));
  for (let x = 996; x < 1230; x += 28) s.add(rect(x, 490, 16, 12, '#3a4652'), rect(x + 20, 428, 14, 12, '#3a4652'));
  s.add(roundedRect(992, 520, 80, 22, 11, '#e36b2c'));
  s.add(polygon([[1000, 408], [1008, 340], [1056, 340], [1052, 408]], '#d8dde2'), rect(1006, 346, 48, 12, '#1e8a8a'));
  s.add(line(1140, 356, 1140, 270, '#4d5561', 6), line(1104, 292, 1176, 292, '#4d5561', 5), rect(1110, 300, 60, 6, '#2e3640'));

  // cable spools and their cradles on the aft deck
  const spool = (cx: number, cy: number, r: number): void => {
    s.add(polygon([[cx - r * 0.9, 560], [cx, cy], [cx + r * 0.9, 560]], '#7f8791'));
    s.add(circle(cx, cy, r, '#d9a441'), circle(cx, cy, r * 0.88, '#242629'));
    for (let k = 0.82; k > 0.3; k -= 0.08) s.add(circle(cx, cy, r * k, 'none', `stroke="#3d4046" stroke-width="${fmt(r * 0.03)}"`));
    s.add(circle(cx, cy, r * 0.26, '#d9a441'), circle(cx, cy, r * 0.1, '#6b7078'));
    for (let i = 0; i < 6; i++) {
      const a = (i / 6) * Math.PI * 2;
      s.add(line(cx + Math.cos(a) * r * 0.26, cy + Math.sin(a) * r * 0.26, cx + Math.cos(a) * r * 0.3, cy + Math.sin(a) * r * 0.3, '#a07a2a', 3));
    }
  };
  spool(600, 448, 108);
  spool(820, 496, 58);

  // deck crane
  s.add(rect(884, 468, 16, 92, '#e07a2c'), line(892, 472, 760, 420, '#e07a2c', 10), line(760, 420, 760, 470, '#333333', 2));

  // stern A-frame, sheave and the cable paying out into the sea
  s.add(polygon([[228, 560], [244, 560], [206, 410], [192, 414]], '#e07a2c'), polygon([[262, 560], [278, 560], [226, 404], [212, 410]], '#c9651f'));
  s.add(circle(204, 410, 20, '#3d4046'), circle(204, 410, 8, '#9aa1a8'));
  s.add(strokePath('M600,340Q400,352 206,390', '#17191c', 6));
  s.add(strokePath('M186,410Q170,520 176,652', '#17191c', 6));
  s.add(ellipse(176, 654, 26, 6, '#ffffff', opacity(0.8)));
  // wake behind the stern and bow wave
  s.add(...wakeFoam([228, water - 2], -20, -14, 40));
  s.add(strokePath('M1370,648q30,-4 60,8', '#ffffff', 5, opacity(0.8)));
  s.add(...birds(rng, 4, 460, 210, 90, '#2d3b4a'));
}

// ---------------------------------------------------------------------------
// Hero: baltic-grid-1 -- pylons and power lines on a snowy plain at dawn
// ---------------------------------------------------------------------------

/** Lattice transmission tower; returns markup and the conductor attachment points. */
function pylon(x: number, baseY: number, height: number, color: string): { markup: string; attachments: Point[] } {
  const at = (u: number, v: number): Point => [x + u * height, baseY - v * height];
  const width = Math.max(1, height * 0.009);
  const parts: string[] = [];
  const legs: [number, number][] = [[-0.16, 0], [-0.05, 0.62], [-0.035, 1]];
  const leftLeg = legs.map(([u, v]) => at(u, v));
  const rightLeg = legs.map(([u, v]) => at(-u, v));
  parts.push(polyline(leftLeg, color, width * 2), polyline(rightLeg, color, width * 2));
  // cross-bracing between the legs
  const levels = [0, 0.12, 0.24, 0.36, 0.48, 0.62, 0.7, 0.78, 0.86, 0.94];
  const halfWidthAt = (v: number): number => (v < 0.62 ? 0.16 - (0.11 * v) / 0.62 : 0.05 - (0.015 * (v - 0.62)) / 0.38);
  for (let i = 0; i < levels.length - 1; i++) {
    const [v0, v1] = [levels[i], levels[i + 1]];
    const [a, b] = [at(-halfWidthAt(v0), v0), at(halfWidthAt(v1), v1)];
    const [c, d] = [at(halfWidthAt(v0), v0), at(-halfWidthAt(v1), v1)];
    parts.push(line(a[0], a[1], b[0], b[1], color, width), line(c[0], c[1], d[0], d[1], color, width));
    parts.push(line(c[0], c[1], a[0], a[1], color, width));
  }
  // cross-arms with hanging insulators
  const attachments: Point[] = [];
  for (const [v, reach] of [[0.7, 0.3], [0.86, 0.22]] as [number, number][]) {
    const tipL = at(-reach, v);
    const tipR = at(reach, v);
    parts.push(polygon([tipL, at(-0.04, v + 0.05), at(0.04, v + 0.05), tipR, at(0.04, v), at(-0.04, v)], 'none', `stroke="${color}" stroke-width="${dec(width * 1.4)}"`));
    for (const tip of [tipL, tipR]) {
      parts.push(line(tip[0], tip[1], tip[0], tip[1] + height * 0.07, color, width * 1.6));
      attachments.push([tip[0], tip[1] + height * 0.07]);
    }
  }
  const peak = at(0, 1.05);
  parts.push(line(at(-0.035, 1)[0], at(-0.035, 1)[1], peak[0], peak[1], color, width * 1.5), line(at(0.035, 1)[0], at(0.035, 1)[1], peak[0], peak[1], color, width * 1.5));
  attachments.push(peak);
  return { markup: group(parts), attachments };
}

function drawPylonsOnSnowyPlain(s: Scene, rng: Rng): void {
  const camera: Camera = { cx: 800, cy: 540, focal: 900, eyeX: 0, eyeY: 12 };
  const horizon = camera.cy;
  fillSky(s, [[0, '#34507f'], [0.45, '#8d9fc6'], [0.8, '#f0b6a0'], [1, '#ffd6a5']], horizon);
  drawSun(s, 330, horizon + 4, 40, '#fff4d6', '#ffc48a', 420);
  for (let i = 0; i < 6; i++) s.add(ellipse(rng.range(0, W), rng.range(200, 430), rng.range(120, 300), rng.range(4, 9), '#f8c9b3', opacity(0.45)));
  // far forest on the horizon
  for (let x = -10; x < W + 10; x += rng.range(5, 11)) s.add(pineTree(x, horizon + 3, rng.range(10, 30), '#48567a'));
  fillBand(s, horizon, H, [[0, '#f5ddd6'], [0.3, '#eceff6'], [1, '#d5deee']]);
  for (let i = 0; i < 26; i++) {
    const y = horizon + 10 + Math.pow(rng.next(), 1.5) * (H - horizon);
    const x = rng.range(-100, W);
    const len = 80 + (y - horizon) * 1.2;
    s.add(strokePath(`M${fmt(x)},${fmt(y)}q${fmt(len / 2)},${fmt(-6)} ${fmt(len)},0`, '#b9c6dc', 2 + (y - horizon) / 80, opacity(0.5)));
  }

  // pylons along a line running from the right foreground to the left distance
  const color = '#2b3246';
  const depths = [30, 70, 125, 180, 235, 290, 345, 400, 455];
  const towers = depths.map((z) => {
    const x = 25 - (z - 70) * 0.16;
    const [sx, sy] = project(camera, [x, 0, z]);
    return { z, ...pylon(sx, sy, 40 * scaleAt(camera, z), color) };
  });
  for (let i = towers.length - 1; i >= 1; i--) {
    const far = towers[i];
    const near = towers[i - 1];
    far.attachments.forEach((a, k) => {
      const b = near.attachments[k];
      const sag = Math.abs(b[0] - a[0]) * 0.08 + (b[1] - a[1]) * 0.1;
      const mid: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + sag];
      s.add(strokePath(`M${fmt(a[0])},${fmt(a[1])}Q${fmt(mid[0])},${fmt(mid[1] + sag)} ${fmt(b[0])},${fmt(b[1])}`, color, Math.max(1, 18 / far.z) + 0.6));
    });
    s.add(far.markup);
    const [bx, by] = project(camera, [25 - (far.z - 70) * 0.16, 0, far.z]);
    s.add(ellipse(bx + 40 * scaleAt(camera, far.z) * 0.3, by + 2, 40 * scaleAt(camera, far.z) * 0.35, 3 + 60 / far.z, '#9fb0cc', opacity(0.45)));
  }
}

// ---------------------------------------------------------------------------
// Hero: baltic-grid-2 -- offshore wind turbines on a grey-blue sea
// ---------------------------------------------------------------------------

function windTurbine(x: number, baseY: number, height: number, rotorAngle: number): string {
  const parts: string[] = [];
  const towerTop = baseY - height;
  parts.push(rect(x - height * 0.04, baseY - height * 0.02, height * 0.08, height * 0.03, '#3d4a55'));
  parts.push(rect(x - height * 0.032, baseY - height * 0.11, height * 0.064, height * 0.1, '#f2c230'));
  parts.push(polygon([[x - height * 0.026, baseY - height * 0.11], [x - height * 0.016, towerTop], [x + height * 0.016, towerTop], [x + height * 0.026, baseY - height * 0.11]], '#eef1f3'));
  parts.push(polygon([[x + height * 0.004, baseY - height * 0.11], [x + height * 0.005, towerTop], [x + height * 0.016, towerTop], [x + height * 0.026, baseY - height * 0.11]], '#c7ced5'));
  parts.push(roundedRect(x - height * 0.05, towerTop - height * 0.035, height * 0.11, height * 0.045, height * 0.015, '#e4e8eb'));
  const hub: Point = [x - height * 0.055, towerTop - height * 0.012];
  const bladeLength = height * 0.44;
  for (let i = 0; i < 3; i++) {
    const a = rotorAngle + (i * 2 * Math.PI) / 3;
    const dir: Point = [Math.cos(a), Math.sin(a)];
    const perp: Point = [-dir[1], dir[0]];
    const root = height * 0.014;
    parts.push(
      polygon(
        [
          [hub[0] + perp[0] * root, hub[1] + perp[1] * root],
          [hub[0] + dir[0] * bladeLength * 0.25 + perp[0] * root * 1.5, hub[1] + dir[1] * bladeLength * 0.25 + perp[1] * root * 1.5],
          [hub[0] + dir[0] * bladeLength, hub[1] + dir[1] * bladeLength],
          [hub[0] - perp[0] * root * 0.6, hub[1] - perp[1] * root * 0.6],
        ],
        '#f5f7f8',
        `stroke="#b7c0c8" stroke-width="${dec(Math.max(0.5, height * 0.003))}"`,
      ),
    );
  }
  parts.push(circle(hub[0], hub[1], height * 0.02, '#dfe4e8'));
  return group(parts);
}

function drawOffshoreWindFarm(s: Scene, rng: Rng): void {
  const camera: Camera = { cx: 800, cy: 500, focal: 900, eyeX: 0, eyeY: 15 };
  const horizon = camera.cy;
  fillSky(s, [[0, '#73849a'], [0.6, '#a9b6c3'], [1, '#cbd3da']], horizon);
  for (let i = 0; i < 9; i++) s.add(ellipse(rng.range(-100, W + 100), rng.range(40, 380), rng.range(220, 480), rng.range(30, 60), rng.pick(['#8593a4', '#9aa7b5', '#b7c1cb']), `${opacity(0.6)} ${s.blur(18)}`));
  fillBand(s, horizon, H, [[0, '#5d7588'], [0.4, '#4a6376'], [1, '#2c4254']]);
  s.add(...waveDashes(rng, 260, horizon + 3, H, '#a9bccb', 0.45, 110));

  // substation platform
  const [px, py] = project(camera, [260, 0, 760]);
  const k = scaleAt(camera, 760);
  for (const dx of [-14, -4, 6, 14]) s.add(rect(px + dx * k, py - 22 * k, 1.6 * k, 22 * k, '#3c4650'));
  s.add(rect(px - 18 * k, py - 40 * k, 36 * k, 20 * k, '#e9ecef'), rect(px - 18 * k, py - 26 * k, 36 * k, 4 * k, '#f2c230'), rect(px - 6 * k, py - 50 * k, 14 * k, 10 * k, '#d8dde2'));

  // turbine grid, drawn far to near
  const turbines: { x: number; z: number }[] = [];
  for (let row = 0; row < 7; row++) {
    const z = 260 + row * 230;
    for (let col = -9; col <= 9; col++) {
      const x = col * 330 + (row % 2) * 165 + rng.range(-30, 30);
      if (Math.abs(x - 0) / z < 1.05) turbines.push({ x, z });
    }
  }
  turbines.sort((a, b) => b.z - a.z);
  for (const t of turbines) {
    const [sx, sy] = project(camera, [t.x, 0, t.z]);
    const height = 120 * scaleAt(camera, t.z);
    s.add(line(sx, sy + 2, sx, sy + height * 0.25, '#c9d3db', height * 0.03, opacity(0.25)));
    s.add(windTurbine(sx, sy, height, rng.range(0, Math.PI * 2)));
  }
}

// ---------------------------------------------------------------------------
// Hero: eu-defence-1 -- factory hall, artillery shells on a production line
// ---------------------------------------------------------------------------

/** Upright artillery shell (slim body, ogive nose, fuse), base centre at (x, baseY). */
function artilleryShell(x: number, baseY: number, height: number, bodyFill: string, noseFill: string): string {
  const r = height * 0.1;
  const bodyTop = baseY - height * 0.56;
  const tipY = baseY - height;
  const fuseBase = tipY + height * 0.11;
  const fuseR = r * 0.34;
  const ogive =
    `M${fmt(x - r)},${fmt(bodyTop)}C${fmt(x - r)},${fmt(bodyTop - height * 0.17)} ${fmt(x - fuseR * 1.4)},${fmt(fuseBase + height * 0.05)} ${fmt(x - fuseR)},${fmt(fuseBase)}` +
    `L${fmt(x + fuseR)},${fmt(fuseBase)}C${fmt(x + fuseR * 1.4)},${fmt(fuseBase + height * 0.05)} ${fmt(x + r)},${fmt(bodyTop - height * 0.17)} ${fmt(x + r)},${fmt(bodyTop)}Z`;
  return group([
    rect(x - r, bodyTop, r * 2, height * 0.56, bodyFill),
    pathShape(ogive, noseFill),
    rect(x - r * 0.65, bodyTop - height * 0.05, r * 0.35, height * 0.58, '#ffffff', opacity(0.18)),
    rect(x - r, bodyTop + height * 0.03, r * 2, height * 0.035, '#e8c547'),
    rect(x - r * 1.08, baseY - height * 0.13, r * 2.16, height * 0.05, '#b87333'),
    polygon([[x - fuseR, fuseBase], [x, tipY], [x + fuseR, fuseBase]], '#c9a227'),
  ]);
}

function drawShellFactoryHall(s: Scene, rng: Rng): void {
  const camera: Camera = { cx: 800, cy: 340, focal: 700, eyeX: 0, eyeY: 2.5 };
  const P = (x: number, y: number, z: number): Point => project(camera, [x, y, z]);
  const face = (points: Point3[], fill: string, attributes = ''): string => polygon(projectAll(camera, points), fill, attributes);
  const far = 45;
  const near = 1.2;
  const halfWidth = 10;
  const roof = 12;

  s.add(rect(0, 0, W, H, '#2f353d'));
  // ceiling, side walls, back wall, floor
  s.add(face([[-halfWidth, roof, near], [halfWidth, roof, near], [halfWidth, roof, far], [-halfWidth, roof, far]], '#2a3038'));
  s.add(face([[-halfWidth, 0, near], [-halfWidth, roof, near], [-halfWidth, roof, far], [-halfWidth, 0, far]], s.linearGradient([[0, '#5d6672'], [1, '#7a8490']], [0, 0], [1, 0])));
  s.add(face([[halfWidth, 0, near], [halfWidth, roof, near], [halfWidth, roof, far], [halfWidth, 0, far]], s.linearGradient([[0, '#7a8490'], [1, '#5d6672']], [0, 0], [1, 0])));
  s.add(face([[-halfWidth, 0, far], [-halfWidth, roof, far], [halfWidth, roof, far], [halfWidth, 0, far]], '#8a94a0'));
  s.add(face([[-halfWidth, 6, far], [-halfWidth, 9, far], [halfWidth, 9, far], [halfWidth, 6, far]], '#cfe1ef', opacity(0.7)));
  s.add(face([[-halfWidth, 0, near], [halfWidth, 0, near], [halfWidth, 0, far], [-halfWidth, 0, far]], s.verticalGradient([[0, '#666d76'], [1, '#3a4047']], P(0, 0, far)[1], H)));
  // clerestory windows along both walls
  for (let z = 3; z < far - 2; z += 5) {
    for (const side of [-1, 1]) {
      s.add(face([[side * halfWidth, 8, z], [side * halfWidth, 10.5, z], [side * halfWidth, 10.5, z + 3], [side * halfWidth, 8, z + 3]], '#dfeaf3', opacity(0.85)));
    }
  }
  // skylight strip and roof trusses
  s.add(face([[-2.5, roof, near], [2.5, roof, near], [2.5, roof, far], [-2.5, roof, far]], '#c9dcec', opacity(0.6)));
  for (let z = 3; z < far; z += 3) {
    const w = Math.max(1, 0.12 * scaleAt(camera, z));
    const topL = P(-halfWidth, roof, z);
    const topR = P(halfWidth, roof, z);
    const lowL = P(-halfWidth, roof - 1.2, z);
    const lowR = P(halfWidth, roof - 1.2, z);
    s.add(line(topL[0], topL[1], topR[0], topR[1], '#1b2026', w), line(lowL[0], lowL[1], lowR[0], lowR[1], '#1b2026', w));
    const web: Point[] = [];
    for (let x = -halfWidth, k = 0; x <= halfWidth; x += 2, k++) web.push(P(x, k % 2 ? roof : roof - 1.2, z));
    s.add(polyline(web, '#1b2026', w * 0.6));
  }
  // hanging lamps with faint light cones
  for (let z = 5; z < far; z += 6) {
    for (const x of [-4.5, 4.5]) {
      const lamp = P(x, 9.5, z);
      const k = scaleAt(camera, z);
      s.add(polygon([[lamp[0] - 0.3 * k, lamp[1]], [lamp[0] + 0.3 * k, lamp[1]], [lamp[0] + 2.5 * k, P(x, 0, z)[1]], [lamp[0] - 2.5 * k, P(x, 0, z)[1]]], '#fff3d6', opacity(0.05)));
      s.add(line(lamp[0], lamp[1], ...P(x, roof - 1.2, z), '#1b2026', 1), ellipse(lamp[0], lamp[1], 0.45 * k, 0.12 * k, '#fff6df'));
    }
  }
  // floor walkway markings
  for (const x of [-4.4, 4.4]) {
    s.add(face([[x - 0.08, 0, near + 0.8], [x + 0.08, 0, near + 0.8], [x + 0.08, 0, far], [x - 0.08, 0, far]], '#e8c547'));
  }

  // pallets of finished shells along the left wall
  for (let z = 16; z >= 4; z -= 4) {
    const k = scaleAt(camera, z);
    s.add(face([[-8, 0.15, z], [-5.6, 0.15, z], [-5.6, 0.15, z + 1.2], [-8, 0.15, z + 1.2]], '#8a6a44'));
    s.add(face([[-8, 0, z], [-5.6, 0, z], [-5.6, 0.15, z], [-8, 0.15, z]], '#6b5234'));
    for (let row = 1; row >= 0; row--) {
      for (let col = 0; col < 5; col++) {
        const [bx, by] = P(-7.7 + col * 0.5, 0.15, z + 0.3 + row * 0.5);
        s.add(artilleryShell(bx, by, 0.7 * k * (z / (z + 0.3 + row * 0.5)), '#6b7446', '#7e8752'));
      }
    }
  }
  // machines along the right wall
  for (let z = 30; z >= 6; z -= 8) {
    s.add(face([[6, 0, z], [6, 2.4, z], [6, 2.4, z + 4], [6, 0, z + 4]], '#3b6e9e'));
    s.add(face([[6, 0, z], [8.5, 0, z], [8.5, 2.4, z], [6, 2.4, z]], '#4d84b8'));
    s.add(face([[6, 2.4, z], [8.5, 2.4, z], [8.5, 2.4, z + 4], [6, 2.4, z + 4]], '#6b9bc8'));
    s.add(face([[6.5, 1.2, z], [7.5, 1.2, z], [7.5, 1.9, z], [6.5, 1.9, z]], '#7fe0b0'));
  }

  // two conveyor lines running into the hall, loaded with shells
  const belts = [
    { x0: -3, x1: -1.4 },
    { x0: 1.4, x1: 3 },
  ];
  const beltTop = 0.9;
  for (const belt of belts) {
    const innerX = belt.x0 < 0 ? belt.x1 : belt.x0;
    for (let z = 40; z >= 2.5; z -= 4) {
      s.add(face([[belt.x0 + 0.2, 0, z], [belt.x0 + 0.35, 0, z], [belt.x0 + 0.35, beltTop, z], [belt.x0 + 0.2, beltTop, z]], '#23272c'));
      s.add(face([[belt.x1 - 0.35, 0, z], [belt.x1 - 0.2, 0, z], [belt.x1 - 0.2, beltTop, z], [belt.x1 - 0.35, beltTop, z]], '#23272c'));
    }
    s.add(face([[innerX, beltTop - 0.3, 2.2], [innerX, beltTop, 2.2], [innerX, beltTop, 42], [innerX, beltTop - 0.3, 42]], '#3e5468'));
    s.add(face([[innerX, beltTop - 0.06, 2.2], [innerX, beltTop, 2.2], [innerX, beltTop, 42], [innerX, beltTop - 0.06, 42]], '#e8c547'));
    s.add(face([[belt.x0, beltTop, 2.2], [belt.x1, beltTop, 2.2], [belt.x1, beltTop, 42], [belt.x0, beltTop, 42]], '#2c3036'));
    for (let z = 3; z < 42; z += 0.7) {
      const a = P(belt.x0, beltTop, z);
      const b = P(belt.x1, beltTop, z);
      s.add(line(a[0], a[1], b[0], b[1], '#40464e', Math.max(0.6, 0.04 * scaleAt(camera, z))));
    }
  }
  const shells: { x: number; z: number }[] = [];
  for (const belt of belts) {
    const mid = (belt.x0 + belt.x1) / 2;
    for (let z = 2.7; z < 41; z += 1.05) {
      if (rng.chance(0.06)) continue;
      shells.push({ x: mid - 0.38, z }, { x: mid + 0.38, z: z + 0.1 });
    }
  }
  shells.sort((a, b) => b.z - a.z);
  for (const shell of shells) {
    const [bx, by] = P(shell.x, beltTop, shell.z);
    s.add(artilleryShell(bx, by, 0.75 * scaleAt(camera, shell.z), '#5f6b3a', '#737f48'));
  }
  // warm haze near the back
  s.add(ellipse(800, 330, 420, 200, '#fff2d8', `${opacity(0.12)} ${s.blur(40)}`));
}

// ---------------------------------------------------------------------------
// Hero: eu-defence-2 -- armoured vehicles in silhouette against a pale sky
// ---------------------------------------------------------------------------

/** Vehicle silhouettes in local units (length about 100, ground y = 0, facing right). */
function mainBattleTank(color: string, detail: string): string[] {
  const parts = [
    roundedRect(-46, -15, 92, 15, 7, color),
    polygon([[-50, -14], [-50, -25], [30, -25], [50, -18], [46, -14]], color),
    polygon([[-26, -25], [-22, -35], [14, -36], [23, -29], [20, -25]], color),
    rect(18, -33, 52, 3.2, color),
    rect(40, -33.8, 7, 4.8, color),
    rect(-12, -39, 9, 4, color),
    line(-19, -36, -23, -62, color, 0.8),
  ];
  for (let x = -36; x <= 36; x += 12) parts.push(circle(x, -6.5, 4.3, detail));
  return parts;
}

function wheeledCarrier(color: string, detail: string): string[] {
  const parts = [
    polygon([[-50, -11], [-50, -36], [26, -36], [50, -22], [50, -11]], color),
    rect(-12, -42, 16, 6, color),
    line(4, -40, 30, -40, color, 2),
    line(-40, -36, -44, -60, color, 0.8),
  ];
  for (const x of [-36, -18, 14, 32]) parts.push(circle(x, -8, 8.5, color), circle(x, -8, 3.5, detail));
  return parts;
}

function trackedFightingVehicle(color: string, detail: string): string[] {
  const parts = [
    roundedRect(-44, -14, 88, 14, 7, color),
    polygon([[-46, -13], [-46, -34], [18, -34], [46, -22], [44, -13]], color),
    polygon([[-14, -34], [-10, -44], [14, -44], [18, -34]], color),
    rect(14, -41, 30, 2.6, color),
    line(-30, -34, -33, -58, color, 0.8),
  ];
  for (let x = -34; x <= 34; x += 11) parts.push(circle(x, -6, 4, detail));
  return parts;
}

function selfPropelledHowitzer(color: string, detail: string): string[] {
  const parts = [
    roundedRect(-48, -15, 96, 15, 7, color),
    polygon([[-50, -14], [-50, -26], [34, -26], [50, -18], [48, -14]], color),
    polygon([[-40, -26], [-40, -44], [10, -44], [16, -26]], color),
    polygon([[10, -40], [72, -66], [73, -63], [12, -36]], color),
  ];
  for (let x = -38; x <= 38; x += 12.5) parts.push(circle(x, -6.5, 4.3, detail));
  return parts;
}

function drawArmouredColumnSilhouettes(s: Scene, rng: Rng): void {
  const ground = 705;
  fillSky(s, [[0, '#d9e1e6'], [0.7, '#eee9df'], [1, '#f6ecd9']], ground + 20);
  drawSun(s, 1160, 420, 70, '#fbf5e6', '#fffaf0', 300);
  s.add(pathShape(areaBelow(rollingRidge(rng, 600, 40, 1.2), H), '#cad1cd'));
  s.add(pathShape(areaBelow(rollingRidge(rng, 650, 28, 1.6), H), '#aeb7b1'));
  s.add(rect(0, 600, W, 140, s.verticalGradient([[0, '#f6ecd9', 0], [1, '#f6ecd9', 0.7]], 600, 740)));
  const color = '#20251f';
  const detail = '#343b33';
  s.add(pathShape(areaBelow(rollingRidge(rng, ground + 14, 6, 2), H), color));
  const column = [
    { draw: mainBattleTank, x: 130 },
    { draw: wheeledCarrier, x: 395 },
    { draw: mainBattleTank, x: 660 },
    { draw: trackedFightingVehicle, x: 925 },
    { draw: selfPropelledHowitzer, x: 1190 },
    { draw: wheeledCarrier, x: 1460 },
  ];
  for (const vehicle of column) s.add(placed(vehicle.draw(color, detail), vehicle.x, ground + 6, 2.05));
  for (let x = 0; x < W; x += rng.range(10, 30)) {
    const h = rng.range(6, 18);
    s.add(polygon([[x, ground + 12], [x + 3, ground + 12 - h], [x + 6, ground + 12]], color));
  }
  s.add(rect(0, ground - 30, W, 44, s.verticalGradient([[0, '#f6ecd9', 0], [1, '#e9dcc3', 0.35]], ground - 30, ground + 14)));
}

// ---------------------------------------------------------------------------
// Hero: lithium-andes-1 -- evaporation ponds on a salt flat below mountains
// ---------------------------------------------------------------------------

function drawEvaporationPonds(s: Scene, rng: Rng): void {
  const camera: Camera = { cx: 800, cy: 430, focal: 900, eyeX: 0, eyeY: 40 };
  const horizon = camera.cy;
  fillSky(s, [[0, '#1f5fae'], [0.7, '#6fa8dc'], [1, '#b9d8ee']], horizon);
  drawMountains(s, rng, jaggedRidge(rng, [-20, 330], [W + 20, 320], 110, 7), horizon, '#8f86b0', 232);
  // a snow-capped volcano
  s.add(polygon([[760, horizon], [1040, 196], [1080, 182], [1120, 198], [1420, horizon]], '#9a8fb8'));
  s.add(polygon([[990, 248], [1040, 196], [1080, 182], [1120, 198], [1176, 252], [1150, 244], [1126, 262], [1100, 240], [1074, 266], [1046, 244], [1020, 258]], '#f4f6fa'));
  drawMountains(s, rng, jaggedRidge(rng, [-20, 380], [W + 20, 370], 60, 6), horizon, '#a6775a', null);
  drawMountains(s, rng, jaggedRidge(rng, [-20, 410], [W + 20, 405], 26, 6), horizon + 2, '#c39a74', null);
  fillBand(s, horizon, H, [[0, '#f2efe7'], [1, '#e7e2d6']]);

  // salt crust: a jittered grid of cracks on the open flat
  const crust: Point3[][] = [];
  for (let z = 30; z < 260; z *= 1.14) {
    const row: Point3[] = [];
    for (let x = -320; x <= 320; x += 9) row.push([x + rng.range(-2.5, 2.5), 0, z * rng.range(0.97, 1.03)]);
    crust.push(row);
  }
  for (const row of crust) s.add(polyline(projectAll(camera, row), '#d2cab8', 1.5));
  for (let i = 0; i < crust[0].length; i++) s.add(polyline(projectAll(camera, crust.map((row) => row[i])), '#d2cab8', 1.5));

  // the pond field: berms first, then ponds in series, bluer to paler
  const seriesColors = ['#2f8fb5', '#2fa9b8', '#46c3c4', '#6fd6cf', '#a5e6dc', '#c9e6a8', '#e3efc4', '#f5f8f4'];
  const xMin = -330;
  const xMax = 660;
  const zNear = 150;
  const zFar = 900;
  const pondWidth = 92;
  const pondDepth = 64;
  const berm = 7;
  const rowStarts: number[] = [];
  for (let z0 = zNear; z0 + pondDepth <= zFar; z0 += pondDepth + berm) rowStarts.push(z0);
  const zEnd = rowStarts[rowStarts.length - 1] + pondDepth;
  s.add(polygon(projectAll(camera, [[xMin - berm, 0, zNear - berm], [xMax + berm, 0, zNear - berm], [xMax + berm, 0, zEnd + berm], [xMin - berm, 0, zEnd + berm]]), '#d6ccb6'));
  for (const z0 of rowStarts.reverse()) {
    let column = 0;
    for (let x = xMin; x + pondWidth <= xMax + berm; x += pondWidth + berm, column++) {
      const shade = Math.min(seriesColors.length - 1, Math.max(0, column + rng.int(-1, 1)));
      const fill = seriesColors[shade];
      s.add(polygon(projectAll(camera, [[x, 0, z0], [x + pondWidth, 0, z0], [x + pondWidth, 0, z0 + pondDepth], [x, 0, z0 + pondDepth]]), fill));
      const [a, b] = projectAll(camera, [[x, 0, z0], [x + pondWidth, 0, z0]]);
      s.add(line(a[0], a[1], b[0], b[1], lighten(fill, 0.5), 2, opacity(0.8)));
    }
  }
  // processing plant and access road
  for (let i = 0; i < 6; i++) {
    const [bx, by] = project(camera, [-700 + i * 45, 0, 1100]);
    s.add(rect(bx, by - rng.range(8, 18), rng.range(20, 36), 20, rng.pick(['#ffffff', '#d6d9de', '#9aa4ae'])));
  }
  const road = projectAll(camera, [[-560, 0, 1100], [-300, 0, 40]]);
  s.add(line(road[0][0], road[0][1], road[1][0], road[1][1], '#c4b89f', 6));
}

// ---------------------------------------------------------------------------
// Hero: lithium-andes-2 -- mine trucks on a terraced open-pit mine
// ---------------------------------------------------------------------------

/** Yellow haul truck, local width about 100, ground y = 0, facing right. */
function haulTruck(): string[] {
  return [
    ellipse(0, 1, 56, 5, '#000000', opacity(0.2)),
    rect(-44, -30, 88, 8, '#3a3a3a'),
    polygon([[-54, -60], [18, -64], [20, -30], [-46, -28]], '#f0b429'),
    polygon([[-54, -60], [18, -64], [16, -58], [-50, -55]], '#ffd25c'),
    polygon([[-46, -28], [20, -30], [20, -36], [-48, -36]], '#c98d16'),
    rect(20, -54, 26, 24, '#f0b429'),
    rect(30, -50, 13, 9, '#2b3440'),
    polygon([[14, -64], [48, -60], [48, -56], [14, -58]], '#c98d16'),
    circle(-26, -15, 15, '#232323'), circle(-26, -15, 6, '#8a8a8a'),
    circle(30, -15, 15, '#232323'), circle(30, -15, 6, '#8a8a8a'),
  ];
}

function drawOpenPitMine(s: Scene, rng: Rng): void {
  const horizon = 300;
  fillSky(s, [[0, '#4f8fcc'], [1, '#cfe3f0']], horizon);
  drawMountains(s, rng, jaggedRidge(rng, [-20, 200], [W + 20, 230], 90, 6), horizon + 10, '#9a8aa0', 190);
  drawMountains(s, rng, jaggedRidge(rng, [-20, 260], [W + 20, 250], 50, 6), horizon + 10, '#a88a70', null);
  fillBand(s, horizon, H, [[0, '#c7a887'], [1, '#ad8a66']]);

  const cx = 820;
  const rimTop = 330;
  const rimRx = 760;
  const rimRy = 245;
  s.add(ellipse(cx, rimTop + rimRy, rimRx + 14, rimRy + 8, '#9f7c59'));
  const pitClip = s.clip(ellipse(cx, rimTop + rimRy, rimRx, rimRy, '#fff'));
  const pit: string[] = [];
  const levels = 6;
  const benches: { cy: number; rx: number; ry: number }[] = [];
  let top = rimTop;
  let rx = rimRx;
  let ry = rimRy;
  for (let i = 0; i < levels; i++) {
    const wall = mix('#9a6a48', '#5e4636', i / levels);
    const bench = mix('#cfa57a', '#a4846a', i / levels);
    pit.push(ellipse(cx, top + ry, rx, ry, rng.chance(0.3) ? mix(wall, '#7a7480', 0.35) : wall));
    // rust and grey strata on the wall face
    pit.push(ellipse(cx, top + ry + 12, rx * 0.99, ry, mix(wall, '#b0703a', 0.3), opacity(0.5)));
    top += 30;
    rx *= 0.9;
    ry *= 0.95;
    pit.push(ellipse(cx, top + ry, rx, ry, bench));
    benches.push({ cy: top + ry, rx, ry });
    top += 12;
    rx *= 0.97;
    ry *= 0.98;
  }
  pit.push(ellipse(cx, top + ry, rx, ry, '#7d5f49'));
  pit.push(ellipse(cx, top + ry * 0.9, rx * 0.55, ry * 0.35, '#5fa8a0'), ellipse(cx - 20, top + ry * 0.84, rx * 0.35, ry * 0.14, '#8cc9c0'));
  // haul road spiralling down across the benches
  const road: Point[] = [[cx - rimRx * 0.97, rimTop + rimRy - 60]];
  benches.forEach((b, i) => {
    const a = Math.PI * (0.88 - i * 0.11);
    road.push([cx + Math.cos(a) * b.rx * 0.99, b.cy - Math.sin(a) * b.ry + 6]);
  });
  pit.push(strokePath(smoothPath(road), '#dcc09c', 12, opacity(0.9)));
  s.add(group(pit, pitClip));

  // trucks working on the benches
  const placements = [
    [0, 0.62], [1, 0.3], [2, 0.72], [3, 0.45], [4, 0.62], [5, 0.35], [1, 0.9],
  ];
  for (const [level, t] of placements) {
    const b = benches[level];
    const a = Math.PI * (0.15 + t * 0.7);
    const x = cx + Math.cos(a) * b.rx * 0.98;
    const y = b.cy - Math.sin(a) * b.ry + 7;
    const size = 0.42 - level * 0.03;
    s.add(placed(haulTruck(), x, y, size, Math.cos(a) > 0 ? -1 : 1));
    s.add(ellipse(x - Math.cos(a) * 30, y - 10, 40, 12, '#e6cfae', `${opacity(0.4)} ${s.blur(6)}`));
  }
  // a big truck on the rim road in the foreground
  s.add(ellipse(170, 860, 200, 30, '#e6cfae', `${opacity(0.5)} ${s.blur(14)}`));
  s.add(placed(haulTruck(), 330, 872, 2.6));
}

// ---------------------------------------------------------------------------
// Hero: panama-canal-1 -- container ship passing through open lock gates
// ---------------------------------------------------------------------------

const CONTAINER_COLORS = ['#c0392b', '#1f5f99', '#2e8b57', '#e67e22', '#8e9aa6', '#f0f0ea', '#16a0a0', '#7b2d3b', '#d4a017', '#4a5a6a'];

function drawContainerShipInLock(s: Scene, rng: Rng): void {
  const camera: Camera = { cx: 800, cy: 260, focal: 1000, eyeX: 0, eyeY: 30 };
  const face = (points: Point3[], fill: string, attributes = ''): string => polygon(projectAll(camera, points), fill, attributes);
  const horizon = camera.cy;
  fillSky(s, [[0, '#4f9fd8'], [1, '#d2eaf5']], horizon);
  s.add(cloud(rng, 260, 120, 300, '#ffffff', '#dbe8f0'), cloud(rng, 1300, 80, 380, '#ffffff', '#dbe8f0'), cloud(rng, 780, 60, 220, '#ffffff', '#dbe8f0'));
  // jungle hills beyond the lock
  s.add(pathShape(areaBelow(rollingRidge(rng, horizon - 40, 30, 1.6), H), '#4f8a57'));
  s.add(pathShape(areaBelow(rollingRidge(rng, horizon - 8, 14, 3), H), '#3f7a47'));
  for (let x = 0; x < W; x += rng.range(14, 30)) s.add(circle(x, horizon - 8 + rng.range(-6, 8), rng.range(8, 16), rng.pick(['#3a7242', '#457f4c', '#356a3d'])));
  fillBand(s, horizon, H, [[0, '#6f9c58'], [1, '#5b8a47']]);

  const chamber = 16.5;
  const wallTop = 4;
  const near = 31;
  const far = 900;
  // water in the chamber and in the canal beyond
  s.add(face([[-chamber, 0, near], [chamber, 0, near], [chamber * 1.6, 0, far], [-chamber * 1.6, 0, far]], s.verticalGradient([[0, '#6f9fa0'], [1, '#2f5f5c']], horizon, H)));
  // lock walls: top surfaces and inner faces
  for (const side of [-1, 1]) {
    s.add(face([[side * chamber, wallTop, near], [side * 40, wallTop, near], [side * 40, wallTop, 420], [side * chamber, wallTop, 420]], '#d8d3c6'));
    s.add(face([[side * chamber, 0, near], [side * chamber, wallTop, near], [side * chamber, wallTop, 420], [side * chamber, 0, 420]], side < 0 ? '#b6b0a2' : '#a39d90'));
    s.add(face([[side * chamber, 0, near], [side * chamber, 1.2, near], [side * chamber, 1.2, 420], [side * chamber, 0, 420]], '#6f7466', opacity(0.6)));
    s.add(face([[side * (chamber + 0.4), wallTop, near], [side * (chamber + 0.9), wallTop, near], [side * (chamber + 0.9), wallTop, 420], [side * (chamber + 0.4), wallTop, 420]], '#e8c547'));
    for (const railX of [22, 25]) {
      const a = project(camera, [side * railX, wallTop, near]);
      const b = project(camera, [side * railX, wallTop, 420]);
      s.add(line(a[0], a[1], b[0], b[1], '#7d7a72', 2.5));
    }
    for (let z = 45; z < 420; z += 15) {
      const a = project(camera, [side * chamber, 0, z]);
      const b = project(camera, [side * chamber, wallTop, z]);
      s.add(line(a[0], a[1], b[0], b[1], '#8e887c', 1.5));
    }
    // lamp posts
    for (let z = 60; z < 420; z += 45) {
      const a = project(camera, [side * 30, wallTop, z]);
      const b = project(camera, [side * 30, wallTop + 9, z]);
      s.add(line(a[0], a[1], b[0], b[1], '#5d6066', Math.max(1, 0.3 * scaleAt(camera, z))));
    }
  }

  // open mitre gates, folded back into the wall recesses in the foreground
  for (const side of [-1, 1]) {
    const hinge = 46;
    const end = 70;
    const leaf: Point3[] = [[side * 16.2, -0.5, hinge], [side * 16.2, wallTop + 1.6, hinge], [side * 15.2, wallTop + 1.6, end], [side * 15.2, -0.5, end]];
    s.add(face(leaf, '#56687a'));
    for (let y = 0.6; y < wallTop + 1.5; y += 1.1) {
      const a = project(camera, [side * 16.2, y, hinge]);
      const b = project(camera, [side * 15.2, y, end]);
      s.add(line(a[0], a[1], b[0], b[1], '#3f4d5a', 3));
    }
    for (let t = 0; t <= 1; t += 0.2) {
      const a = project(camera, [side * (16.2 - t), -0.5, hinge + t * (end - hinge)]);
      const b = project(camera, [side * (16.2 - t), wallTop + 1.6, hinge + t * (end - hinge)]);
      s.add(line(a[0], a[1], b[0], b[1], '#3f4d5a', 3));
    }
    s.add(face([[side * 16.2, wallTop + 1.6, hinge], [side * 17.4, wallTop + 1.6, hinge], [side * 16.4, wallTop + 1.6, end], [side * 15.2, wallTop + 1.6, end]], '#8796a3'));
    const r0 = project(camera, [side * 15.9, wallTop + 2.8, hinge]);
    const r1 = project(camera, [side * 14.9, wallTop + 2.8, end]);
    s.add(line(r0[0], r0[1], r1[0], r1[1], '#e8c547', 3));
  }

  // the ship: bow, foredeck, container bays, bridge
  const deck = 12;
  const beam = 15;
  const stem = 60;
  const bayStart = 72;
  const stackTop = deck + 6 * 2.6;
  // bridge and funnel at the back, drawn first
  s.add(face([[-12, deck, 300], [12, deck, 300], [12, 46, 300], [-12, 46, 300]], '#f2f2ee'));
  s.add(face([[-16, 42, 299], [16, 42, 299], [16, 46, 299], [-16, 46, 299]], '#f7f7f3'));
  s.add(face([[-15, 43, 298], [15, 43, 298], [15, 44.6, 298], [-15, 44.6, 298]], '#2b3440'));
  s.add(face([[-3, 46, 315], [3, 46, 315], [3, 53, 315], [-3, 53, 315]], '#c0392b'));
  // container tops, bay by bay (far to near)
  const columns = 12;
  const colWidth = (2 * 14.6) / columns;
  for (let z = 288; z >= bayStart; z -= 12.4) {
    for (let c = 0; c < columns; c++) {
      const x0 = -14.6 + c * colWidth;
      s.add(face([[x0, stackTop, z], [x0 + colWidth, stackTop, z], [x0 + colWidth, stackTop, z + 12.2], [x0, stackTop, z + 12.2]], rng.pick(CONTAINER_COLORS), 'stroke="#2a2a2a" stroke-width="0.6"'));
    }
  }
  // foredeck and bow
  s.add(face([[-beam, deck, bayStart], [beam, deck, bayStart], [beam, deck, 66], [0, deck + 0.6, stem], [-beam, deck, 66]], '#8a3b30'));
  s.add(face([[-beam, deck, 66], [0, deck + 0.6, stem], [0, 0, stem + 2], [-7, 0, 70]], '#26405f'));
  s.add(face([[beam, deck, 66], [0, deck + 0.6, stem], [0, 0, stem + 2], [7, 0, 70]], '#1b2f47'));
  s.add(face([[-beam, deck, 66], [0, deck + 0.6, stem], [beam, deck, 66], [beam, deck + 1, 66], [0, deck + 1.6, stem], [-beam, deck + 1, 66]], '#f0f0ea'));
  const mast = [project(camera, [0, deck, 66]), project(camera, [0, deck + 9, 66])];
  s.add(line(mast[0][0], mast[0][1], mast[1][0], mast[1][1], '#e8c547', 4));
  for (const side of [-1, 1]) {
    const [hx, hy] = project(camera, [side * 6, deck - 2.5, 64]);
    s.add(ellipse(hx, hy, 8, 5, '#0f1a28'));
  }
  // front face of the first container bay
  const tierHeight = 2.6;
  for (let tier = 0; tier < 6; tier++) {
    for (let c = 0; c < columns; c++) {
      const x0 = -14.6 + c * colWidth;
      const y0 = deck + tier * tierHeight;
      const fill = rng.pick(CONTAINER_COLORS);
      s.add(face([[x0, y0, bayStart], [x0 + colWidth, y0, bayStart], [x0 + colWidth, y0 + tierHeight, bayStart], [x0, y0 + tierHeight, bayStart]], fill, 'stroke="#222222" stroke-width="1.2"'));
      const [dx, dy] = project(camera, [x0 + colWidth / 2, y0 + tierHeight / 2, bayStart]);
      s.add(line(dx, dy - 10, dx, dy + 10, darken(fill, 0.3), 1.5));
    }
  }
  // mules (towing locomotives) on the walls with lines to the ship
  for (const side of [-1, 1]) {
    for (const z of [40, 90]) {
      const k = scaleAt(camera, z);
      const [mx, my] = project(camera, [side * 23.5, wallTop, z]);
      s.add(rect(mx - 2.2 * k, my - 3.2 * k, 4.4 * k, 3.2 * k, '#c9ced3'), rect(mx - 1.8 * k, my - 2.8 * k, 3.6 * k, 0.9 * k, '#2b3440'));
      const [tx, ty] = project(camera, [side * beam, deck, Math.max(z, 66) + 6]);
      s.add(line(mx, my - 2 * k, tx, ty, '#2a2a2a', 1.2));
    }
  }
}

// ---------------------------------------------------------------------------
// Hero: panama-canal-2 -- low reservoir, exposed banks, cracked shoreline
// ---------------------------------------------------------------------------

function drawLowReservoir(s: Scene, rng: Rng): void {
  const horizon = 420;
  fillSky(s, [[0, '#e9a95b'], [0.5, '#f6d38f'], [1, '#fff0c9']], horizon + 40);
  drawSun(s, 1230, 130, 64, '#fffbe8', '#fff0b0', 460);
  const farHills = rollingRidge(rng, horizon - 60, 40, 1.3);
  for (const [x, y] of farHills) {
    if (rng.chance(0.6)) s.add(circle(x + rng.range(-8, 8), y + rng.range(0, 10), rng.range(10, 18), '#8b8752'));
  }
  s.add(pathShape(areaBelow(farHills, H), '#a49a63'));
  s.add(pathShape(areaBelow(rollingRidge(rng, horizon - 10, 22, 2), H), '#8f8a55'));

  // far bank with bathtub rings above the shrunken water
  const bands = ['#e8d6b0', '#c9a36f', '#d8b985', '#b58d5c', '#e2cda4', '#c29a66'];
  bands.forEach((color, i) => {
    s.add(pathShape(areaBelow(rollingRidge(rng, horizon + 8 + i * 14, 6, 2.5), H), color));
  });
  // the remaining water
  s.add(pathShape(blobPath(rng, 820, 548, 540, 40, 0.1, 18), '#e6d3a8'));
  s.add(pathShape(blobPath(rng, 820, 552, 500, 28, 0.12, 18), s.verticalGradient([[0, '#6f9a96'], [1, '#4d7a78']], 520, 584)));
  s.add(...glitterColumn(rng, 1230, 532, 570, 140, '#fff3c4', 0.7, 6));

  // near bank bands sloping down to the water
  const nearBands = ['#cfae7c', '#bd955f', '#d7b88a', '#c49a66'];
  nearBands.forEach((color, i) => {
    s.add(pathShape(areaBelow(rollingRidge(rng, 596 + i * 16, 5, 2), H), color));
  });
  // stranded rowing boat and an old jetty ending far above the water
  s.add(group([polygon([[-60, -18], [60, -22], [46, 0], [-48, 0]], '#6b4a33'), polygon([[-60, -18], [60, -22], [56, -16], [-56, -13]], '#8c6a4b')], 'transform="translate(330 628) rotate(-6)"'));
  for (let i = 0; i < 7; i++) {
    const x = 1080 + i * 46;
    const y = 600 + i * 12;
    s.add(rect(x, y - 50, 8, 60 + i * 4, '#5b4331'));
  }
  s.add(polygon([[1076, 548], [1392, 620], [1392, 628], [1076, 556]], '#7a5a40'));

  // cracked mud in the foreground
  const camera: Camera = { cx: 800, cy: 420, focal: 800, eyeY: 8, eyeX: 0 };
  s.add(rect(0, 648, W, H - 648, '#6b4a2e'));
  const zs: number[] = [];
  for (let z = 6.5; z < 31; z += 1.35) zs.push(z);
  const grid: Point3[][] = zs.map((z) => {
    const row: Point3[] = [];
    for (let x = -36; x <= 36; x += 1.7) row.push([x + rng.range(-0.5, 0.5), 0, z + rng.range(-0.35, 0.35)]);
    return row;
  });
  for (let r = grid.length - 2; r >= 0; r--) {
    for (let c = 0; c < grid[r].length - 1; c++) {
      const cell = projectAll(camera, [grid[r][c], grid[r][c + 1], grid[r + 1][c + 1], grid[r + 1][c]]);
      const cxm = cell.reduce((sum, p) => sum + p[0], 0) / 4;
      const cym = cell.reduce((sum, p) => sum + p[1], 0) / 4;
      if (cxm < -200 || cxm > W + 200) continue;
      const shrunk = cell.map(([x, y]) => [cxm + (x - cxm) * 0.9, cym + (y - cym) * 0.86] as Point);
      s.add(polygon(shrunk, mix('#cfa36d', '#b88a55', rng.next())));
    }
  }
  // dead branch lying on the mud
  s.add(strokePath('M1180,860Q1280,800 1420,790M1300,812Q1330,760 1380,740M1250,828Q1230,780 1200,770', '#4a3a2e', 12));
  s.add(rect(0, 600, W, 60, s.verticalGradient([[0, '#fff0c9', 0.25], [1, '#fff0c9', 0]], 600, 660)));
}

// ---------------------------------------------------------------------------
// Hero: sahel-security-1 -- pickup convoy raising dust on a desert road
// ---------------------------------------------------------------------------

/** Pickup truck, local length about 100, ground y = 0, facing left. */
function pickupTruck(bodyColor: string, withRollBar: boolean): string[] {
  const shade = darken(bodyColor, 0.25);
  const parts = [
    ellipse(0, 1, 54, 4, '#000000', opacity(0.2)),
    roundedRect(-50, -27, 100, 15, 3, bodyColor),
    polygon([[-50, -27], [-47, -32], [-24, -33], [-24, -27]], bodyColor),
    polygon([[-24, -33], [-15, -47], [6, -47], [8, -27], [-24, -27]], bodyColor),
    polygon([[-20, -33], [-13, -43], [3, -43], [3, -33]], '#2b3440'),
    rect(8, -36, 42, 9, shade),
    rect(-50, -20, 100, 2, shade),
    circle(-33, -9, 9, '#1e1e1e'), circle(-33, -9, 3.5, '#8a8a8a'),
    circle(31, -9, 9, '#1e1e1e'), circle(31, -9, 3.5, '#8a8a8a'),
  ];
  if (withRollBar) parts.push(strokePath('M14,-36L16,-52L40,-52L42,-36', '#2a2a2a', 2.5), roundedRect(22, -44, 22, 8, 3, '#7d7455'));
  else parts.push(roundedRect(12, -44, 34, 9, 4, '#5b6a4a'));
  return parts;
}

function drawConvoyOnDesertRoad(s: Scene, rng: Rng): void {
  const horizon = 470;
  fillSky(s, [[0, '#a9c0cd'], [0.7, '#dcd6c2'], [1, '#ead9b5']], horizon);
  drawSun(s, 300, 170, 44, '#fff8e6', '#fff1d0', 260);
  // flat-topped escarpment and plain
  s.add(polygon([[900, horizon], [960, horizon - 34], [1240, horizon - 38], [1300, horizon - 14], [1380, horizon - 16], [1420, horizon]], '#c9b493'));
  fillBand(s, horizon, H, [[0, '#dcb985'], [1, '#c2935c']]);
  for (let i = 0; i < 90; i++) {
    const depth = Math.pow(rng.next(), 1.8);
    const y = horizon + 4 + depth * (H - horizon);
    const size = 2 + depth * 18;
    s.add(ellipse(rng.range(0, W), y, size * 1.6, size * 0.7, rng.pick(['#7d7448', '#8a7a4a', '#6f6a40']), opacity(0.85)));
  }
  for (const [x, h] of [[120, 34], [420, 22], [1480, 40], [1300, 18], [700, 14]] as Point[]) s.add(acaciaTree(x, horizon + h * 0.6, h * 2, '#5b6438'));

  // road receding to the left
  const centre = (t: number): Point => {
    const a: Point = [-60, horizon + 14];
    const b: Point = [700, horizon + 50];
    const c: Point = [1660, 770];
    return [(1 - t) * (1 - t) * a[0] + 2 * (1 - t) * t * b[0] + t * t * c[0], (1 - t) * (1 - t) * a[1] + 2 * (1 - t) * t * b[1] + t * t * c[1]];
  };
  const half = (t: number): number => 4 + 80 * Math.pow(t, 1.6);
  const upper: Point[] = [];
  const lower: Point[] = [];
  for (let t = 0; t <= 1.0001; t += 0.02) {
    const [x, y] = centre(t);
    upper.push([x, y - half(t) * 0.55]);
    lower.push([x, y + half(t) * 0.55]);
  }
  s.add(polygon([...upper, ...lower.reverse()], '#b57a50'));
  s.add(polyline(upper, '#c99468', 3), polyline(lower.slice().reverse().map(([x, y]) => [x, y - 1] as Point), '#9c6640', 2));
  for (const offset of [-0.25, 0.25]) {
    const track: Point[] = [];
    for (let t = 0; t <= 1.0001; t += 0.02) {
      const [x, y] = centre(t);
      track.push([x, y + half(t) * offset]);
    }
    s.add(polyline(track, '#9a6440', 2, opacity(0.7)));
  }

  // convoy, far to near: dust first, then the truck in front of it
  const convoy = [
    { t: 0.18, color: '#e4e0d6', rollBar: false },
    { t: 0.34, color: '#cbb78c', rollBar: true },
    { t: 0.5, color: '#e9e6df', rollBar: false },
    { t: 0.66, color: '#777a4e', rollBar: true },
    { t: 0.84, color: '#dcd6c8', rollBar: true },
  ];
  for (const vehicle of convoy) {
    const [x, y] = centre(vehicle.t);
    const scale = 0.35 + 2.1 * Math.pow(vehicle.t, 1.5);
    for (let i = 0; i < 7; i++) {
      const spread = (i + 1) * 24 * scale;
      s.add(ellipse(x + 40 * scale + spread, y - 14 * scale - i * 6 * scale, 26 * scale + i * 12 * scale, 14 * scale + i * 5 * scale, '#e2c99e', `${opacity(0.7 - i * 0.07)} ${s.blur(Math.max(2, Math.round(6 * scale)))}`));
    }
    s.add(placed(pickupTruck(vehicle.color, vehicle.rollBar), x, y + 4 * scale, scale));
  }
}

// ---------------------------------------------------------------------------
// Hero: sahel-security-2 -- mud-brick town with a mosque minaret at sunset
// ---------------------------------------------------------------------------

/** Rows of protruding wooden beam ends (toron) on a mud-brick face. */
function toronRows(x0: number, x1: number, y0: number, y1: number, spacingX: number, spacingY: number, color: string): string[] {
  const out: string[] = [];
  for (let y = y0; y < y1; y += spacingY) {
    for (let x = x0 + spacingX / 2; x < x1; x += spacingX) out.push(line(x, y, x + 9, y + 2, color, 3));
  }
  return out;
}

function mudHouse(rng: Rng, x: number, baseY: number, width: number, height: number, face: string, side: string): string[] {
  const depth = width * 0.25;
  const parts = [
    polygon([[x + width, baseY], [x + width, baseY - height], [x + width + depth, baseY - height - depth * 0.35], [x + width + depth, baseY - depth * 0.35]], side),
    rect(x, baseY - height, width, height, face),
  ];
  for (let px = x + 4; px < x + width - 8; px += 14) parts.push(roundedRect(px, baseY - height - 8, 8, 12, 3, face));
  parts.push(roundedRect(x + width * 0.35, baseY - height * 0.45, width * 0.18, height * 0.45, width * 0.09, '#3a2216'));
  if (rng.chance(0.7)) parts.push(rect(x + width * 0.7, baseY - height * 0.7, width * 0.1, height * 0.14, '#3a2216'));
  parts.push(...toronRows(x + 2, x + width - 4, baseY - height + 14, baseY - height * 0.5, 22, 30, '#4a2c1a'));
  return parts;
}

function drawMudBrickTownAtSunset(s: Scene, rng: Rng): void {
  const horizon = 640;
  fillSky(s, [[0, '#3b2350'], [0.4, '#a4405a'], [0.72, '#ee8048'], [1, '#ffc46b']], horizon);
  drawSun(s, 1230, 560, 70, '#fff0c0', '#ffb05a', 420);
  s.add(...birds(rng, 6, 380, 200, 120, '#3b2033'));
  s.add(rect(0, horizon - 60, W, H - horizon + 60, '#7a3f26'));

  const mud = '#b0643a';
  const mudShade = '#86472a';
  const beam = '#4a2c1a';
  // far houses
  for (let x = -20; x < W; x += rng.range(70, 120)) {
    const h = rng.range(50, 90);
    s.add(...mudHouse(rng, x, horizon, rng.range(60, 100), h, '#9a5533', '#7a4027'));
  }

  // the mosque
  const left = 420;
  const right = 1000;
  const base = 720;
  s.add(rect(left - 30, base - 20, right - left + 60, 40, mudShade));
  s.add(rect(left, base - 190, right - left, 190, mud));
  for (let x = left; x <= right; x += 58) {
    s.add(rect(x - 11, base - 210, 22, 210, mud), rect(x + 5, base - 210, 6, 210, mudShade));
    s.add(pathShape(`M${fmt(x - 11)},${fmt(base - 210)}Q${fmt(x - 8)},${fmt(base - 240)} ${fmt(x)},${fmt(base - 250)}Q${fmt(x + 8)},${fmt(base - 240)} ${fmt(x + 11)},${fmt(base - 210)}Z`, mud));
  }
  s.add(...toronRows(left + 4, right - 4, base - 170, base - 40, 29, 34, beam));
  const tower = (cx: number, bottomWidth: number, topWidth: number, topY: number): void => {
    s.add(polygon([[cx - bottomWidth / 2, base], [cx - topWidth / 2, topY], [cx + topWidth / 2, topY], [cx + bottomWidth / 2, base]], mud));
    s.add(polygon([[cx + bottomWidth * 0.18, base], [cx + topWidth * 0.18, topY], [cx + topWidth / 2, topY], [cx + bottomWidth / 2, base]], mudShade));
    s.add(pathShape(`M${fmt(cx - topWidth / 2)},${fmt(topY)}Q${fmt(cx - topWidth * 0.4)},${fmt(topY - topWidth * 0.8)} ${fmt(cx)},${fmt(topY - topWidth * 1.1)}Q${fmt(cx + topWidth * 0.4)},${fmt(topY - topWidth * 0.8)} ${fmt(cx + topWidth / 2)},${fmt(topY)}Z`, mud));
    s.add(circle(cx, topY - topWidth * 1.15, 6, '#f2e6c9'), line(cx, topY - topWidth * 1.1, cx, topY - topWidth * 1.35, beam, 3));
    for (let y = topY + 30; y < base - 20; y += 38) {
      const t = (y - topY) / (base - topY);
      const w = topWidth + (bottomWidth - topWidth) * t;
      for (let x = cx - w / 2 + 10; x < cx + w / 2 - 6; x += 20) s.add(line(x, y, x + 10, y + 2, beam, 3.5));
    }
  };
  tower(540, 96, 56, base - 330);
  tower(880, 96, 56, base - 330);
  tower(710, 150, 76, base - 470);
  s.add(roundedRect(680, base - 120, 60, 120, 30, '#3a2216'));

  // near houses and palms
  s.add(...mudHouse(rng, 40, 800, 220, 150, '#9c5834', '#7c4429'));
  s.add(...mudHouse(rng, 1120, 790, 180, 130, '#a35d37', '#7c4429'));
  s.add(...mudHouse(rng, 1330, 820, 240, 170, '#96532f', '#743f26'));
  s.add(palmTree(300, 760, 260, '#2c1620', 1), palmTree(1080, 760, 230, '#2c1620', -1), palmTree(1260, 770, 190, '#2c1620', 1));
  s.add(rect(0, 800, W, 100, s.verticalGradient([[0, '#6b3a24'], [1, '#4a2618']], 800, H)));
}

// ---------------------------------------------------------------------------
// Hero: africa-debt-1 -- finance ministry building with columns and a flag
// ---------------------------------------------------------------------------

function drawFinanceMinistry(s: Scene, rng: Rng): void {
  fillSky(s, [[0, '#3f86d1'], [1, '#c2e1f4']], 700);
  s.add(cloud(rng, 250, 150, 320, '#ffffff', '#d6e6f2'), cloud(rng, 1380, 200, 280, '#ffffff', '#d6e6f2'));
  fillBand(s, 700, H, [[0, '#6aa24f'], [1, '#4f8a3c']]);
  s.add(polygon([[700, H], [740, 800], [860, 800], [900, H]], '#d9d0bd'));

  const stone = '#efe9dc';
  const stoneShade = '#cfc6b4';
  // wings with window grids
  for (const [x0, x1] of [[150, 430], [1170, 1450]]) {
    s.add(rect(x0, 460, x1 - x0, 330, stone), rect(x0, 448, x1 - x0, 16, stoneShade), rect(x0, 780, x1 - x0, 12, stoneShade));
    for (let row = 0; row < 3; row++) {
      for (let x = x0 + 24; x < x1 - 40; x += 56) {
        s.add(rect(x, 490 + row * 96, 30, 58, '#3b5566'), rect(x - 4, 486 + row * 96, 38, 6, stoneShade));
      }
    }
  }
  // central portico
  s.add(rect(420, 420, 760, 370, '#b4a891'));
  s.add(rect(420, 420, 760, 40, '#8f846f', opacity(0.5)));
  s.add(rect(560, 560, 480, 230, '#a39780'));
  s.add(roundedRect(740, 600, 120, 190, 60, '#5a4636'), rect(798, 606, 4, 184, '#3d2f24'));
  const columnXs = Array.from({ length: 8 }, (_, i) => 450 + i * 100);
  for (const x of columnXs) {
    s.add(rect(x - 20, 430, 40, 340, stone), rect(x + 6, 430, 14, 340, stoneShade));
    for (let f = -12; f <= 12; f += 8) s.add(line(x + f, 440, x + f, 760, '#d8d0bf', 1.5));
    s.add(rect(x - 28, 418, 56, 14, stone), rect(x - 26, 766, 52, 12, stone));
  }
  s.add(rect(400, 380, 800, 40, stone), rect(400, 404, 800, 8, stoneShade));
  s.add(polygon([[390, 382], [800, 262], [1210, 382]], stone), polygon([[440, 370], [800, 282], [1160, 370]], '#e2dac9'));
  s.add(circle(800, 338, 22, '#cdbf8f'));
  // steps
  for (let i = 0; i < 5; i++) s.add(rect(470 - i * 18, 790 + i * 10, 660 + i * 36, 10, i % 2 ? '#ded6c5' : '#e9e2d3'));
  s.add(rect(0, 838, W, 8, '#5a8f43', opacity(0.5)));

  // flagpole and a waving generic flag
  s.add(line(800, 262, 800, 70, '#6f757c', 5), circle(800, 66, 6, '#d4a017'));
  const wave = (y: number): string => {
    const top = y;
    return `M802,${fmt(top)}C860,${fmt(top - 16)} 900,${fmt(top + 16)} 960,${fmt(top)}`;
  };
  const stripes = ['#1f7a5a', '#f2c230', '#1f7a5a'];
  stripes.forEach((color, i) => {
    const y0 = 80 + i * 26;
    const y1 = y0 + 26;
    s.add(pathShape(`${wave(y0)}L960,${fmt(y1)}C900,${fmt(y1 + 16)} 860,${fmt(y1 - 16)} 802,${fmt(y1)}Z`, color));
  });
  s.add(circle(872, 119, 10, '#1a1a1a'));

  s.add(palmTree(90, 840, 330, '#2f6b3a', 1), palmTree(1520, 840, 350, '#2f6b3a', -1));
  for (let x = 30; x < W; x += 70) if (x < 420 || x > 1180) s.add(ellipse(x, 818, 44, 22, '#3f7f3a'));
}

// ---------------------------------------------------------------------------
// Hero: africa-debt-2 -- unfinished highway overpass with construction cranes
// ---------------------------------------------------------------------------

/** Lattice tower crane: mast at x from ground to mastTop, jib from jibLeft to jibRight. */
function towerCrane(x: number, ground: number, mastTop: number, jibLeft: number, jibRight: number, color: string, hookDrop: number): string[] {
  const parts: string[] = [];
  const mastW = 22;
  parts.push(line(x - mastW / 2, ground, x - mastW / 2, mastTop, color, 3), line(x + mastW / 2, ground, x + mastW / 2, mastTop, color, 3));
  for (let y = ground; y > mastTop; y -= mastW) {
    parts.push(line(x - mastW / 2, y, x + mastW / 2, y - mastW, color, 1.5), line(x - mastW / 2, y, x + mastW / 2, y, color, 1.5));
  }
  const jibY = mastTop - 6;
  parts.push(rect(x - 16, mastTop - 26, 32, 22, color), rect(x - 10, mastTop - 20, 14, 10, '#2b3440'));
  parts.push(line(jibLeft, jibY, jibRight, jibY, color, 3), line(x + 40, jibY - 18, jibRight, jibY - 18, color, 2));
  for (let jx = x + 40; jx < jibRight - 18; jx += 18) parts.push(line(jx, jibY, jx + 9, jibY - 18, color, 1.2), line(jx + 9, jibY - 18, jx + 18, jibY, color, 1.2));
  parts.push(line(x, mastTop - 70, x, mastTop - 26, color, 4));
  parts.push(line(x, mastTop - 70, jibRight * 0.55 + x * 0.45, jibY - 18, color, 1.2), line(x, mastTop - 70, jibLeft + 10, jibY, color, 1.2));
  parts.push(rect(jibLeft, jibY - 4, 46, 26, '#7b7f86'));
  const hookX = x + (jibRight - x) * 0.7;
  parts.push(rect(hookX - 10, jibY - 4, 20, 8, '#444444'), line(hookX, jibY + 4, hookX, jibY + hookDrop, '#333333', 1.5));
  return parts;
}

function drawUnfinishedOverpass(s: Scene, rng: Rng): void {
  const ground = 690;
  fillSky(s, [[0, '#5d9ed2'], [0.8, '#dbe7ee'], [1, '#efe9df']], ground);
  drawSun(s, 260, 150, 40, '#fffdf0', '#fff6d6', 240);
  s.add(...citySkyline(rng, 0, 700, ground - 10, 90, '#b9c4cc'));
  fillBand(s, ground - 12, H, [[0, '#c2986a'], [0.4, '#ad744a'], [1, '#9a5f3a']]);
  for (let i = 0; i < 40; i++) s.add(ellipse(rng.range(0, W), rng.range(ground + 10, H), rng.range(20, 70), rng.range(3, 8), '#8f5634', opacity(0.35)));

  // cranes (one hazy in the distance, one close)
  s.add(...towerCrane(330, ground - 6, 250, 180, 760, '#e7c27a', 200));
  s.add(...towerCrane(1270, ground + 20, 120, 1090, 1590, '#e9b52f', 300));
  // precast deck segment hanging from the near crane
  s.add(rect(1440, 410, 110, 34, '#bdb8ae'), line(1495, 410, 1481, 334, '#333333', 1.5), line(1450, 410, 1481, 334, '#333333', 1.2), line(1540, 410, 1481, 334, '#333333', 1.2));

  const concrete = '#c4bfb5';
  const concreteShade = '#9d978c';
  const deckTop = 400;
  const deckBottom = 446;
  // piers
  const pier = (x: number, withScaffold: boolean): void => {
    s.add(rect(x - 26, deckBottom, 52, ground - deckBottom + 10, concrete), rect(x + 8, deckBottom, 18, ground - deckBottom + 10, concreteShade));
    s.add(polygon([[x - 70, deckBottom], [x + 70, deckBottom], [x + 34, deckBottom + 34], [x - 34, deckBottom + 34]], concrete));
    if (withScaffold) {
      for (let y = ground; y > deckBottom + 20; y -= 36) s.add(line(x - 52, y, x + 52, y, '#6b6f76', 2));
      for (const dx of [-52, -40, 40, 52]) s.add(line(x + dx, ground, x + dx, deckBottom + 20, '#6b6f76', 2));
      for (let y = ground; y > deckBottom + 56; y -= 72) s.add(line(x - 52, y, x - 40, y - 36, '#6b6f76', 1.5), line(x + 40, y, x + 52, y - 36, '#6b6f76', 1.5));
    }
  };
  for (const x of [120, 420, 720]) pier(x, false);
  pier(1080, true);
  pier(1360, false);
  s.add(rect(1330, deckBottom - 60, 6, 60, '#6b6f76'), rect(1380, deckBottom - 60, 6, 60, '#6b6f76'));
  // finished deck, ending in a cantilever stub with bare rebar
  s.add(rect(-20, deckTop, 890, deckBottom - deckTop, concrete), rect(-20, deckBottom - 12, 890, 12, concreteShade));
  s.add(rect(-20, deckTop - 12, 890, 12, '#8d8d8d'), rect(-20, deckTop - 20, 890, 8, '#d8d4cc'));
  for (let y = deckTop + 6; y < deckBottom - 4; y += 9) s.add(line(870, y, 915 + rng.range(-6, 10), y + rng.range(-3, 3), '#5a4a3e', 2));
  for (let x = 0; x < 870; x += 60) s.add(rect(x, deckTop - 28, 4, 16, '#c0392b'));
  s.add(polygon([[-20, deckBottom], [870, deckBottom], [870, deckBottom + 20], [-20, deckBottom + 20]], '#000000', opacity(0.12)));

  // barriers and a few machines on the ground
  for (let x = 860; x < 1500; x += 48) {
    s.add(rect(x, ground + 40, 40, 16, '#f4f4f0'), rect(x + 8, ground + 40, 10, 16, '#d23b2f'), rect(x + 26, ground + 40, 10, 16, '#d23b2f'));
  }
  s.add(group([rect(-60, -40, 90, 34, '#e9b52f'), rect(10, -62, 34, 30, '#e9b52f'), rect(16, -56, 20, 14, '#2b3440'), circle(-36, -4, 14, '#222222'), circle(24, -4, 14, '#222222'), line(-56, -40, -110, -80, '#e9b52f', 8), line(-110, -80, -130, -40, '#e9b52f', 6), polygon([[-142, -44], [-116, -44], [-124, -24], [-146, -28]], '#c9961f')], `transform="translate(560 ${ground + 120})"`));
  s.add(rect(180, ground + 70, 220, 40, concreteShade), rect(190, ground + 60, 200, 14, concrete));
}

// ---------------------------------------------------------------------------
// Hero: drones-arms-1 -- drone swarm in formation against a cloudy sky
// ---------------------------------------------------------------------------

/** Quadcopter seen slightly from below, local width about 100. */
function quadcopter(color: string, rotor: string): string[] {
  return [
    line(-30, -10, 30, -10, color, 4),
    line(-44, 0, 44, 0, color, 5),
    ellipse(-30, -15, 16, 3, rotor, opacity(0.55)),
    ellipse(30, -15, 16, 3, rotor, opacity(0.55)),
    rect(-33, -14, 6, 5, color),
    rect(27, -14, 6, 5, color),
    ellipse(-44, -6, 20, 3.6, rotor, opacity(0.7)),
    ellipse(44, -6, 20, 3.6, rotor, opacity(0.7)),
    rect(-48, -5, 8, 7, color),
    rect(40, -5, 8, 7, color),
    roundedRect(-16, -9, 32, 15, 6, color),
    circle(0, 10, 5, color),
    line(-10, 5, -15, 16, color, 2),
    line(10, 5, 15, 16, color, 2),
    line(-20, 16, -10, 16, color, 2),
    line(10, 16, 20, 16, color, 2),
  ];
}

function drawDroneSwarm(s: Scene, rng: Rng): void {
  fillSky(s, [[0, '#4f6886'], [0.6, '#93a6bb'], [1, '#d3dbe4']]);
  const clouds = [
    [200, 720, 620], [900, 800, 700], [1450, 700, 520], [560, 500, 420], [1250, 460, 380], [120, 300, 300], [900, 200, 340], [1500, 160, 280],
  ];
  for (const [x, y, w] of clouds) s.add(group([cloud(rng, x, y, w, '#e9edf2', '#a4b1c0')], `${opacity(0.92)} ${s.blur(1.5)}`));
  s.add(rect(0, 0, W, H, s.verticalGradient([[0, '#3d5472', 0.35], [0.5, '#3d5472', 0]], 0, H)));

  const color = '#161c25';
  const rotor = '#6b7a8c';
  const lead: Point = [1120, 360];
  const drones: { x: number; y: number; size: number }[] = [{ x: lead[0], y: lead[1], size: 1.25 }];
  for (let k = 1; k <= 6; k++) {
    const size = 1.25 * Math.pow(0.86, k);
    drones.push({ x: lead[0] - k * 125, y: lead[1] - k * 42, size });
    drones.push({ x: lead[0] - k * 118, y: lead[1] + k * 58, size });
    if (k >= 2) drones.push({ x: lead[0] - k * 122 - 60, y: lead[1] + k * 8, size: size * 0.9 });
  }
  // a second, distant wave
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 6; c++) drones.push({ x: 240 + c * 62 + r * 20, y: 120 + r * 40, size: 0.3 });
  }
  drones.sort((a, b) => a.size - b.size);
  for (const d of drones) s.add(placed(quadcopter(color, rotor), d.x + rng.range(-8, 8), d.y + rng.range(-6, 6), d.size));
}

// ---------------------------------------------------------------------------
// Hero: drones-arms-2 -- radar dish and control building on a hilltop
// ---------------------------------------------------------------------------

function drawHilltopRadar(s: Scene, rng: Rng): void {
  fillSky(s, [[0, '#3b78bd'], [1, '#d0e5f2']], 700);
  s.add(cloud(rng, 300, 140, 300, '#ffffff', '#d5e3ee'), cloud(rng, 1350, 110, 340, '#ffffff', '#d5e3ee'));
  s.add(pathShape(areaBelow(rollingRidge(rng, 600, 50, 1.2), H), '#8aa6bf'));
  s.add(pathShape(areaBelow(rollingRidge(rng, 650, 30, 2), H), '#7a9a8a'));
  // the hill
  const hill: Point[] = [[-40, 860], [200, 760], [480, 600], [700, 560], [1000, 556], [1200, 610], [1450, 730], [1640, 800]];
  s.add(pathShape(areaBelow(hill, H), s.verticalGradient([[0, '#7c9a50'], [1, '#4d6b34']], 550, H)));
  s.add(strokePath('M120,900C300,820 420,760 520,700S700,610 760,580', '#d9cfb4', 18));
  for (let i = 0; i < 40; i++) {
    const x = rng.range(0, W);
    const y = rng.range(650, 890);
    s.add(circle(x, y, rng.range(6, 14), '#3f5c2c', opacity(0.6)));
  }

  // radome on a plinth
  s.add(rect(470, 490, 130, 80, '#d6d1c6'), rect(560, 490, 40, 80, '#b9b3a6'));
  s.add(circle(535, 420, 92, s.radialGradient([[0, '#ffffff'], [0.7, '#eef1f3'], [1, '#c3cad1']], [0.38, 0.35], 0.7)));
  for (let i = -2; i <= 2; i++) {
    s.add(ellipse(535, 420, Math.abs(i) * 22 + 2, 92, 'none', `stroke="#b9c1c9" stroke-width="1.5" ${opacity(0.7)}`));
    s.add(ellipse(535, 420 + i * 34, Math.sqrt(Math.max(0, 92 * 92 - (i * 34) ** 2)), 8, 'none', `stroke="#b9c1c9" stroke-width="1.5" ${opacity(0.7)}`));
  }

  // control building
  s.add(rect(640, 470, 300, 100, '#dcd7cb'), rect(880, 470, 60, 100, '#bdb6a7'), rect(630, 460, 320, 14, '#a9a294'));
  s.add(rect(660, 496, 200, 22, '#34495b'), rect(740, 528, 36, 42, '#5a5f66'));
  s.add(rect(670, 440, 40, 20, '#9ea3a8'), rect(720, 446, 30, 14, '#9ea3a8'));
  s.add(line(900, 460, 900, 330, '#6d737a', 4), line(880, 360, 920, 360, '#6d737a', 3), line(886, 390, 914, 390, '#6d737a', 3));
  s.add(ellipse(912, 410, 10, 16, '#e8ebee'));

  // radar dish on a lattice pedestal, tilted to the sky
  const cx = 1120;
  const cy = 300;
  for (const [a, b] of [[[1060, 560], [1100, 400]], [[1180, 560], [1140, 400]], [[1060, 560], [1140, 400]], [[1180, 560], [1100, 400]]] as [Point, Point][]) {
    s.add(line(a[0], a[1], b[0], b[1], '#707880', 7));
  }
  for (let y = 520; y > 400; y -= 40) s.add(line(1060 + (560 - y) * 0.25, y, 1180 - (560 - y) * 0.25, y, '#707880', 4));
  s.add(rect(1086, 380, 68, 30, '#8b939b'));
  s.add(group([
    ellipse(16, 0, 66, 158, '#8e969e'),
    ellipse(0, 0, 60, 154, s.linearGradient([[0, '#c9d0d6'], [0.6, '#f3f5f6'], [1, '#dfe4e8']], [0, 0], [1, 0]), 'stroke="#6f777f" stroke-width="5"'),
    ellipse(-4, 0, 40, 110, 'none', `stroke="#c7ced4" stroke-width="2"`),
    line(0, -150, -130, 0, '#6f777f', 4),
    line(0, 150, -130, 0, '#6f777f', 4),
    line(-50, 0, -130, 0, '#6f777f', 4),
    roundedRect(-146, -12, 24, 24, 6, '#5d656d'),
  ], `transform="translate(${cx} ${cy}) rotate(-28)"`));

  // perimeter fence
  const fence: Point[] = [[430, 600], [1220, 600]];
  for (let x = fence[0][0]; x <= fence[1][0]; x += 24) s.add(line(x, 600, x, 572, '#4a4f55', 2));
  s.add(line(430, 576, 1220, 576, '#4a4f55', 1.5), line(430, 588, 1220, 588, '#4a4f55', 1.5));
}

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

// ---------------------------------------------------------------------------
// Author portraits: flat geometric head-and-shoulders figures
// ---------------------------------------------------------------------------

type HairStyle = 'short' | 'crew' | 'bob' | 'long' | 'bun' | 'curly' | 'wavy' | 'pixie';

type Portrait = {
  id: string;
  background: string;
  skin: string;
  hair: string;
  hairStyle: HairStyle;
  jacket: string;
  shirt: string;
  beard?: boolean;
  glasses?: boolean;
  tie?: string;
  scarf?: string;
};

const PORTRAITS: Portrait[] = [
  { id: 'farid-nasser', background: '#2f5d62', skin: '#b9855f', hair: '#1f1a17', hairStyle: 'short', jacket: '#2d3142', shirt: '#e8e4da', beard: true },
  { id: 'mei-lin-tan', background: '#c8553d', skin: '#e6bf98', hair: '#15130f', hairStyle: 'bob', jacket: '#f0e6d2', shirt: '#2b2d42' },
  { id: 'ingrid-halvorsen', background: '#3d5a80', skin: '#f0cfb4', hair: '#e3c16f', hairStyle: 'long', jacket: '#1f2a38', shirt: '#dfe7ee' },
  { id: 'tomasz-wierzbicki', background: '#6b705c', skin: '#e8c1a0', hair: '#6b4a2e', hairStyle: 'crew', jacket: '#3a3f4a', shirt: '#ffffff', glasses: true, tie: '#8c2f39' },
  { id: 'daniel-reyes', background: '#e09f3e', skin: '#c99368', hair: '#2a1d15', hairStyle: 'wavy', jacket: '#264653', shirt: '#f1faee' },
  { id: 'amara-okonkwo', background: '#2a9d8f', skin: '#7a4b2f', hair: '#141010', hairStyle: 'curly', jacket: '#e9c46a', shirt: '#264653' },
  { id: 'hollis-carter', background: '#5c677d', skin: '#e3b493', hair: '#b9b4ae', hairStyle: 'crew', jacket: '#1b263b', shirt: '#e0e1dd', tie: '#415a77' },
  { id: 'priya-raman', background: '#9d4edd', skin: '#a86f4c', hair: '#1a1212', hairStyle: 'bun', jacket: '#f4f1de', shirt: '#3d405b', glasses: true },
  { id: 'noor-haddad', background: '#bc6c25', skin: '#d2a07a', hair: '#2b1e1a', hairStyle: 'long', jacket: '#283618', shirt: '#fefae0', glasses: true },
  { id: 'elena-marchetti', background: '#1d3557', skin: '#edc9a8', hair: '#c9c4bf', hairStyle: 'pixie', jacket: '#a8323e', shirt: '#f1faee', glasses: true, scarf: '#f4d35e' },
];

/** Hair mass drawn behind the head (long styles). */
function hairBehindHead(style: HairStyle, color: string): string[] {
  switch (style) {
    case 'bob':
      return [pathShape('M124,262C112,180 124,96 200,92C276,96 288,180 276,262Z', color)];
    case 'long':
      return [pathShape('M118,352C102,230 112,94 200,88C288,94 298,230 282,352Z', color)];
    case 'curly': {
      const puffs: string[] = [];
      for (let i = 0; i < 14; i++) {
        const a = Math.PI * (0.95 + (i / 13) * 1.1);
        puffs.push(circle(200 + Math.cos(a) * 78, 160 + Math.sin(a) * 82, 34, color));
      }
      return [ellipse(200, 150, 96, 92, color), ...puffs];
    }
    case 'bun':
      return [circle(200, 82, 30, color)];
    default:
      return [];
  }
}

/** Hair drawn over the top of the head. */
function hairOverHead(style: HairStyle, color: string): string[] {
  switch (style) {
    case 'short':
      return [pathShape('M139,180C132,116 160,92 200,92C242,92 270,116 262,180L254,150C242,128 222,122 200,122C176,122 156,132 146,152Z', color)];
    case 'crew':
      return [pathShape('M141,168C138,118 164,98 200,98C238,98 264,118 259,168C252,140 236,120 200,118C166,120 148,140 141,168Z', color)];
    case 'bob':
    case 'long':
      return [pathShape('M140,168C138,114 168,96 200,96C234,96 262,114 260,168C246,132 222,120 206,124C188,128 160,138 140,168Z', color)];
    case 'bun':
      return [pathShape('M140,170C136,116 166,100 200,100C236,100 264,116 260,170C248,136 226,124 200,124C174,124 152,136 140,170Z', color)];
    case 'curly': {
      const curls: string[] = [];
      for (let i = 0; i < 9; i++) curls.push(circle(148 + i * 13, 118 - Math.sin((i / 8) * Math.PI) * 18, 16, color));
      return curls;
    }
    case 'wavy':
      return [pathShape('M138,176C128,118 160,88 204,90C246,92 272,120 262,176L256,150C250,140 240,146 232,136C222,128 212,138 200,130C188,124 178,136 166,132C156,130 150,146 146,156Z', color)];
    case 'pixie':
      return [pathShape('M139,172C132,112 166,92 204,94C246,96 268,120 261,170C256,144 244,128 226,126C214,140 186,140 168,128C154,138 144,152 139,172Z', color)];
  }
}

function drawPortrait(s: Scene, person: Portrait): void {
  s.add(rect(0, 0, PORTRAIT_SIZE, PORTRAIT_SIZE, person.background));
  s.add(circle(200, 210, 170, lighten(person.background, 0.15)));
  s.add(polygon([[0, 400], [0, 250], [140, 400]], darken(person.background, 0.12)), polygon([[400, 60], [400, 400], [300, 400]], darken(person.background, 0.08)));
  // shoulders and clothing
  s.add(pathShape('M40,400C40,322 104,292 200,290C296,292 360,322 360,400Z', person.jacket));
  s.add(polygon([[168, 292], [232, 292], [200, 360]], person.shirt));
  s.add(polygon([[168, 292], [150, 300], [186, 380], [200, 360]], darken(person.jacket, 0.18)), polygon([[232, 292], [250, 300], [214, 380], [200, 360]], darken(person.jacket, 0.1)));
  if (person.tie) s.add(polygon([[194, 300], [206, 300], [212, 350], [200, 366], [188, 350]], person.tie));
  s.add(...hairBehindHead(person.hairStyle, person.hair));
  // neck, ears, head
  s.add(rect(176, 222, 48, 80, darken(person.skin, 0.12)));
  if (person.scarf) s.add(pathShape('M162,286C180,306 220,306 238,286L244,300C222,324 178,324 156,300Z', person.scarf), polygon([[206, 310], [222, 310], [228, 372], [210, 366]], person.scarf));
  s.add(ellipse(141, 182, 10, 16, darken(person.skin, 0.05)), ellipse(259, 182, 10, 16, darken(person.skin, 0.05)));
  s.add(ellipse(200, 175, 60, 74, person.skin));
  s.add(pathShape('M200,101C236,101 260,130 260,175C260,222 234,249 200,249Z', darken(person.skin, 0.08)));
  if (person.beard) s.add(pathShape('M142,186C146,236 168,254 200,256C232,254 254,236 258,186C250,206 240,216 226,214C214,204 186,204 174,214C160,216 150,206 142,186Z', person.hair));
  s.add(...hairOverHead(person.hairStyle, person.hair));
  if (person.glasses) {
    const frame = 'stroke="#1d1d1d" stroke-width="4"';
    s.add(roundedRect(154, 166, 38, 26, 8, '#ffffff', `fill-opacity="0.18" ${frame}`), roundedRect(208, 166, 38, 26, 8, '#ffffff', `fill-opacity="0.18" ${frame}`));
    s.add(line(192, 176, 208, 176, '#1d1d1d', 4), line(154, 174, 142, 170, '#1d1d1d', 4), line(246, 174, 258, 170, '#1d1d1d', 4));
  }
}

// ---------------------------------------------------------------------------
// Logo and favicon (vector; the wordmark uses a generic serif font stack)
// ---------------------------------------------------------------------------

const BRAND_INK = '#14213d';
const BRAND_PAPER = '#f6f1e7';
const BRAND_ACCENT = '#b5895a';

/** Geometric "M" monogram with slab serifs, in a 48-unit box. */
const MONOGRAM_M =
  'M10,35V33H12.5V15H10V13H17L24,27L31,13H38V15H35.5V33H38V35H29.5V33H32V19.5L25.2,33H22.8L16,19.5V33H18.5V35Z';

function logoSvg(): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="48" viewBox="0 0 360 48" role="img" aria-labelledby="logo-title">',
    '<title id="logo-title">The Meridian Review</title>',
    `<circle cx="24" cy="24" r="23" fill="${BRAND_INK}"/>`,
    `<ellipse cx="24" cy="24" rx="9" ry="23" fill="none" stroke="${BRAND_ACCENT}" stroke-width="1.5"/>`,
    `<path d="${MONOGRAM_M}" fill="${BRAND_PAPER}"/>`,
    `<text x="60" y="32" font-family="Georgia, 'Times New Roman', Times, serif" font-size="25" textLength="284" lengthAdjust="spacing" fill="${BRAND_INK}">The Meridian Review</text>`,
    '</svg>',
    '',
  ].join('\n');
}

function faviconSvg(): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 48 48">',
    `<rect width="48" height="48" rx="9" fill="${BRAND_INK}"/>`,
    `<ellipse cx="24" cy="24" rx="9" ry="20" fill="none" stroke="${BRAND_ACCENT}" stroke-width="2"/>`,
    `<path d="${MONOGRAM_M}" fill="${BRAND_PAPER}"/>`,
    '</svg>',
    '',
  ].join('\n');
}

/** The card social networks show for pages without a photo of their own. */
function shareCardSvg(): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">',
    `<rect width="1200" height="630" fill="${BRAND_PAPER}"/>`,
    `<rect y="590" width="1200" height="40" fill="${BRAND_INK}"/>`,
    '<g transform="translate(520 110) scale(3.33)">',
    `<circle cx="24" cy="24" r="23" fill="${BRAND_INK}"/>`,
    `<ellipse cx="24" cy="24" rx="9" ry="23" fill="none" stroke="${BRAND_ACCENT}" stroke-width="1.5"/>`,
    `<path d="${MONOGRAM_M}" fill="${BRAND_PAPER}"/>`,
    '</g>',
    `<text x="600" y="400" text-anchor="middle" font-family="Georgia, 'Times New Roman', Times, serif" font-size="76" fill="${BRAND_INK}">The Meridian Review</text>`,
    `<text x="600" y="470" text-anchor="middle" font-family="Georgia, 'Times New Roman', Times, serif" font-size="30" font-style="italic" fill="${BRAND_ACCENT}">Foreign policy, security and the global economy</text>`,
    '</svg>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

const HERO_IMAGES: Record<string, (scene: Scene, rng: Rng) => void> = {
  'gulf-water-1': drawDesalinationPlantAtDusk,
  'gulf-water-2': drawDesertPipeline,
  'iran-sanctions-1': drawTankerAtAnchor,
  'iran-sanctions-2': drawConferenceTableFromAbove,
  'south-china-sea-1': drawCoastGuardAndFishingBoats,
  'south-china-sea-2': drawIslandsAndBoundaryChart,
  'pacific-cables-1': drawUnderseaCable,
  'pacific-cables-2': drawCableLayingShip,
  'baltic-grid-1': drawPylonsOnSnowyPlain,
  'baltic-grid-2': drawOffshoreWindFarm,
  'eu-defence-1': drawShellFactoryHall,
  'eu-defence-2': drawArmouredColumnSilhouettes,
  'lithium-andes-1': drawEvaporationPonds,
  'lithium-andes-2': drawOpenPitMine,
  'panama-canal-1': drawContainerShipInLock,
  'panama-canal-2': drawLowReservoir,
  'sahel-security-1': drawConvoyOnDesertRoad,
  'sahel-security-2': drawMudBrickTownAtSunset,
  'africa-debt-1': drawFinanceMinistry,
  'africa-debt-2': drawUnfinishedOverpass,
  'drones-arms-1': drawDroneSwarm,
  'drones-arms-2': drawHilltopRadar,
  'payments-sanctions-1': drawBankNetwork,
  'payments-sanctions-2': drawCoinsAndFallingChart,
  'signal-1': drawNewsroomDesk,
};

// ---------------------------------------------------------------------------
// Body figures: a schematic map
// ---------------------------------------------------------------------------

/** Longitude/latitude outlines, simplified to a few points each: a schematic map, not a survey. */
const WEST_AFRICA: { name: string; bloc: 'aes' | 'ecowas' | 'other'; label?: Point; outline: Point[] }[] = [
  { name: 'MAURITANIA', bloc: 'other', label: [-10.5, 20.2], outline: [[-17, 21], [-16.3, 16.4], [-11.6, 15.4], [-5, 16.5], [-6.5, 24.9], [-12, 23.5], [-13, 21.3]] },
  { name: 'MALI', bloc: 'aes', label: [-3.2, 18.2], outline: [[-12.2, 14.8], [-11.4, 12.4], [-8.5, 11.3], [-5.5, 10.5], [-5.2, 11.4], [-4.5, 12.5], [-2, 14.5], [0.2, 14.9], [1.3, 15.3], [3.6, 15.6], [4.2, 16.4], [4.2, 19.2], [3.2, 19.1], [1.2, 20.6], [-4.8, 25], [-6.5, 24.9], [-5, 16.5], [-11.6, 15.4]] },
  { name: 'NIGER', bloc: 'aes', label: [9.2, 17.3], outline: [[0.2, 14.9], [1.3, 15.3], [3.6, 15.6], [4.2, 16.4], [4.2, 19.2], [5.8, 19.5], [12, 23.5], [15, 23], [15.5, 20.8], [14, 15.5], [13.6, 13.5], [12.3, 13.1], [9, 12.8], [7.8, 13.3], [4.1, 13.5], [3.6, 11.7], [2.4, 11.9], [1, 12.9], [0.2, 14]] },
  { name: 'BURKINA FASO', bloc: 'aes', label: [-2.6, 11.4], outline: [[-5.5, 10.5], [-5.2, 11.4], [-4.5, 12.5], [-2, 14.5], [0.2, 14.9], [0.2, 14], [1, 12.9], [2.4, 11.9], [0.9, 11], [-0.5, 11], [-2.8, 9.6], [-4.7, 9.7]] },
  { name: 'SENEGAL', bloc: 'ecowas', label: [-14.6, 14.6], outline: [[-17.5, 14.7], [-16.7, 12.4], [-11.4, 12.4], [-12.2, 14.8], [-11.6, 15.4], [-16.3, 16.4]] },
  { name: 'GUINEA-BISSAU', bloc: 'ecowas', outline: [[-16.7, 12.4], [-13.7, 12.6], [-15, 10.9]] },
  { name: 'GUINEA', bloc: 'ecowas', label: [-11, 11], outline: [[-15, 10.9], [-13.7, 9.5], [-12.4, 9.9], [-11.2, 10], [-10.6, 9.1], [-10.3, 8.5], [-8.3, 7.6], [-7.9, 8.4], [-8.2, 10.1], [-8.5, 11.3], [-11.4, 12.4], [-13.7, 12.6]] },
  { name: 'SIERRA LEONE', bloc: 'ecowas', outline: [[-13.3, 9], [-12.4, 9.9], [-11.2, 10], [-10.6, 9.1], [-10.3, 8.5], [-11.5, 6.9], [-13, 7.8]] },
  { name: 'LIBERIA', bloc: 'ecowas', outline: [[-11.5, 6.9], [-10.3, 8.5], [-8.3, 7.6], [-8.5, 6.3], [-7.5, 4.4], [-9, 5]] },
  { name: "CÔTE D'IVOIRE", bloc: 'ecowas', label: [-5.6, 7.6], outline: [[-8.5, 6.3], [-8.3, 7.6], [-7.9, 8.4], [-8.2, 10.1], [-5.5, 10.5], [-4.7, 9.7], [-2.8, 9.6], [-2.6, 8.1], [-3.2, 6.2], [-2.9, 5], [-7.5, 4.4]] },
  { name: 'GHANA', bloc: 'ecowas', label: [-1.4, 7.4], outline: [[-2.9, 5], [-3.2, 6.2], [-2.6, 8.1], [-2.8, 9.6], [-0.5, 11], [0.1, 10.6], [0.5, 8.3], [0.7, 6.1], [1.1, 6], [-1, 5]] },
  { name: 'TOGO', bloc: 'ecowas', outline: [[0.1, 10.6], [0.9, 11], [0.8, 10], [1.6, 9], [1.6, 6.2], [1.1, 6], [0.7, 6.1], [0.5, 8.3]] },
  { name: 'BENIN', bloc: 'ecowas', label: [2.35, 10.1], outline: [[0.9, 11], [2.4, 11.9], [3.6, 11.7], [3.8, 10], [2.7, 9], [2.7, 6.3], [1.6, 6.2], [1.6, 9], [0.8, 10]] },
  { name: 'NIGERIA', bloc: 'ecowas', label: [8.2, 9.4], outline: [[2.7, 6.3], [2.7, 9], [3.8, 10], [3.6, 11.7], [4.1, 13.5], [7.8, 13.3], [9, 12.8], [12.3, 13.1], [13.6, 13.5], [14.6, 12], [13.3, 9], [12, 7], [9.5, 5.6], [8.5, 4.5], [6, 4.3], [4.5, 6.2]] },
];

/** The Atlantic and the Gulf of Guinea: the coast from Western Sahara to Cameroon, closed along the map's edges. */
const ATLANTIC: Point[] = [
  [-14.5, 25.6], [-16, 23.5], [-17, 21], [-16.3, 16.4], [-17.5, 14.7], [-16.7, 12.4], [-15, 10.9], [-13.3, 9], [-13, 7.8], [-11.5, 6.9], [-9, 5], [-7.5, 4.4],
  [-2.9, 5], [-1, 5], [1.1, 6], [1.6, 6.2], [2.7, 6.3], [4.5, 6.2], [6, 4.3], [8.5, 4.5], [9.6, 3.9], [9.8, 3.4], [-21, 3.4], [-21, 25.6],
];

function drawSahelBlocsMap(s: Scene): void {
  const west = -18.5;
  const north = 25.5;
  const scale = 40.9;
  const left = (W - 35 * scale) / 2;
  const at = ([lon, lat]: Point): Point => [left + (lon - west) * scale, (north - lat) * scale];
  const colours = { aes: '#d9a05b', ecowas: '#8fbfb2', other: '#e9e3d5' } as const;
  s.defs.push(
    '<pattern id="aes-hatch" width="14" height="14" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="14" height="14" fill="#d9a05b"/><rect width="5" height="14" fill="#c98a42"/></pattern>',
  );
  s.add(rect(0, 0, W, H, colours.other));
  s.add(polygon(ATLANTIC.map(at), '#cfe3ee'));
  for (const country of WEST_AFRICA) {
    const fill = country.bloc === 'aes' ? 'url(#aes-hatch)' : colours[country.bloc];
    s.add(polygon(country.outline.map(at), fill, 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round"'));
  }
  // The Liptako-Gourma tri-border zone, where Mali, Burkina Faso and Niger meet.
  const [cx, cy] = at([0.6, 14.6]);
  s.add(circle(cx, cy, 2.1 * scale, '#a4161a', 'fill-opacity="0.12" stroke="#a4161a" stroke-width="4" stroke-dasharray="14 9"'));
  const label = (text: string, [x, y]: Point, size: number, colour = '#2b2b2b', anchor = 'middle') =>
    `<text x="${fmt(x)}" y="${fmt(y)}" text-anchor="${anchor}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${size}" font-weight="700" letter-spacing="2" fill="${colour}">${text}</text>`;
  for (const country of WEST_AFRICA) if (country.label) s.add(label(country.name.replace("'", '&#8217;'), at(country.label), 22));
  s.add(label('ATLANTIC OCEAN', at([-15.2, 7.2]), 22, '#4a6b80'));
  s.add(label('GULF OF GUINEA', at([-1.2, 4.0]), 22, '#4a6b80'));
  s.add(label('LIPTAKO-GOURMA', [cx, cy - 2.1 * scale - 14], 20, '#a4161a'));
  // Legend, bottom right.
  const [lx, ly] = [W - 520, H - 210];
  s.add(roundedRect(lx, ly, 490, 180, 10, '#ffffff', 'fill-opacity="0.92" stroke="#9a9486" stroke-width="2"'));
  s.add(rect(lx + 24, ly + 26, 44, 28, 'url(#aes-hatch)'), label('Alliance of Sahel States', [lx + 86, ly + 50], 22, '#2b2b2b', 'start'));
  s.add(rect(lx + 24, ly + 74, 44, 28, colours.ecowas), label('ECOWAS members', [lx + 86, ly + 98], 22, '#2b2b2b', 'start'));
  s.add(circle(lx + 46, ly + 136, 17, '#a4161a', 'fill-opacity="0.12" stroke="#a4161a" stroke-width="4" stroke-dasharray="8 5"'), label('Tri-border zone', [lx + 86, ly + 146], 22, '#2b2b2b', 'start'));
}

/** Pictures shown inside article bodies (`::figure`), drawn at the top photo's size. */
const FIGURE_IMAGES: Record<string, (scene: Scene, rng: Rng) => void> = {
  'sahel-blocs-map': drawSahelBlocsMap,
};

async function rasterise(svg: string, file: string): Promise<number> {
  const jpeg = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).jpeg(JPEG_OPTIONS).toBuffer();
  await writeFile(file, jpeg);
  return jpeg.length;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const wanted = (name: string): boolean => only.length === 0 || only.includes(name);
  await mkdir(AUTHOR_DIR, { recursive: true });
  await mkdir(PUBLIC_DIR, { recursive: true });

  for (const [name, draw] of [...Object.entries(HERO_IMAGES), ...Object.entries(FIGURE_IMAGES)]) {
    if (!wanted(name)) continue;
    const scene = new Scene(W, H);
    draw(scene, createRng(name));
    const bytes = await rasterise(scene.toSvg(), join(HERO_DIR, `${name}.jpg`));
    console.log(`content/images/${name}.jpg  ${(bytes / 1024).toFixed(1)} KB`);
  }
  for (const person of PORTRAITS) {
    if (!wanted(person.id)) continue;
    const scene = new Scene(PORTRAIT_SIZE, PORTRAIT_SIZE);
    drawPortrait(scene, person);
    const bytes = await rasterise(scene.toSvg(), join(AUTHOR_DIR, `${person.id}.jpg`));
    console.log(`content/images/authors/${person.id}.jpg  ${(bytes / 1024).toFixed(1)} KB`);
  }
  if (only.length === 0) {
    await writeFile(join(PUBLIC_DIR, 'logo.svg'), logoSvg());
    await writeFile(join(PUBLIC_DIR, 'favicon.svg'), faviconSvg());
    const card = await sharp(Buffer.from(shareCardSvg())).png({ compressionLevel: 9, palette: true }).toBuffer();
    await writeFile(join(PUBLIC_DIR, 'share-card.png'), card);
    console.log(`public/logo.svg, public/favicon.svg, public/share-card.png  ${(card.length / 1024).toFixed(1)} KB`);
  }
}

await main();
