/** Top photos for the Middle East section: gulf-water (desalination, a desert pipeline) and iran-sanctions (a tanker at anchor, talks at a conference table). */
import type { Rng } from '../../lib/prng.ts';
import { darken, lighten } from '../colour.ts';
import { genericFlag } from '../flags.ts';
import { citySkyline, drawSun, fillBand, fillSky, glitterColumn, rollingRidge, waveDashes } from '../landscape.ts';
import { type DrawPicture, H, Scene, W } from '../scene.ts';
import { areaBelow, circle, dec, ellipse, fmt, group, line, opacity, pathShape, placed, type Point, polygon, polyline, rect, roundedRect, smoothPath, strokePath } from '../svg.ts';
import { tankerAtNight } from '../vessels.ts';

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

/** Picture name (its file in content/images) to drawing. */
export const MIDDLE_EAST_HEROES: Record<string, DrawPicture> = {
  'gulf-water-1': drawDesalinationPlantAtDusk,
  'gulf-water-2': drawDesertPipeline,
  'iran-sanctions-1': drawTankerAtAnchor,
  'iran-sanctions-2': drawConferenceTableFromAbove,
};
