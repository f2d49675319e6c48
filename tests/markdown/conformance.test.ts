/**
 * CommonMark and GFM conformance of the body pipeline (docs/quality.md). Every
 * example of the CommonMark spec and of the GFM spec's extensions is rendered
 * by the function the build renders article bodies with, both HTMLs are
 * normalised as the CommonMark test suite does (conformance/normalize-html.ts),
 * and every difference must be a deviation listed with its reason in
 * conformance/deviations.ts. After changing the list, `UPDATE_QUALITY_DOC=1`
 * rewrites the tables in docs/quality.md; review the diff.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createConformanceRunner, type ExampleResult } from './conformance/classify.ts';
import { EXPECTED_DEVIATIONS } from './conformance/deviations.ts';
import { rendererWithout, STEPS } from './conformance/pipeline-steps.ts';
import { conformanceTables, findDiscrepancies, type SpecRun } from './conformance/report.ts';
import { commonmarkExamples, commonmarkVersion, gfmExamples, gfmVersion, type SpecExample } from './conformance/spec-examples.ts';

const siteUrl = 'https://meridian-review.example';
const QUALITY_DOC = path.join(import.meta.dirname, '../../docs/quality.md');
const TABLES_BEGIN = '<!-- conformance tables: written by tests/markdown/conformance.test.ts (UPDATE_QUALITY_DOC=1) -->';
const TABLES_END = '<!-- end of conformance tables -->';

const runner = createConformanceRunner({ siteUrl });
const runs: SpecRun[] = [
  { spec: 'CommonMark', label: 'CommonMark', version: commonmarkVersion, results: commonmarkExamples.map(runner.run) },
  { spec: 'GFM', label: 'GFM extensions', version: gfmVersion, results: gfmExamples.map(runner.run) },
];

describe('the spec examples', () => {
  it('are every CommonMark example, tabs restored', () => {
    expect(commonmarkVersion).toBe('0.31.2');
    expect(commonmarkExamples).toHaveLength(652);
    expect(commonmarkExamples[0]!.markdown).toBe('\tfoo\tbaz\t\tbim\n');
    expect(commonmarkExamples.some((example) => `${example.markdown}${example.html}`.includes('\u2192'))).toBe(false);
  });

  it("are every example of the GFM spec's extensions", () => {
    const perSection = Object.fromEntries(Object.entries(Object.groupBy(gfmExamples, (example) => example.section)).map(([section, examples]) => [section, examples!.length]));
    expect(perSection).toEqual({
      'Tables (extension)': 8,
      'Task list items (extension)': 2,
      'Strikethrough (extension)': 3,
      'Autolinks (extension)': 14,
      'Disallowed Raw HTML (extension)': 1,
    });
  });
});

describe('the conformance run', () => {
  const all = runs.flatMap((run) => run.results);

  it("renders as the build's pipeline rebuilt from its plugin lists does, so removing a step explains a difference", () => {
    const differing = all.filter((result) => runner.renderRebuilt(result.example.markdown) !== result.html).map((result) => `${result.example.spec} ${result.example.number}`);
    expect(differing).toEqual([]);
  });

  it.each(STEPS)('finds the %s step in the pipeline (removing it changes some example)', (step) => {
    const without = rendererWithout(new Set([step]), { siteUrl });
    expect(all.some((result) => without(result.example.markdown) !== result.html)).toBe(true);
  });

  it.each(runs.map((run) => [run.spec, run] as const))('%s: every deviation is listed with its categories, and every listed one still deviates', (spec, run) => {
    const problems = findDiscrepancies(spec, run.results, EXPECTED_DEVIATIONS[spec]).map(({ number, problem }) => `${spec} example ${number}: ${problem}`);
    expect(problems).toEqual([]);
  });

  it('is what docs/quality.md reports', () => {
    const doc = readFileSync(QUALITY_DOC, 'utf8');
    const begin = doc.indexOf(TABLES_BEGIN);
    const end = doc.indexOf(TABLES_END);
    expect(begin, `docs/quality.md has the marker ${TABLES_BEGIN}`).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(begin);
    const tables = `\n${conformanceTables(runs, EXPECTED_DEVIATIONS)}\n`;
    if (process.env.UPDATE_QUALITY_DOC) writeFileSync(QUALITY_DOC, doc.slice(0, begin + TABLES_BEGIN.length) + tables + doc.slice(end));
    else expect(doc.slice(begin + TABLES_BEGIN.length, end)).toBe(tables);
  });
});

describe('the deviation check', () => {
  const example = (number: number): SpecExample => ({ spec: 'GFM', number, section: 'test', markdown: '', html: '' });
  const result = (number: number, passes: boolean, explainedBy: ExampleResult['explainedBy']): ExampleResult => ({
    example: example(number),
    html: '',
    passes,
    explainedBy,
    expectedNormalized: '<p>"a"</p>',
    actualNormalized: '<p>“a”</p>',
  });
  const check = (results: ExampleResult[], listed: Parameters<typeof findDiscrepancies>[2]) => findDiscrepancies('GFM', results, listed).map(({ number, problem }) => `${number}: ${problem.split('\n')[0]}`);

  it('accepts a run that matches the list', () => {
    expect(check([result(1, true, null), result(2, false, ['typography']), result(3, false, null)], { 2: ['typography'], 3: ['tag-filter'] })).toEqual([]);
  });
  it('refuses a deviation missing from the list', () => {
    expect(check([result(1, false, ['typography']), result(2, false, null)], {})).toEqual([
      '1: new deviation (typography); fix it, or list it with its reason',
      '2: new deviation (nothing explains it); fix it, or list it with its reason',
    ]);
  });
  it('refuses a listed deviation that passes now', () => {
    expect(check([result(1, true, null)], { 1: ['sanitize'] })).toEqual(['1: listed as sanitize but passes now: remove it from the list']);
  });
  it('refuses categories that no longer match the rules', () => {
    expect(check([result(1, false, ['typography', 'external-links']), result(2, false, null), result(3, false, ['sanitize'])], { 1: ['typography'], 2: ['raw-html'], 3: ['tag-filter'] })).toEqual([
      '1: listed as typography but found typography + external-links',
      '2: listed as raw-html but no rule explains it any more',
      '3: listed as tag-filter but a rule explains it: list it as sanitize',
    ]);
  });
  it('refuses a listed example that does not exist', () => {
    expect(check([], { 999: ['typography'] })).toEqual(['999: listed, but there is no such example']);
  });
});
