/**
 * The sample's site pages (content/pages/): built at their addresses by the
 * article pipeline, linked from every page's footer, listed in the sitemap,
 * and named in the publisher's structured data.
 */
import { describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { htmlDocuments, listOutput, readPage } from '../helpers/build-site.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { readFileSync } from 'node:fs';

const build = inject('sampleSite');
const report = validateContent(path.join(REPO, 'content'), { cwd: REPO });
const site = 'https://meridian-review.example';

describe('site pages', () => {
  it('are the five a magazine needs, each built at /<slug>/ with its rendered body', () => {
    expect(report.pages.map((page) => page.data.kind).sort()).toEqual(['about', 'contact', 'masthead', 'privacy', 'standards']);
    for (const page of report.pages) {
      const { tree } = readPage(build.outDir, `${page.slug}/index.html`);
      expect(toText(select('h1', tree)!)).toBe(page.data.title);
      expect(select('meta[name="description"]', tree)!.properties.content).toBe(page.data.description);
      // Rendered by the pipeline: Markdown headings became HTML, straight quotes became curly.
      expect(selectAll('.article-body h2', tree).length, page.slug).toBeGreaterThan(0);
    }
    expect(toText(select('.article-body', readPage(build.outDir, 'about/index.html').tree)!)).toContain('what is likely to follow');
  });

  it('are linked from the footer of every page', () => {
    const expected = ['/about/', '/masthead/', '/contact/', '/standards/', '/privacy/'];
    const documents = htmlDocuments(listOutput(build.outDir));
    const checked: string[] = [];
    for (const file of documents) {
      const { tree } = readPage(build.outDir, file);
      // Former slugs answer with a bare page that sends readers on (meta refresh): no footer.
      if (select('meta[http-equiv="refresh"]', tree)) continue;
      checked.push(file);
      const links = selectAll('footer nav[aria-label="About the publication"] a', tree).map((a) => a.properties.href);
      expect(links, file).toEqual(expected);
    }
    expect(checked.length).toBeGreaterThan(documents.length / 2);
    expect(checked).toEqual(expect.arrayContaining(['index.html', '404.html', 'about/index.html', 'latest/index.html']));
  });

  it('are in the sitemap', () => {
    const xml = readFileSync(path.join(build.outDir, 'sitemaps/pages.xml'), 'utf8');
    for (const page of report.pages) expect(xml).toContain(`<loc>${site}/${page.slug}/</loc>`);
  });

  it('give the publisher its publishingPrinciples, correctionsPolicy and masthead, on the home page and in articles', () => {
    const organizationIn = (file: string) => {
      const scripts = selectAll('script[type="application/ld+json"]', readPage(build.outDir, file).tree).map((script) => JSON.parse(toText(script)) as Record<string, unknown>);
      const all = scripts.flatMap((data) => [data, ...((data['@graph'] as Record<string, unknown>[] | undefined) ?? []), ...(data.publisher ? [data.publisher as Record<string, unknown>] : [])]);
      return all.find((data) => data['@type'] === 'NewsMediaOrganization')!;
    };
    for (const file of ['index.html', `${report.articles.find((article) => !article.data.draft)!.slug}/index.html`]) {
      expect(organizationIn(file), file).toMatchObject({
        publishingPrinciples: `${site}/standards/`,
        correctionsPolicy: `${site}/standards/`,
        ethicsPolicy: `${site}/standards/`,
        masthead: `${site}/masthead/`,
      });
    }
  });
});
