/** Top photos for the Asia-Pacific section: south-china-sea (boats and a coast guard ship, a chart of islands) and pacific-cables (a cable on the sea floor, a cable-laying ship). */
import type { Rng } from '../../lib/prng.ts';
import { birds, blobPath, cloud, fillBand, fillSky, rollingRidge, wakeFoam, waveDashes } from '../landscape.ts';
import { type DrawPicture, H, Scene, W } from '../scene.ts';
import { areaBelow, circle, ellipse, fmt, group, line, opacity, pathShape, placed, type Point, polygon, rect, roundedRect, smoothPath, strokePath } from '../svg.ts';
import { coastGuardShip, fishingBoat } from '../vessels.ts';

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

/** Picture name (its file in content/images) to drawing. */
export const ASIA_PACIFIC_HEROES: Record<string, DrawPicture> = {
  'south-china-sea-1': drawCoastGuardAndFishingBoats,
  'south-china-sea-2': drawIslandsAndBoundaryChart,
  'pacific-cables-1': drawUnderseaCable,
  'pacific-cables-2': drawCableLayingShip,
};
