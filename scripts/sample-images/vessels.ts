/** Ships and boats, drawn around a local origin on their waterline and placed with `placed()`. */
import type { Rng } from '../lib/prng.ts';
import { darken, lighten } from './colour.ts';
import { circle, ellipse, line, opacity, polygon, rect, roundedRect, strokePath } from './svg.ts';

/** Small wooden fishing boat, local length 300 facing right, waterline y = 0. */
export function fishingBoat(rng: Rng, hullColor: string, cabinColor: string): string[] {
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
export function coastGuardShip(): string[] {
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
export function tankerAtNight(rng: Rng, parts: string[]): void {
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
