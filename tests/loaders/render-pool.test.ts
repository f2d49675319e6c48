import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderArticles } from '../../src/loaders/render-pool.ts';
import { createProcessor } from '../../src/markdown/pipeline.ts';
import { renderArticleBody, type CachedBody } from '../../src/markdown/render-article.ts';
import { RenderCache, summaryOf } from '../../src/lib/render-cache.ts';

const siteUrl = 'https://meridian-review.example';
const markdownOf = (i: number) => `Paragraph ${i} says "hello" -- with [a link](https://other.example/${i}).\n\n## Part ${i}\n\n<script>alert(${i})</script>More.`;
const jobs = Array.from({ length: 450 }, (_, i) => ({ hash: `h${i}`, markdown: () => markdownOf(i) }));
const readyJob = (i: number) => ({ hash: `h${i}`, markdown: markdownOf(i) });

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'render-pool-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('renderArticles', () => {
  it('renders in child processes into the cache exactly what the inline pipeline renders', async () => {
    const rendered: CachedBody[] = [];
    await renderArticles(jobs, { siteUrl }, cacheDir, (body) => rendered.push(body));
    expect(rendered.map((body) => body.hash).sort()).toEqual(jobs.map((job) => job.hash).sort());
    const processor = createProcessor({ siteUrl });
    const cache = new RenderCache(cacheDir);
    const byHash = new Map(rendered.map((body) => [body.hash, body]));
    for (const job of [readyJob(0), readyJob(217), readyJob(449)]) {
      const { hash, html, ...meta } = renderArticleBody(processor, job);
      expect(cache.html(hash)).toBe(html);
      expect(cache.get(hash)).toEqual(meta);
      expect(byHash.get(hash)!.summary).toEqual(summaryOf(meta));
    }
    expect(cache.html('h5')).not.toContain('<script');
    // Every body's HTML and metadata, and no temporary file left behind.
    expect(readdirSync(cacheDir)).toHaveLength(jobs.length * 2);
  });

  it('renders a few bodies inline, into the cache too', async () => {
    const rendered: CachedBody[] = [];
    await renderArticles(jobs.slice(0, 3), { siteUrl }, cacheDir, (body) => rendered.push(body));
    expect(rendered.map((body) => body.hash)).toEqual(['h0', 'h1', 'h2']);
    expect(new RenderCache(cacheDir).renderedHashes().has('h2')).toBe(true);
  });

  it('reads each body only as its batch goes out, not all of them before the first is rendered', async () => {
    const read: number[] = [];
    let readWhenFirstRendered: number | undefined;
    const counted = jobs.map((job, i) => ({ ...job, markdown: () => (read.push(i), job.markdown()) }));
    await renderArticles(counted, { siteUrl }, cacheDir, () => {
      readWhenFirstRendered ??= read.length;
    });
    expect(read.sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
    expect(readWhenFirstRendered).toBeLessThan(jobs.length);
  });

  it('stops with the reading error when a body can no longer be read, in processes or inline', async () => {
    const unreadable = () => {
      throw new Error('canal.md: changed while it was being read; build again');
    };
    const failing = jobs.map((job, i) => (i === 400 ? { ...job, markdown: unreadable } : job));
    await expect(renderArticles(failing, { siteUrl }, cacheDir, () => undefined)).rejects.toThrow(/canal\.md: changed while it was being read/);
    await expect(renderArticles(failing.slice(398, 402), { siteUrl }, cacheDir, () => undefined)).rejects.toThrow(/changed while it was being read/);
  });

  it('fails when a body cannot be stored, and says so', async () => {
    // A file where the cache folder should be: the renderers cannot create it.
    const blocked = path.join(cacheDir, 'not-a-folder');
    writeFileSync(blocked, '');
    await expect(renderArticles(jobs, { siteUrl }, blocked, () => undefined)).rejects.toThrow(/body renderer stopped/);
  });
});
