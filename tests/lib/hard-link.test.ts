import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hardLink } from '../../src/lib/hard-link.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hard-link-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sameFile = (a: string, b: string) => statSync(a).ino === statSync(b).ino;

describe('a second name for a file', () => {
  it('links into a folder it makes, and remembers the folder', () => {
    const source = path.join(dir, 'page.html');
    writeFileSync(source, '<p>page</p>');
    const made = new Set<string>();
    const target = path.join(dir, 'cache', 'dist', 'a', 'index.html');
    expect(hardLink(source, target, made)).toBe(true);
    expect(sameFile(source, target)).toBe(true);
    expect(made).toEqual(new Set([path.dirname(target)]));
  });

  it('replaces another file under the target name, and leaves a link already there', () => {
    const source = path.join(dir, 'page.html');
    const target = path.join(dir, 'copy.html');
    writeFileSync(source, 'new');
    writeFileSync(target, 'old');
    expect(hardLink(source, target)).toBe(true);
    expect(sameFile(source, target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(hardLink(source, target)).toBe(true);
    expect(statSync(source).nlink).toBe(2);
  });

  it('says so when there is nothing to link, so the caller writes the file itself', () => {
    const made = new Set<string>();
    expect(hardLink(path.join(dir, 'missing.html'), path.join(dir, 'cache', 'x.html'), made)).toBe(false);
    expect(hardLink(path.join(dir, 'missing.html'), path.join(dir, 'cache', 'y.html'), made)).toBe(false);
  });

  it('makes the folder again when it was removed after being made', () => {
    const source = path.join(dir, 'page.html');
    writeFileSync(source, 'page');
    const made = new Set<string>();
    const target = path.join(dir, 'cache', 'a', 'index.html');
    expect(hardLink(source, target, made)).toBe(true);
    rmSync(path.join(dir, 'cache'), { recursive: true });
    // The caller empties its set between builds; a stale entry only costs the link, never a wrong file.
    expect(hardLink(source, target, made)).toBe(false);
    made.clear();
    expect(hardLink(source, target, made)).toBe(true);
  });
});
