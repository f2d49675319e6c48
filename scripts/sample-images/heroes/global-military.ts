/** Top photos for the Global Military section: drones-arms (a drone swarm, a hilltop radar). */
import type { Rng } from '../../lib/prng.ts';
import { cloud, fillSky, rollingRidge } from '../landscape.ts';
import { type DrawPicture, H, Scene, W } from '../scene.ts';
import { areaBelow, circle, ellipse, group, line, opacity, pathShape, placed, type Point, rect, roundedRect, strokePath } from '../svg.ts';

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

/** Picture name (its file in content/images) to drawing. */
export const GLOBAL_MILITARY_HEROES: Record<string, DrawPicture> = {
  'drones-arms-1': drawDroneSwarm,
  'drones-arms-2': drawHilltopRadar,
};
