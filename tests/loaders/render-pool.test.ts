import { describe, expect, it } from 'vitest';
import { renderArticles } from '../../src/loaders/render-pool.ts';
import { createProcessor } from '../../src/markdown/pipeline.ts';
import { renderArticleBody, type RenderedArticle } from '../../src/markdown/render-article.ts';

const siteUrl = 'https://meridian-review.example';
const jobs = Array.from({ length: 450 }, (_, i) => ({
  hash: `h${i}`,
  markdown: `Paragraph ${i} says "hello" -- with [a link](https://other.example/${i}).\n\n## Part ${i}\n\n<script>alert(${i})</script>More.`,
}));

describe('renderArticles', () => {
  it('renders in child processes exactly what the inline pipeline renders', async () => {
    const rendered: RenderedArticle[] = [];
    await renderArticles(jobs, { siteUrl }, (article) => rendered.push(article));
    expect(rendered).toHaveLength(jobs.length);
    const processor = createProcessor({ siteUrl });
    const byHash = new Map(rendered.map((article) => [article.hash, article]));
    for (const job of [jobs[0]!, jobs[217]!, jobs[449]!]) {
      expect(byHash.get(job.hash)).toEqual(renderArticleBody(processor, job));
    }
    expect(byHash.get('h5')!.html).not.toContain('<script');
  });

  it('renders a few bodies inline', async () => {
    const rendered: RenderedArticle[] = [];
    await renderArticles(jobs.slice(0, 3), { siteUrl }, (article) => rendered.push(article));
    expect(rendered.map((article) => article.hash)).toEqual(['h0', 'h1', 'h2']);
  });
});
