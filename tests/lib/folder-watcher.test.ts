import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchFolder, type FolderWatcher } from '../../src/lib/content/folder-watcher.ts';

let root: string;
let outside: string;
let watcher: FolderWatcher | undefined;
let reports: string[][];
let taken: number;
let waiting: (() => void) | undefined;

function start(settleMs?: number): void {
  watcher = watchFolder(
    root,
    (changed) => {
      reports.push(changed);
      waiting?.();
    },
    { settleMs },
  );
}

/** The next report not yet taken, or a failure naming what was awaited. */
async function nextReport(what: string): Promise<string[]> {
  if (reports.length <= taken) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no report of ${what} within 5 s`)), 5000);
      waiting = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    waiting = undefined;
  }
  return reports[taken++]!;
}

/** Lets a settle period pass, so that a report that should not come would have come. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 600));

beforeEach(() => {
  const base = mkdtempSync(path.join(tmpdir(), 'folder-watcher-'));
  root = path.join(base, 'content');
  outside = path.join(base, 'elsewhere');
  mkdirSync(path.join(root, 'articles/europe'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'site.yaml'), 'title: x\n');
  writeFileSync(path.join(root, 'articles/europe/one.md'), 'one\n');
  reports = [];
  taken = 0;
});

afterEach(() => {
  watcher?.close();
  watcher = undefined;
  rmSync(path.dirname(root), { recursive: true, force: true });
});

describe('the content folder watcher', () => {
  it('reports nothing for the files already there when it starts', async () => {
    start();
    await quiet();
    expect(reports).toEqual([]);
  });

  it('reports a file saved at the top and one saved in a nested folder', async () => {
    start();
    writeFileSync(path.join(root, 'site.yaml'), 'title: y\n');
    expect(await nextReport('the top file')).toContain(path.join(root, 'site.yaml'));
    writeFileSync(path.join(root, 'articles/europe/one.md'), 'one, edited\n');
    expect(await nextReport('the nested file')).toContain(path.join(root, 'articles/europe/one.md'));
  });

  it('reports a burst of writes once', async () => {
    start(400);
    const file = path.join(root, 'articles/europe/one.md');
    // Apart enough for the system to deliver each write as an event of its own.
    for (let i = 0; i < 5; i++) {
      writeFileSync(file, `version ${i}\n`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await nextReport('the burst')).toEqual([file]);
    await quiet();
    expect(reports).toHaveLength(1);
  });

  it('reports a save made by renaming a temporary file over the old one', async () => {
    start();
    const file = path.join(root, 'articles/europe/one.md');
    const temporary = path.join(root, 'articles/europe/.one.md.tmp');
    writeFileSync(temporary, 'saved the atomic way\n');
    renameSync(temporary, file);
    expect(await nextReport('the rename')).toContain(file);
  });

  it('watches a folder that appears later, with the files it came with, and what is saved in it afterwards', async () => {
    start();
    mkdirSync(path.join(outside, 'africa'));
    writeFileSync(path.join(outside, 'africa/two.md'), 'two\n');
    renameSync(path.join(outside, 'africa'), path.join(root, 'articles/africa'));
    const arrived = await nextReport('the new folder');
    expect(arrived).toContain(path.join(root, 'articles/africa'));
    expect(arrived).toContain(path.join(root, 'articles/africa/two.md'));
    writeFileSync(path.join(root, 'articles/africa/three.md'), 'three\n');
    expect(await nextReport('a file saved in the new folder')).toContain(path.join(root, 'articles/africa/three.md'));
  });

  it('reports a removed folder, lets it go, and watches it again when it comes back', async () => {
    start();
    rmSync(path.join(root, 'articles/europe'), { recursive: true });
    expect(await nextReport('the removal')).toContain(path.join(root, 'articles/europe'));
    await quiet();
    mkdirSync(path.join(root, 'articles/europe'));
    await nextReport('the folder back');
    writeFileSync(path.join(root, 'articles/europe/again.md'), 'again\n');
    expect(await nextReport('a file in the folder back')).toContain(path.join(root, 'articles/europe/again.md'));
  });

  it('watches the folder again when it is deleted and made anew, with what it holds', async () => {
    start();
    rmSync(root, { recursive: true });
    expect(await nextReport('the folder gone')).toContain(root);
    mkdirSync(path.join(outside, 'content/articles'), { recursive: true });
    writeFileSync(path.join(outside, 'content/articles/back.md'), 'back\n');
    renameSync(path.join(outside, 'content'), root);
    expect(await nextReport('the folder back')).toContain(path.join(root, 'articles/back.md'));
    writeFileSync(path.join(root, 'articles/back.md'), 'back, edited\n');
    expect(await nextReport('a save in the folder back')).toContain(path.join(root, 'articles/back.md'));
  });

  it('reports nothing once closed', async () => {
    start();
    watcher!.close();
    writeFileSync(path.join(root, 'site.yaml'), 'title: z\n');
    await quiet();
    expect(reports).toEqual([]);
  });
});
