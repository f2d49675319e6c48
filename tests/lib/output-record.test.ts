import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAsLeft, removeStale, type OutputRecord } from '../../src/lib/output-record.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** An output folder holding `files` (site path to text), every file and folder dated an hour ago. */
function outputWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'output-record-'));
  made.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  // In the past, so that a change made by the test gets another time (file times have a coarse clock).
  const anHourAgo = new Date(Date.now() - 3_600_000);
  const age = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) age(full);
      utimesSync(full, anHourAgo, anHourAgo);
    }
  };
  age(dir);
  utimesSync(dir, anHourAgo, anHourAgo);
  return dir;
}

/** The record a first build leaves: everything it finds is its own. */
function recorded(dir: string): OutputRecord {
  return removeStale(dir, undefined, new Set()).record;
}

const SITE = {
  'index.html': 'home',
  'nile-dam-talks/index.html': 'a piece',
  'sahel-corridor/index.html': 'another piece',
  'pagefind/pagefind-entry.json': '{}',
  'images/photo/a.avif': 'photo',
};

function sorted(record: OutputRecord) {
  return { files: [...record.files].sort(), folders: [...record.folders].sort() };
}

describe('the output folder from one build to the next', () => {
  it('recognises the folder the last build left', () => {
    const dir = outputWith(SITE);
    const record = recorded(dir);
    expect(record.files.map(([file]) => file).sort()).toEqual(Object.keys(SITE).sort());
    expect(record.folders.map(([folder]) => folder).sort()).toEqual(['', 'images', 'images/photo', 'nile-dam-talks', 'pagefind', 'sahel-corridor']);
    expect(isAsLeft(dir, record)).toBe(true);
  });

  it.each([
    ['a file added deep down', (dir: string) => writeFileSync(path.join(dir, 'images/photo/b.avif'), 'x')],
    ['a folder added', (dir: string) => mkdirSync(path.join(dir, 'new-piece'))],
    ['a file removed', (dir: string) => unlinkSync(path.join(dir, 'sahel-corridor/index.html'))],
    ['a file rewritten in place', (dir: string) => writeFileSync(path.join(dir, 'nile-dam-talks/index.html'), 'a piece, edited by hand')],
  ])('does not trust a folder with %s', (_, change) => {
    const dir = outputWith(SITE);
    const record = recorded(dir);
    change(dir);
    expect(isAsLeft(dir, record)).toBe(false);
  });

  it('does not trust a record of another folder, or one without folder times', () => {
    const dir = outputWith(SITE);
    const record = recorded(dir);
    expect(isAsLeft(path.join(dir, 'pagefind'), record)).toBe(false);
    expect(isAsLeft(dir, { outDir: dir, files: record.files } as OutputRecord)).toBe(false);
    expect(isAsLeft(dir, undefined)).toBe(false);
  });

  it('removes what the build neither wrote nor kept, and empty folders, and records the rest as a full listing would', () => {
    const dir = outputWith(SITE);
    const previous = recorded(dir);
    // This build: a new piece, home written again, the Nile piece restored in place, the Sahel piece gone.
    mkdirSync(path.join(dir, 'new-piece'));
    writeFileSync(path.join(dir, 'new-piece/index.html'), 'new');
    writeFileSync(path.join(dir, 'index.html'), 'home, again');
    const { record, removed } = removeStale(dir, previous, new Set(['nile-dam-talks/index.html']), ['pagefind', 'images/photo']);
    expect(removed).toBe(1);
    expect(existsSync(path.join(dir, 'sahel-corridor'))).toBe(false);
    expect(existsSync(path.join(dir, 'pagefind/pagefind-entry.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'images/photo/a.avif'))).toBe(true);
    expect(sorted(record)).toEqual(sorted(recorded(dir)));
    expect(isAsLeft(dir, record)).toBe(true);
  });

  it('finds files added to a folder the previous build also had', () => {
    const dir = outputWith(SITE);
    const previous = recorded(dir);
    writeFileSync(path.join(dir, 'nile-dam-talks/extra.txt'), 'extra');
    const { record } = removeStale(dir, previous, new Set(Object.keys(SITE)));
    expect(record.files.map(([file]) => file)).toContain('nile-dam-talks/extra.txt');
    expect(statSync(path.join(dir, 'nile-dam-talks/extra.txt')).isFile()).toBe(true);
  });

  it('keeps the files it is told to keep even when the build did not touch them', () => {
    const dir = outputWith(SITE);
    const previous = recorded(dir);
    const { removed, record } = removeStale(dir, previous, new Set(Object.keys(SITE)));
    expect(removed).toBe(0);
    expect(sorted(record)).toEqual(sorted(previous));
  });
});
