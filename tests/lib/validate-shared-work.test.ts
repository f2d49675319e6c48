/**
 * A large archive is checked on two threads (src/lib/content/validate/articles.ts,
 * shared-work.ts); its findings must be exactly those of one thread, problems and
 * their places included, in the same order.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { ARTICLE_WORKER_URL } from '../../src/lib/content/validate/articles.ts';
import { checkArticleFile, type ArticleCheckContext } from '../../src/lib/content/validate/article-file.ts';
import { computeShared, type SharedWorkTally } from '../../src/lib/content/validate/shared-work.ts';

const FIXTURE = path.resolve('tests/fixtures/content/valid');
let work: string;
let content: string;

/** Every so many pieces, one kind of mistake, so both threads meet some. */
const MISTAKES: [number, (text: string) => string][] = [
  [37, (text) => text.replace(/^title: .*\n/m, '')],
  [41, (text) => text.replace('section: world', 'section: wrold')],
  [43, (text) => `${text}\nAnd a [bad link](javascript:alert(1)) at the end.\n`],
  [47, (text) => `${text}\nSee [the other piece](/no-such-piece/).\n`],
  [53, (text) => text.replace('published: 2026-10-14T08:30:00-04:00', 'published: 2026-13-40')],
  [59, (text) => text.replace('src: ../../images/harbour.jpg', 'src: ../../images/harbor.jpg')],
];

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-validate-shared-'));
  content = path.join(work, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  const template = readFileSync(path.join(content, 'articles/world/harbour-dues-rise.md'), 'utf8');
  for (let index = 0; index < 900; index++) {
    const text = MISTAKES.reduce((piece, [every, mistake]) => (index % every === every - 1 ? mistake(piece) : piece), template);
    writeFileSync(path.join(content, 'articles/world', `harbour-dues-${String(index).padStart(4, '0')}.md`), text);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('validating a large archive on two threads', () => {
  it('finds what one thread finds, at the same places', () => {
    const shared = validateContent(content, { cwd: work });
    const single = validateContent(content, { cwd: work, shareWork: false });
    expect(shared.diagnostics).toEqual(single.diagnostics);
    expect(shared.articles).toEqual(single.articles);
    expect(shared.filesChecked).toBe(single.filesChecked);
    // Each kind of mistake is found in the pieces that have it.
    const fields = new Set(shared.diagnostics.filter((d) => d.severity === 'error').map((d) => d.field));
    expect([...fields].sort()).toEqual(['body', 'hero.src', 'published', 'section', 'title']);
    expect(shared.diagnostics.filter((d) => d.field === 'title')).toHaveLength(Math.floor(900 / 37));
  });
});

describe('the article worker', () => {
  it('loads and checks its share of the files', () => {
    const dir = path.join(content, 'articles/world');
    const jobs = Array.from({ length: 900 }, (_, index) => {
      const absolutePath = path.join(dir, `harbour-dues-${String(index).padStart(4, '0')}.md`);
      return { absolutePath, file: absolutePath, slugIssue: null };
    });
    const context: ArticleCheckContext = { root: content, cwd: work, timeZone: 'UTC', sections: [], withDigest: true, keepTexts: true };
    const tally: SharedWorkTally = { byWorker: 0 };
    // The calling thread takes its time over each file, so that on a busy machine it cannot have
    // claimed every chunk before the worker has loaded.
    const pause = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const unhurried: typeof checkArticleFile = (job, jobContext) => {
      Atomics.wait(pause, 0, 0, 10);
      return checkArticleFile(job, jobContext);
    };
    const checked = computeShared(jobs, unhurried, { workerUrl: ARTICLE_WORKER_URL, context, chunkSize: 8, tally });
    expect(tally.workerFailure).toBeUndefined();
    expect(tally.byWorker).toBeGreaterThan(0);
    expect(checked.every((result) => result.facts.parsed !== undefined && typeof result.digest === 'string')).toBe(true);
  });
});
