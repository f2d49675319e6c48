/**
 * SVG markup as strings: number formatting, the basic shapes and path helpers
 * every picture is drawn with. Coordinates are rounded on the way out, so the
 * same drawing always gives the same bytes.
 */

/** A point on the picture, in px: x right, y down. */
export type Point = [number, number];

/** Coordinates rounded to 0.1 px keep the SVG small and stable. */
export function fmt(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Opacities and gradient offsets with three decimals. */
export function dec(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export function opacity(value: number): string {
  return `opacity="${dec(value)}"`;
}

export function pointList(points: Point[]): string {
  return points.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' ');
}

// ---------------------------------------------------------------------------
// SVG primitives (return markup strings)
// ---------------------------------------------------------------------------

export function extra(attributes: string): string {
  return attributes ? ' ' + attributes : '';
}

export function rect(x: number, y: number, width: number, height: number, fill: string, attributes = ''): string {
  return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(Math.max(0, width))}" height="${fmt(Math.max(0, height))}" fill="${fill}"${extra(attributes)}/>`;
}

export function roundedRect(x: number, y: number, width: number, height: number, radius: number, fill: string, attributes = ''): string {
  return rect(x, y, width, height, fill, `rx="${fmt(radius)}"${extra(attributes)}`);
}

export function circle(cx: number, cy: number, r: number, fill: string, attributes = ''): string {
  return `<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(Math.max(0, r))}" fill="${fill}"${extra(attributes)}/>`;
}

export function ellipse(cx: number, cy: number, rx: number, ry: number, fill: string, attributes = ''): string {
  return `<ellipse cx="${fmt(cx)}" cy="${fmt(cy)}" rx="${fmt(Math.max(0, rx))}" ry="${fmt(Math.max(0, ry))}" fill="${fill}"${extra(attributes)}/>`;
}

export function polygon(points: Point[], fill: string, attributes = ''): string {
  return `<polygon points="${pointList(points)}" fill="${fill}"${extra(attributes)}/>`;
}

export function pathShape(d: string, fill: string, attributes = ''): string {
  return `<path d="${d}" fill="${fill}"${extra(attributes)}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, attributes = ''): string {
  return `<line x1="${fmt(x1)}" y1="${fmt(y1)}" x2="${fmt(x2)}" y2="${fmt(y2)}" stroke="${stroke}" stroke-width="${dec(width)}" stroke-linecap="round"${extra(attributes)}/>`;
}

export function polyline(points: Point[], stroke: string, width: number, attributes = ''): string {
  return `<polyline points="${pointList(points)}" fill="none" stroke="${stroke}" stroke-width="${dec(width)}" stroke-linecap="round" stroke-linejoin="round"${extra(attributes)}/>`;
}

export function strokePath(d: string, stroke: string, width: number, attributes = ''): string {
  return `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${dec(width)}" stroke-linecap="round" stroke-linejoin="round"${extra(attributes)}/>`;
}

export function group(children: string[], attributes = ''): string {
  return `<g${extra(attributes)}>${children.join('')}</g>`;
}

/** Places children drawn around a local origin at (x, y), scaled; facing -1 mirrors horizontally. */
export function placed(children: string[], x: number, y: number, scale: number, facing = 1): string {
  return group(children, `transform="translate(${fmt(x)} ${fmt(y)}) scale(${dec(scale * facing)} ${dec(scale)})"`);
}

/** Catmull-Rom spline through the points, as cubic Bezier path data. */
export function smoothPath(points: Point[], closed = false): string {
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

export function straightPath(points: Point[]): string {
  return 'M' + points.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join('L');
}

/** Closed path: a skyline/ridge line plus everything below it down to `bottom`. */
export function areaBelow(points: Point[], bottom: number, smooth = true): string {
  const first = points[0];
  const last = points[points.length - 1];
  const top = smooth ? smoothPath(points) : straightPath(points);
  return `${top}L${fmt(last[0])},${fmt(bottom)}L${fmt(first[0])},${fmt(bottom)}Z`;
}
