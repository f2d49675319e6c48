import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropChangedPageCopies, pageCopyFile } from '../../src/lib/page-cache-copies.ts';

let dir: string;
let cacheDir: URL;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'page-copies-'));
  cacheDir = pathToFileURL(`${dir}/`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function copyAt(outputFile: string, seconds: number): string {
  const file = pageCopyFile(cacheDir, outputFile);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, outputFile);
  utimesSync(file, seconds, seconds);
  return file;
}

describe("Astro's page copies after a build that did not finish", () => {
  it('lives where Astro keeps it', () => {
    expect(pageCopyFile(cacheDir, 'a-piece/index.html')).toBe(path.join(dir, 'dist', 'a-piece', 'index.html'));
  });

  it('drops the copies changed after the last successful build and keeps the others', () => {
    const kept = copyAt('old/index.html', 1_000);
    const changed = copyAt('section/changed/index.html', 3_000);
    writeFileSync(path.join(dir, 'incremental-build.json'), '{}');
    utimesSync(path.join(dir, 'incremental-build.json'), 2_000, 2_000);
    expect(dropChangedPageCopies(cacheDir)).toBe(1);
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(changed)).toBe(false);
  });

  it('does nothing without a record of a successful build, when Astro restores nothing', () => {
    const copy = copyAt('a/index.html', 3_000);
    expect(dropChangedPageCopies(cacheDir)).toBe(0);
    expect(existsSync(copy)).toBe(true);
  });
});
