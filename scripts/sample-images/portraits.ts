/** Author portraits: flat geometric head-and-shoulders figures, one per author in content/authors. */
import { darken, lighten } from './colour.ts';
import { Scene } from './scene.ts';
import { circle, ellipse, line, pathShape, polygon, rect, roundedRect } from './svg.ts';

export const PORTRAIT_SIZE = 400;

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

export const PORTRAITS: Portrait[] = [
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

export function drawPortrait(s: Scene, person: Portrait): void {
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
