/**
 * The validator's per-file findings cache (src/lib/content/validate.ts): reused only
 * while a file, what it depends on and the rules are unchanged.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleFileCache, validateContent } from '../../src/lib/content/validate.ts';

const FIXTURE = path.resolve('tests/fixtures/content/valid');
let work: string;
let content: string;
const article = () => path.join(content, 'articles/world/canal-water-levels.md');
const messages = (cache: ArticleFileCache) =>
  validateContent(content, { cache, cwd: work }).diagnostics.map((d) => `${d.file}:${d.line} ${d.field} ${d.message}`);

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-validation-cache-'));
  content = path.join(work, 'content');
  cpSync(FIXTURE, content, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('the validation cache', () => {
  it('reuses every finding when nothing changed, with the same result as a fresh check', () => {
    const cache = new ArticleFileCache();
    const first = messages(cache);
    expect(cache.checked).toBeGreaterThan(3);
    cache.checked = 0;
    expect(messages(cache)).toEqual(first);
    expect(cache.checked).toBe(0);
    expect(messages(new ArticleFileCache())).toEqual(first);
  });

  it('checks an edited file again, in the same process and from a saved cache', () => {
    const cache = new ArticleFileCache();
    messages(cache);
    const saved = path.join(work, 'validation.v8');
    cache.save(saved, 'rules-1');
    writeFileSync(article(), readFileSync(article(), 'utf8').replace(/^dek: .*$/m, 'dek: ""'));
    const expected = expect.arrayContaining([expect.stringMatching(/canal-water-levels\.md:\d+ dek is empty/)]);
    cache.checked = 0;
    expect(messages(cache)).toEqual(expected);
    expect(cache.checked).toBe(1);
    const loaded = ArticleFileCache.load(saved, 'rules-1');
    expect(loaded.files.size).toBeGreaterThan(3);
    expect(messages(loaded)).toEqual(expected);
    expect(loaded.checked).toBe(1);
  });

  it('checks a file again when the same bytes are written back with a new time (a saved file is read, not trusted)', () => {
    const cache = new ArticleFileCache();
    const first = messages(cache);
    writeFileSync(article(), readFileSync(article()));
    cache.checked = 0;
    expect(messages(cache)).toEqual(first);
    // Same digest: the findings are reused after reading the file.
    expect(cache.checked).toBe(0);
  });

  it('checks every article again when a section they name disappears', () => {
    const cache = new ArticleFileCache();
    messages(cache);
    const sections = path.join(content, 'sections.yaml');
    writeFileSync(sections, readFileSync(sections, 'utf8').replace(/^- id: world[\s\S]*?(?=^- id:|$(?![\s\S]))/m, ''));
    cache.checked = 0;
    const after = messages(cache);
    expect(cache.checked).toBeGreaterThan(3);
    expect(after).toEqual(expect.arrayContaining([expect.stringMatching(/canal-water-levels\.md:\d+ section/)]));
  });

  it('checks a piece again when its photo is replaced by a file that is not an image', () => {
    const cache = new ArticleFileCache();
    messages(cache);
    const photo = /src: (.*)/.exec(readFileSync(article(), 'utf8'))![1]!.trim().replace(/^["']|["']$/g, '');
    writeFileSync(path.resolve(path.dirname(article()), photo), 'not a photo at all');
    cache.checked = 0;
    expect(messages(cache)).toEqual(expect.arrayContaining([expect.stringMatching(/canal-water-levels\.md:\d+ hero\.src/)]));
    expect(cache.checked).toBeGreaterThan(0);
  });

  it('starts empty when the rules changed since it was saved', () => {
    const cache = new ArticleFileCache();
    messages(cache);
    const saved = path.join(work, 'validation.v8');
    cache.save(saved, 'rules-1');
    expect(ArticleFileCache.load(saved, 'rules-2').files.size).toBe(0);
    expect(ArticleFileCache.load(path.join(work, 'missing.v8'), 'rules-1').files.size).toBe(0);
  });

  it('reads no unchanged file when the findings come from a saved cache, and its body only when asked for', () => {
    // A time in whole seconds, so that it can be set back exactly below.
    utimesSync(article(), 1_790_000_000, 1_790_000_000);
    const cache = new ArticleFileCache();
    const first = validateContent(content, { cache, cwd: work });
    const saved = path.join(work, 'validation.v8');
    cache.save(saved, 'rules-1');
    const original = readFileSync(article(), 'utf8');
    const body = first.articles.find((piece) => piece.absolutePath === article())!.body;

    const loaded = ArticleFileCache.load(saved, 'rules-1');
    const again = validateContent(content, { cache: loaded, cwd: work });
    expect(loaded.checked).toBe(0);
    const piece = again.articles.find((candidate) => candidate.absolutePath === article())!;
    expect(piece.body).toBe(body);
    expect(piece.bodyDigest).toBe(first.articles.find((candidate) => candidate.absolutePath === article())!.bodyDigest);

    // Same size, same time, other words: the stat says unchanged, so the findings are reused;
    // the body, read later, no longer matches them, and the run stops instead of mixing versions.
    writeFileSync(article(), original.replace('The canal authority', 'The CANAL authority'));
    utimesSync(article(), 1_790_000_000, 1_790_000_000);
    const stale = validateContent(content, { cache: ArticleFileCache.load(saved, 'rules-1'), cwd: work });
    const stalePiece = stale.articles.find((candidate) => candidate.absolutePath === article())!;
    expect(() => stalePiece.body).toThrow(/canal-water-levels\.md: changed while it was being read; build again/);
  });

  it('holds no text it was not asked to keep: a body is read from its file each time, as a build asks for it', () => {
    const kept = validateContent(content, { cwd: work });
    const held = kept.articles.find((piece) => piece.absolutePath === article())!;
    const report = validateContent(content, { cwd: work, keepTexts: false });
    const piece = report.articles.find((candidate) => candidate.absolutePath === article())!;
    expect(piece.body).toBe(held.body);
    // Read again, not remembered: once the file holds other words, asking again stops the run,
    // while the record that kept its text still answers with what was checked.
    writeFileSync(article(), readFileSync(article(), 'utf8').replace('The canal authority', 'The CANAL authority'));
    expect(() => piece.body).toThrow(/canal-water-levels\.md: changed while it was being read; build again/);
    expect(held.body).toContain('The canal authority');
  });
});
