/** Top photos for the Americas section: lithium-andes (evaporation ponds, an open-pit mine) and panama-canal (a ship in a lock, a low reservoir). */
import type { Rng } from '../../lib/prng.ts';
import { darken, lighten, mix } from '../colour.ts';
import { blobPath, cloud, drawMountains, drawSun, fillBand, fillSky, glitterColumn, jaggedRidge, rollingRidge } from '../landscape.ts';
import { type Camera, type Point3, project, projectAll, scaleAt } from '../perspective.ts';
import { type DrawPicture, H, Scene, W } from '../scene.ts';
import { areaBelow, circle, ellipse, group, line, opacity, pathShape, placed, type Point, polygon, polyline, rect, smoothPath, strokePath } from '../svg.ts';

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

/** Picture name (its file in content/images) to drawing. */
export const AMERICAS_HEROES: Record<string, DrawPicture> = {
  'lithium-andes-1': drawEvaporationPonds,
  'lithium-andes-2': drawOpenPitMine,
  'panama-canal-1': drawContainerShipInLock,
  'panama-canal-2': drawLowReservoir,
};
