import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listFiles } from '../../src/lib/content/content-files.ts';

const root = mkdtempSync(path.join(tmpdir(), 'content-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: string[]): string {
  const dir = mkdtempSync(path.join(root, 'tree-'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), 'x');
  }
  return dir;
}

describe('listFiles', () => {
  it('lists every file below the folder, at any depth, sorted, with "/" separators and without the folders themselves', () => {
    const dir = tree(['europe/2026/warsaw.md', 'africa/sahel.md', 'africa/photos/sahel.jpg', 'top.md', 'europe/empty-year/.gitkeep']);
    expect(listFiles(dir)).toEqual(['africa/photos/sahel.jpg', 'africa/sahel.md', 'europe/2026/warsaw.md', 'top.md']);
  });

  it('leaves out hidden files and everything in hidden folders', () => {
    const dir = tree(['.DS_Store', 'europe/.draft.md', '.git/objects/ab.md', 'europe/.notes/old.md', 'europe/kept.md']);
    expect(listFiles(dir)).toEqual(['europe/kept.md']);
  });

  it('lists a link to a file as a file', () => {
    const dir = tree(['africa/sahel.md']);
    symlinkSync(path.join(dir, 'africa/sahel.md'), path.join(dir, 'africa/linked.md'));
    expect(listFiles(dir)).toEqual(['africa/linked.md', 'africa/sahel.md']);
  });

  it('gives nothing for a folder that does not exist, and fails on a path that is a file', () => {
    expect(listFiles(path.join(root, 'missing'))).toEqual([]);
    const dir = tree(['site.yaml']);
    expect(() => listFiles(path.join(dir, 'site.yaml'))).toThrow(/ENOTDIR/);
  });
});
