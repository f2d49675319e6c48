/** Body figures (`::figure` in an article): schematic maps, drawn at the top photos' size. */
import { type DrawPicture, H, Scene, W } from './scene.ts';
import { circle, fmt, type Point, polygon, rect, roundedRect } from './svg.ts';

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

/** Picture name (its file in content/images) to drawing. */
export const BODY_FIGURES: Record<string, DrawPicture> = {
  'sahel-blocs-map': drawSahelBlocsMap,
};
