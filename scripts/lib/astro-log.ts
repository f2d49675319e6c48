/**
 * Paths restored and rendered, from Astro's build log: a "├─ /path" line per
 * path, and "(restored)" or "(cached)" for those it did not render. Pages are
 * generated several at a time, so a path and its outcome need not be on the
 * same line: only the counts are reliable.
 */
export function countPaths(output: string): { restored: number; rendered: number } {
  const paths = (output.match(/├─ /g) ?? []).length;
  const restored = (output.match(/\((?:restored|cached)\)/g) ?? []).length;
  return { restored, rendered: paths - restored };
}
