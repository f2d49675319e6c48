/**
 * Astro's copies of built pages are hard links to the pages (src/integrations/linked-page-cache.ts):
 * a build writes each page once, puts pages back into an empty output folder by linking them,
 * and never puts back a page that was changed in the output folder after the last good build
 * (src/lib/page-cache-copies.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateArticles } from '../../scripts/lib/corpus.ts';
import { buildProject, copyProject, writeTestCorpus, type ProjectCopy } from '../helpers/project-copy.ts';

const ARTICLES = 8;
const [article] = [...generateArticles(ARTICLES, { wordsPerArticle: 150 })];

let project: ProjectCopy;
let work: string;
let content: string;
const now = '2026-11-01T12:00:00Z';
const outDir = () => path.join(work, 'dist');
const cacheDir = () => path.join(work, 'cache');
const page = () => path.join(outDir(), article!.slug, 'index.html');
const copy = () => path.join(cacheDir(), 'dist', article!.slug, 'index.html');
const sameFile = (a: string, b: string) => statSync(a).ino === statSync(b).ino;

function build() {
  const result = buildProject(project.root, { contentDir: content, cacheDir: cacheDir(), outDir: outDir(), now });
  expect(result.status, result.output.slice(-3000)).toBe(0);
  return result;
}

beforeAll(() => {
  project = copyProject();
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-linked-pages-'));
  content = writeTestCorpus(work, ARTICLES, 150);
});

afterAll(() => {
  project?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("Astro's copies of built pages", { timeout: 300_000 }, () => {
  let built: string;

  it('are the pages themselves, not second copies', () => {
    build();
    built = readFileSync(page(), 'utf8');
    expect(built).toContain(`/${article!.slug}/`);
    expect(sameFile(page(), copy())).toBe(true);
  });

  it('are linked back into an empty output folder, byte for byte', () => {
    rmSync(outDir(), { recursive: true });
    const result = build();
    expect(result.restored).toBeGreaterThan(ARTICLES);
    expect(readFileSync(page(), 'utf8')).toBe(built);
    expect(sameFile(page(), copy())).toBe(true);
  });

  it('are not put back when the page was changed in the output folder since', () => {
    appendFileSync(page(), '<!-- changed by hand -->');
    const result = build();
    expect(result.output).toContain('1 page changed in the output folder since the last build that succeeded: rendered again, not restored');
    expect(readFileSync(page(), 'utf8')).toBe(built);
    expect(readFileSync(copy(), 'utf8')).toBe(built);
  });

  it('go with the page when its article is deleted', () => {
    expect(sameFile(page(), copy())).toBe(true);
    const file = readdirSync(content, { recursive: true, encoding: 'utf8' }).find((name) => name.endsWith(`${article!.slug}.md`));
    rmSync(path.join(content, file!));
    build();
    expect(existsSync(page())).toBe(false);
    expect(existsSync(copy())).toBe(false);
  });
});
