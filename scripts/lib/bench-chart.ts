/**
 * The benchmark's chart (docs/performance.svg): build time and peak memory
 * against archive size, on a logarithmic size axis, with the budgets marked.
 * Plain SVG with its own styles, readable in light and dark viewers.
 */

export interface BenchRun {
  articles: number;
  date: string;
  results: { step: string; seconds: number; peakRssMb: number }[];
}

const SERIES = [
  { step: 'cold build', label: 'cold build', colour: '#a4161a' },
  { step: 'rebuild after one edit', label: 'after one edit', colour: '#0b6e4f' },
  { step: 'rebuild after one publish', label: 'after one publish', colour: '#0b4f8a' },
] as const;

/** Budgets (docs/performance.md): seconds per step, and memory, by archive size. */
const BUDGETS: Record<number, { seconds: Record<string, number>; memoryMb: number }> = {
  10000: { seconds: { 'cold build': 60, 'rebuild after one edit': 20, 'rebuild after one publish': 25 }, memoryMb: 1536 },
  50000: { seconds: { 'cold build': 240, 'rebuild after one edit': 40, 'rebuild after one publish': 45 }, memoryMb: 3072 },
};

const WIDTH = 360;
const HEIGHT = 260;
const MARGIN = { left: 56, right: 16, top: 36, bottom: 44 };

function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function panel(offsetX: number, title: string, unit: string, sizes: number[], lines: { label: string; colour: string; points: [number, number][] }[], budgets: [number, number, string][]): string {
  const maxY = niceMax(Math.max(...lines.flatMap((line) => line.points.map(([, y]) => y)), ...budgets.map(([, y]) => y)));
  const minX = Math.log10(Math.min(...sizes));
  const maxX = Math.log10(Math.max(...sizes));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (articles: number) => offsetX + MARGIN.left + (maxX === minX ? plotWidth / 2 : ((Math.log10(articles) - minX) / (maxX - minX)) * plotWidth);
  const y = (value: number) => MARGIN.top + plotHeight - (value / maxY) * plotHeight;
  const parts: string[] = [];
  parts.push(`<text class="title" x="${offsetX + MARGIN.left}" y="20">${escapeText(title)}</text>`);
  for (let tick = 0; tick <= 4; tick++) {
    const value = (maxY / 4) * tick;
    parts.push(`<line class="grid" x1="${offsetX + MARGIN.left}" x2="${offsetX + WIDTH - MARGIN.right}" y1="${y(value)}" y2="${y(value)}"/>`);
    parts.push(`<text class="axis" x="${offsetX + MARGIN.left - 6}" y="${y(value) + 4}" text-anchor="end">${Math.round(value)}</text>`);
  }
  for (const size of sizes) parts.push(`<text class="axis" x="${x(size)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${size.toLocaleString('en-US')}</text>`);
  parts.push(`<text class="axis" x="${offsetX + MARGIN.left + plotWidth / 2}" y="${HEIGHT - 8}" text-anchor="middle">articles (${escapeText(unit)})</text>`);
  for (const [articles, value, colour] of budgets) {
    parts.push(`<line class="budget" stroke="${colour}" x1="${x(articles) - 10}" x2="${x(articles) + 10}" y1="${y(value)}" y2="${y(value)}"/>`);
  }
  for (const line of lines) {
    const points = line.points.map(([articles, value]) => `${x(articles).toFixed(1)},${y(value).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${line.colour}" stroke-width="2" points="${points.join(' ')}"/>`);
    for (const [articles, value] of line.points) parts.push(`<circle cx="${x(articles).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3" fill="${line.colour}"/>`);
  }
  return parts.join('\n');
}

export function benchChart(runs: readonly BenchRun[]): string {
  const sorted = [...runs].sort((a, b) => a.articles - b.articles);
  const sizes = sorted.map((run) => run.articles);
  const value = (run: BenchRun, step: string, key: 'seconds' | 'peakRssMb') => run.results.find((result) => result.step === step)?.[key];
  const timeLines = SERIES.map((series) => ({
    label: series.label,
    colour: series.colour,
    points: sorted.flatMap((run) => {
      const seconds = value(run, series.step, 'seconds');
      return seconds === undefined ? [] : [[run.articles, seconds] as [number, number]];
    }),
  }));
  const memoryLine = {
    label: 'peak memory',
    colour: '#6a3d9a',
    points: sorted.flatMap((run) => {
      const peak = Math.max(0, ...SERIES.map((series) => value(run, series.step, 'peakRssMb') ?? 0));
      return peak > 0 ? [[run.articles, peak] as [number, number]] : [];
    }),
  };
  const timeBudgets = Object.entries(BUDGETS).flatMap(([articles, budget]) =>
    sizes.includes(Number(articles)) ? SERIES.map((series) => [Number(articles), budget.seconds[series.step]!, series.colour] as [number, number, string]) : [],
  );
  const memoryBudgets = Object.entries(BUDGETS).flatMap(([articles, budget]) => (sizes.includes(Number(articles)) ? [[Number(articles), budget.memoryMb, memoryLine.colour] as [number, number, string]] : []));
  const legend = [...timeLines, memoryLine]
    .map((line, position) => `<g transform="translate(${MARGIN.left + position * 170},${HEIGHT + 8})"><rect width="12" height="3" y="-4" fill="${line.colour}"/><text class="axis" x="18" y="0">${escapeText(line.label)}</text></g>`)
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH * 2} ${HEIGHT + 24}" width="${WIDTH * 2}" height="${HEIGHT + 24}" role="img" aria-labelledby="chart-title">
<title id="chart-title">Broadsheet build time and peak memory against archive size; short marks are the budgets</title>
<style>
  svg { background: #fff; font-family: system-ui, sans-serif; }
  .title { font-size: 13px; font-weight: 700; fill: #1b1b1b; }
  .axis { font-size: 11px; fill: #5a5a5a; }
  .grid { stroke: #e3e0d8; }
  .budget { stroke-width: 2; stroke-dasharray: 3 2; }
</style>
${panel(0, 'Build time (s)', 'log scale', sizes, timeLines, timeBudgets)}
${panel(WIDTH, 'Peak memory of the build (MB)', 'log scale', sizes, [memoryLine], memoryBudgets)}
${legend}
</svg>
`;
}
