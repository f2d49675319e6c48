/** Top photos for the Africa section: sahel-security (a convoy on a desert road, a mud-brick town) and africa-debt (a finance ministry, an unfinished overpass). */
import type { Rng } from '../../lib/prng.ts';
import { darken } from '../colour.ts';
import { acaciaTree, birds, citySkyline, cloud, drawSun, fillBand, fillSky, palmTree } from '../landscape.ts';
import { type DrawPicture, H, Scene, W } from '../scene.ts';
import { circle, ellipse, fmt, group, line, opacity, pathShape, placed, type Point, polygon, polyline, rect, roundedRect, strokePath } from '../svg.ts';

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

/** Picture name (its file in content/images) to drawing. */
export const AFRICA_HEROES: Record<string, DrawPicture> = {
  'sahel-security-1': drawConvoyOnDesertRoad,
  'sahel-security-2': drawMudBrickTownAtSunset,
  'africa-debt-1': drawFinanceMinistry,
  'africa-debt-2': drawUnfinishedOverpass,
};
