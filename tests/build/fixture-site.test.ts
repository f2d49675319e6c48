/**
 * Builds the valid fixture site with the real Astro CLI and checks the output
 * with a real HTML parser; also checks that the build refuses invalid content
 * with the validator's own words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { buildSite, htmlDocuments, listOutput, readPage, type BuildResult } from '../helpers/build-site.ts';
import { VALID_CONTENT, siteForCase } from '../helpers/content-fixture.ts';

let build: BuildResult;
let files: string[];

beforeAll(() => {
  build = buildSite(VALID_CONTENT);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  files = listOutput(build.outDir);
});
afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

const htmlFiles = () => files.filter((file) => file.endsWith('.html'));
const text = (node: Parameters<typeof toText>[0] | undefined) => (node ? toText(node).replace(/\s+/g, ' ').trim() : '');

describe('fixture site build', () => {
  it('has a page for every public article, section, author and tag', () => {
    for (const page of [
      'index.html',
      '404.html',
      'latest/index.html',
      'harbour-dues-rise/index.html',
      'canal-water-levels/index.html',
      'tariff-note/index.html',
      'world/index.html',
      'economy/index.html',
      'briefs/index.html',
      'author/ada-ferrer/index.html',
      'author/ben-okri-test/index.html',
      'tag/shipping/index.html',
    ]) {
      expect(files, page).toContain(page);
    }
  });

  it('never publishes drafts or scheduled pieces, nor links to them', () => {
    expect(files.some((file) => file.includes('draft-piece') || file.includes('scheduled-piece'))).toBe(false);
    for (const file of htmlFiles()) {
      const { html } = readPage(build.outDir, file);
      expect(html, file).not.toMatch(/draft-piece|scheduled-piece|must never be published|scheduled for 2031/);
    }
  });

  it('ships JavaScript only to the search page and the LATEST loader of article pages; other scripts are JSON-LD data', () => {
    for (const file of htmlDocuments(files)) {
      const { tree } = readPage(build.outDir, file);
      const code = selectAll('script', tree).filter((script) => script.properties.type !== 'application/ld+json');
      if (select('[data-latest-rail]', tree)) {
        expect(code.map((script) => [script.properties.type, String(script.properties.src)]), file).toEqual([['module', expect.stringMatching(/^\/_astro\/[\w.-]+\.js$/)]]);
      } else if (file === 'search/index.html') {
        expect(code.length, file).toBeGreaterThan(0);
        for (const script of code) expect(String(script.properties.src), file).toMatch(/^\/_astro\/[\w.-]+\.js$/);
      } else {
        expect(code, file).toEqual([]);
      }
    }
  });

  it('keeps a headline containing </script><script> as text in the page, its JSON-LD, social tags and feeds', () => {
    const smart = 'Why “</script><script>alert(1)</script>” & <b>tags</b> stay text';
    const { html, tree } = readPage(build.outDir, 'script-in-headline/index.html');
    // In attribute values "<" is inert; what matters is that no element came out of the text.
    expect(selectAll('script', tree).map((script) => script.properties.type)).toEqual(['application/ld+json', 'application/ld+json', 'module']);
    expect(selectAll('b', tree)).toEqual([]);
    expect(html).toContain('<h1>Why “&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;” &amp; &lt;b&gt;tags&lt;/b&gt; stay text</h1>');
    expect(text(select('h1', tree))).toBe(smart);
    const data = selectAll('script[type="application/ld+json"]', tree).map((script) => JSON.parse(toText(script)));
    expect(data[0].headline).toBe(smart);
    expect(data[0].image[0].url).toMatch(/^https:\/\/fixture-gazette\.example\/images\/harbour-[0-9a-f]{16}-\d+x\d+-[0-9a-f]{4}\.jpg$/);
    expect(select('meta[property="og:title"]', tree)!.properties.content).toBe(smart);
    expect(select('meta[property="og:image:alt"]', tree)!.properties.content).toBe('Cranes, and a stray "</script><script>alert(2)</script>" in the alt text');
    const feed = readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8');
    expect(feed).not.toContain('<script>');
    expect(feed).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('points republished pieces to their original under the site\'s "original" canonical policy, and leaves them out of the sitemap', () => {
    const { tree } = readPage(build.outDir, 'harbour-dues-rise/index.html');
    expect(selectAll('link[rel="canonical"]', tree).map((link) => link.properties.href)).toEqual(['https://harbor-quarterly.example/dues']);
    expect(text(select('.republished', tree))).toContain('republished with permission');
    const sitemaps = files.filter((file) => file.startsWith('sitemaps/')).map((file) => readFileSync(path.join(build.outDir, file), 'utf8'));
    expect(sitemaps.join('')).toContain('https://fixture-gazette.example/canal-water-levels/');
    expect(sitemaps.join('')).not.toContain('harbour-dues-rise');
  });

  it('uses a summary card without an image where the site has no share image and the page no photo', () => {
    const { tree } = readPage(build.outDir, 'world/index.html');
    expect(select('meta[name="twitter:card"]', tree)!.properties.content).toBe('summary');
    expect(select('meta[property="og:image"]', tree)).toBeUndefined();
    const article = readPage(build.outDir, 'harbour-dues-rise/index.html').tree;
    expect(select('meta[name="twitter:card"]', article)!.properties.content).toBe('summary_large_image');
  });

  it('renders an article with kicker, headline, dek, byline, dates, hero credit and republish line', () => {
    const { tree } = readPage(build.outDir, 'harbour-dues-rise/index.html');
    expect(text(select('.kicker', tree))).toBe('Analysis | World');
    expect(text(select('h1', tree))).toBe('Harbour dues rise as shipping lines reroute');
    expect(text(select('.article-header .dek', tree))).toBe('Ports on the long route are charging more, and shippers are paying.');
    expect(selectAll('.byline a', tree).map((a) => a.properties.href)).toEqual(['/author/ada-ferrer/']);
    expect(selectAll('.byline time', tree).map((t) => t.properties.dateTime)).toEqual(['2026-10-14T08:30:00-04:00', '2026-10-15T00:00:00-04:00']);
    const hero = select('.hero img', tree)!;
    expect(hero.properties.width).toBeTruthy();
    expect(hero.properties.height).toBeTruthy();
    expect(hero.properties.alt).toBe('A flat illustration of cranes over a harbour');
    expect(text(select('.hero figcaption', tree))).toBe('Top photo credit: Cranes over a harbour at dusk. Ana Ruiz/Meridian Studio');
    expect(text(select('.republished', tree))).toMatch(/^This article was republished with permission by Ada Ferrer, The Harbor Quarterly\. Read the original/);
    expect(select('.republished a', tree)!.properties.href).toBe('https://harbor-quarterly.example/dues');
    expect(text(select('.corrections', tree))).toContain('An earlier version gave the wrong year');
    expect(text(select('.article-body', tree))).toContain('Harbour dues have risen for the “third time” this year — and shippers say it’s only the start.');
  });

  it('prints the republish line only on republished pieces, and the brand label on short takes', () => {
    expect(select('.republished', readPage(build.outDir, 'canal-water-levels/index.html').tree)).toBeUndefined();
    const shortTake = readPage(build.outDir, 'tariff-note/index.html').tree;
    expect(text(select('.kicker', shortTake))).toBe('BRIEFS');
    expect(select('.hero', shortTake)).toBeUndefined();
  });

  it('fills a thin related rail from the article\'s own section under "More from <section>", and the LATEST loader leaves those out too', () => {
    // No other piece shares two distinctive words with this one: no "Related" rail, the section's pieces instead.
    const { tree } = readPage(build.outDir, 'canal-water-levels/index.html');
    expect(select('#related-heading', tree)).toBeUndefined();
    const rail = select('[aria-labelledby="more-from-section-heading"]', tree)!;
    expect(text(select('h2', rail))).toBe('More from World');
    expect(select('h2 a', rail)!.properties.href).toBe('/world/');
    expect(rail.properties.dataRelated).toBe('');
    expect(selectAll('.teaser-title a', rail).map((a) => a.properties.href)).toEqual(['/harbour-dues-rise/', '/script-in-headline/']);
  });

  it('sends former slugs to the article with a static redirect page', () => {
    const { tree } = readPage(build.outDir, 'canal-levels-fall/index.html');
    expect(select('meta[http-equiv="refresh"]', tree)!.properties.content).toBe('0; url=/canal-water-levels/');
    expect(select('link[rel="canonical"]', tree)!.properties.href).toBe('https://fixture-gazette.example/canal-water-levels/');
    expect(select('meta[name="robots"]', tree)!.properties.content).toBe('noindex');
  });

  it('has site chrome on every page: sections, social links, newsletter', () => {
    for (const file of htmlDocuments(files).filter((page) => page !== 'canal-levels-fall/index.html')) {
      const { tree } = readPage(build.outDir, file);
      expect(selectAll('nav[aria-label="Sections"] a', tree).map((a) => a.properties.href), file).toEqual(['/world/', '/economy/', '/briefs/', '/latest/']);
      expect(text(select('.social-heading', tree)), file).toBe('Follow us on social');
      const form = select('.newsletter form', tree)!;
      expect(form.properties.action, file).toBe('https://lists.fixture-gazette.example/subscribe');
      expect(select('input[type="email"][required]', form), file).toBeDefined();
    }
  });

  it('resolves every internal link', () => {
    const broken: string[] = [];
    for (const file of htmlFiles()) {
      for (const element of selectAll('a[href], img[src], link[href]', readPage(build.outDir, file).tree)) {
        const target = String(element.properties.href ?? element.properties.src);
        if (!target.startsWith('/') || target.startsWith('//')) continue;
        const clean = decodeURI(target.split(/[?#]/)[0]!);
        const candidate = clean.endsWith('/') ? `${clean}index.html` : clean;
        if (!existsSync(path.join(build.outDir, candidate))) broken.push(`${file} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('is deterministic: a second build gives byte-identical files', () => {
    const second = buildSite(VALID_CONTENT);
    try {
      expect(second.status).toBe(0);
      const secondFiles = listOutput(second.outDir);
      expect(secondFiles).toEqual(files);
      for (const file of files) {
        expect(readFileSync(path.join(second.outDir, file)).equals(readFileSync(path.join(build.outDir, file))), file).toBe(true);
      }
    } finally {
      rmSync(second.outDir, { recursive: true, force: true });
    }
  });
});

describe('build on invalid content', () => {
  it('fails with the validator message and writes no site', () => {
    const site = siteForCase('missing-credit');
    const failed = buildSite(path.join(site, 'content'));
    rmSync(site, { recursive: true, force: true });
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/articles\/world\/no-credit\.md:\d+:\d+ error hero\.credit: missing; every photo needs a credit line/);
    expect(existsSync(path.join(failed.outDir, 'index.html'))).toBe(false);
    rmSync(failed.outDir, { recursive: true, force: true });
  });

  it('refuses duplicate slugs instead of overwriting an article', () => {
    const site = siteForCase('duplicate-slugs');
    const failed = buildSite(path.join(site, 'content'));
    rmSync(site, { recursive: true, force: true });
    rmSync(failed.outDir, { recursive: true, force: true });
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/slug "harbour-dues-rise" is already used by/);
  });
});
