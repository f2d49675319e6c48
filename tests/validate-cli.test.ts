import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { listInvalidCases, makeSite, readCase, runValidateCli, siteForCase } from './helpers/content-fixture.ts';
import type { Diagnostic } from '../src/lib/content/diagnostics.ts';
import { validateContent } from '../src/lib/content/validate.ts';

function diagnosticsOf(stdout: string): Diagnostic[] {
  return (JSON.parse(stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}

describe('npm run validate on the valid fixture', () => {
  it('exits 0 and reports no problem', () => {
    const site = makeSite();
    const result = runValidateCli(['content'], site);
    rmSync(site, { recursive: true, force: true });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/0 errors, 0 warnings in 11 files/);
  });
});

const cases = listInvalidCases();

describe('the validator on invalid content', () => {
  it('has at least 25 fixtures that fail', () => {
    expect(cases.filter((name) => (readCase(name).exitCode ?? 1) === 1).length).toBeGreaterThanOrEqual(25);
  });

  // In process: the same validateContent the command runs, at a fraction of the cost of a Node process per case.
  it.each(cases)('%s', (name) => {
    const spec = readCase(name);
    const site = siteForCase(name);
    const options = { cwd: site, publicDir: path.join(site, 'public') };
    const report = validateContent(path.join(site, 'content'), options);
    // The command line keeps no texts and reads a file again where a message needs it: the same findings, placed alike.
    const withoutTexts = validateContent(path.join(site, 'content'), { ...options, keepTexts: false });
    rmSync(site, { recursive: true, force: true });
    const found = report.diagnostics;
    expect(withoutTexts.diagnostics).toEqual(found);
    const errors = found.filter((d) => d.severity === 'error').length;
    expect(errors > 0 ? 1 : 0, JSON.stringify(found, null, 1)).toBe(spec.exitCode ?? 1);
    for (const expected of spec.expect) {
      const match = found.find(
        (d) =>
          d.file === `content/${expected.file}` &&
          d.field === expected.field &&
          d.severity === (expected.severity ?? 'error') &&
          d.message.includes(expected.message) &&
          (expected.line === undefined || d.line === expected.line),
      );
      expect(match, `expected ${JSON.stringify(expected)} among\n${JSON.stringify(found, null, 1)}`).toBeDefined();
    }
  });
});

describe('output formats', () => {
  it('prints compiler-style lines and a summary on stderr when there are errors', () => {
    const site = siteForCase('missing-credit');
    const result = runValidateCli(['content'], site);
    rmSync(site, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^content\/articles\/world\/no-credit\.md:\d+:\d+ error hero\.credit: missing; every photo needs a credit line/m);
    expect(result.stderr).toMatch(/✗ 1 error, 0 warnings in 12 files/);
  });

  it('adds GitHub annotations when CI is set', () => {
    const site = siteForCase('missing-credit');
    const result = runValidateCli(['content'], site, { CI: 'true' });
    rmSync(site, { recursive: true, force: true });
    expect(result.stdout).toMatch(/^::error file=content\/articles\/world\/no-credit\.md,line=\d+,col=\d+,title=hero\.credit::missing/m);
  });

  it('reports every problem of every file in one run', () => {
    const site = siteForCase('many-problems');
    const result = runValidateCli(['content', '--format', 'json'], site);
    rmSync(site, { recursive: true, force: true });
    const found = diagnosticsOf(result.stdout);
    expect(new Set(found.map((d) => d.file)).size).toBeGreaterThanOrEqual(2);
    expect(found.filter((d) => d.severity === 'error').length).toBeGreaterThanOrEqual(5);
  });

  it('warns without failing', () => {
    const site = siteForCase('long-dek-warning');
    const result = runValidateCli(['content', '--format', 'json'], site);
    rmSync(site, { recursive: true, force: true });
    expect(result.status).toBe(0);
    expect(diagnosticsOf(result.stdout).map((d) => [d.severity, d.field])).toEqual([['warning', 'dek']]);
  });

  it('rejects bad arguments with exit code 2', () => {
    expect(runValidateCli(['--format', 'xml'], '/tmp').status).toBe(2);
    expect(runValidateCli(['a', 'b'], '/tmp').status).toBe(2);
  });

  it('says the content directory is missing instead of passing an empty tree', () => {
    const result = runValidateCli(['does-not-exist', '--format', 'json'], '/tmp');
    expect(result.status).toBe(1);
    expect(diagnosticsOf(result.stdout)).toEqual([
      expect.objectContaining({ file: 'does-not-exist', field: 'directory', message: expect.stringMatching(/^does not exist/) }),
    ]);
  });
});
