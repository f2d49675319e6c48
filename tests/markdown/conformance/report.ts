/** Holds a conformance run to the committed list of deviations, and writes the tables of docs/quality.md from it. */
import type { ExampleResult } from './classify.ts';
import { CATEGORIES, type Category } from './deviations.ts';
import type { SpecName } from './spec-examples.ts';

export interface Discrepancy {
  spec: SpecName;
  number: number;
  problem: string;
}

const CATEGORY_ORDER = Object.keys(CATEGORIES) as Category[];
const inOrder = (categories: readonly Category[]) => [...categories].sort((a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));
const spell = (categories: readonly Category[] | null) => (categories ? inOrder(categories).join(' + ') : 'nothing explains it');

/** Every way the run and the list disagree; empty when the list is true. */
export function findDiscrepancies(spec: SpecName, results: readonly ExampleResult[], listed: Record<number, Category[]>): Discrepancy[] {
  const discrepancies: Discrepancy[] = [];
  const seen = new Set<number>();
  for (const result of results) {
    const { number } = result.example;
    seen.add(number);
    const expected = listed[number];
    const found = result.explainedBy;
    if (result.passes) {
      if (expected) discrepancies.push({ spec, number, problem: `listed as ${spell(expected)} but passes now: remove it from the list` });
      continue;
    }
    const difference = `\n  expected: ${result.expectedNormalized}\n  actual:   ${result.actualNormalized}`;
    if (!expected) {
      discrepancies.push({ spec, number, problem: `new deviation (${spell(found)}); fix it, or list it with its reason${difference}` });
    } else if (found === null) {
      const byRule = expected.filter((category) => CATEGORIES[category].detection !== 'listed');
      if (byRule.length > 0) discrepancies.push({ spec, number, problem: `listed as ${spell(expected)} but no rule explains it any more${difference}` });
    } else if (expected.some((category) => CATEGORIES[category].detection === 'listed')) {
      discrepancies.push({ spec, number, problem: `listed as ${spell(expected)} but a rule explains it: list it as ${spell(found)}` });
    } else if (spell(expected) !== spell(found)) {
      discrepancies.push({ spec, number, problem: `listed as ${spell(expected)} but found ${spell(found)}${difference}` });
    }
  }
  for (const number of Object.keys(listed).map(Number)) {
    if (!seen.has(number)) discrepancies.push({ spec, number, problem: 'listed, but there is no such example' });
  }
  return discrepancies;
}

export interface SpecRun {
  spec: SpecName;
  label: string;
  version: string;
  results: readonly ExampleResult[];
}

/** The Markdown tables of docs/quality.md's conformance section: pass counts, then deviations by category. */
export function conformanceTables(runs: readonly SpecRun[], listed: Record<SpecName, Record<number, Category[]>>): string {
  // Rule categories as found; for an example no rule explains, the list's.
  const categoriesOf = (result: ExampleResult): Category[] => result.explainedBy ?? listed[result.example.spec][result.example.number] ?? [];
  const lines = ['| spec | version | examples | pass | deviate |', '| --- | --- | ---: | ---: | ---: |'];
  for (const run of runs) {
    const passing = run.results.filter((result) => result.passes).length;
    lines.push(`| ${run.label} | ${run.version} | ${run.results.length} | ${passing} | ${run.results.length - passing} |`);
  }
  lines.push('', `| category | found by | ${runs.map((run) => run.spec).join(' | ')} | reason |`, `| --- | --- | ${runs.map(() => '---:').join(' | ')} | --- |`);
  for (const category of CATEGORY_ORDER) {
    const counts = runs.map((run) => run.results.filter((result) => !result.passes && categoriesOf(result).includes(category)).length);
    if (counts.every((count) => count === 0)) continue;
    const info = CATEGORIES[category];
    lines.push(`| ${info.title} | ${info.detection} | ${counts.join(' | ')} | ${info.reason} |`);
  }
  lines.push('', 'An example counts once in each of its categories.');
  return lines.join('\n');
}
