/** Top photos for the Europe section: baltic-grid (pylons on a snowy plain, offshore wind turbines) and eu-defence (a shell factory hall, armoured vehicles in silhouette). */
import type { Rng } from '../../lib/prng.ts';
import { drawSun, fillBand, fillSky, pineTree, rollingRidge, waveDashes } from '../landscape.ts';
import { type Camera, type Point3, project, projectAll, scaleAt } from '../perspective.ts';
import { type DrawPicture, H, Scene, W } from '../scene.ts';
import { areaBelow, circle, dec, ellipse, fmt, group, line, opacity, pathShape, placed, type Point, polygon, polyline, rect, roundedRect, strokePath } from '../svg.ts';

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

/** Picture name (its file in content/images) to drawing. */
export const EUROPE_HEROES: Record<string, DrawPicture> = {
  'baltic-grid-1': drawPylonsOnSnowyPlain,
  'baltic-grid-2': drawOffshoreWindFarm,
  'eu-defence-1': drawShellFactoryHall,
  'eu-defence-2': drawArmouredColumnSilhouettes,
};
