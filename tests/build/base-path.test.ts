/**
 * The site built under a sub-path (BROADSHEET_BASE), as a pull request's
 * preview or a GitHub Pages project site is served: every address a page,
 * feed, sitemap, host file or the search index holds must lead under the base.
 * Two builds of the fixture content, each with a cache folder of its own:
 * `/pr-7` (no trailing slash) as a plain build, `pr-7/` (no leading slash)
 * as a preview build. Searching and the LATEST rail are tried in a browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import type { Element } from 'hast';
import type { Browser } from 'playwright-core';
import { buildSite, htmlDocuments, listOutput, readPage, type BuildResult } from '../helpers/build-site.ts';
import { FIXTURE_PUBLIC, VALID_CONTENT } from '../helpers/content-fixture.ts';
import { serveBuiltSite } from '../helpers/browser-site.ts';
import { readSearchIndex } from '../helpers/search-index.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { PREVIEW_ROBOTS_TXT } from '../../src/lib/distribution/host-files.ts';

const BASE = '/pr-7/';
const ORIGIN = 'https://fixture-gazette.example';
const NOW = '2026-11-01T12:00:00Z';

let work: string;
let contentDir: string;
let plain: BuildResult;
let preview: BuildResult;

/** Builds the fixture copy with its own cache folder, so that no other test's build shares it. */
function build(env: Record<string, string>): BuildResult {
  const result = buildSite(contentDir, NOW, mkdtempSync(path.join(work, 'dist-')), {
    BROADSHEET_CACHE_DIR: mkdtempSync(path.join(work, 'cache-')),
    ...env,
  });
  if (result.status !== 0) throw new Error(`build with ${JSON.stringify(env)} failed:\n${result.output}`);
  return result;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-base-'));
  contentDir = path.join(work, 'content');
  cpSync(VALID_CONTENT, contentDir, { recursive: true });
  cpSync(FIXTURE_PUBLIC, path.join(work, 'public'), { recursive: true });
  // A body link from the site root, as editors write them: it must gain the base.
  const article = path.join(contentDir, 'articles/world/harbour-dues-rise.md');
  writeFileSync(
    article,
    `${readFileSync(article, 'utf8')}\nAs [the canal piece](/canal-water-levels/#levels) showed, the pressure started upstream.\n`,
  );
  plain = build({ BROADSHEET_BASE: '/pr-7' });
  preview = build({ BROADSHEET_BASE: 'pr-7/', BROADSHEET_PREVIEW: '1' });
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Whether an address from the built site leads under the base (or elsewhere entirely). */
function underBase(value: string): boolean {
  if (value.startsWith('#') || value.startsWith('mailto:')) return true;
  if (value.startsWith('/')) return value.startsWith(BASE);
  const url = new URL(value);
  return url.origin !== ORIGIN || url.pathname.startsWith(BASE);
}

const URL_PROPERTIES = ['href', 'src', 'action', 'poster', 'dataLatestRail'] as const;

/** Every address a page holds: attributes, srcset candidates, Open Graph and Twitter values, JSON-LD. */
function pageAddresses(outDir: string, file: string): string[] {
  const { tree } = readPage(outDir, file);
  const found: string[] = [];
  for (const element of selectAll('*', tree) as Element[]) {
    for (const property of URL_PROPERTIES) {
      const value = element.properties[property];
      if (typeof value === 'string') found.push(value);
    }
    const srcset = element.properties.srcSet;
    const candidates = Array.isArray(srcset) ? srcset.map(String) : typeof srcset === 'string' ? srcset.split(',') : [];
    for (const candidate of candidates) found.push(candidate.trim().split(/\s+/)[0]!);
  }
  for (const meta of selectAll('meta[property^="og:"], meta[name^="twitter:"], meta[property^="article:author"]', tree)) {
    const content = String(meta.properties.content ?? '');
    if (/^(https?:)?\//.test(content)) found.push(content);
  }
  for (const script of selectAll('script[type="application/ld+json"]', tree)) {
    const text = script.children.map((child) => ('value' in child ? child.value : '')).join('');
    for (const match of text.matchAll(/"(https?:\/\/[^"]+)"/g)) found.push(match[1]!.replace(/\{search_term_string\}$/, ''));
  }
  return found;
}

describe('a build under a base path', () => {
  it('accepts the base with or without its slashes and writes the same layout as at the root', () => {
    for (const result of [plain, preview]) {
      for (const file of [
        'index.html',
        'latest/index.html',
        'harbour-dues-rise/index.html',
        'search/index.html',
        'rss.xml',
        '_headers',
        'pagefind/pagefind.js',
      ]) {
        expect(existsSync(path.join(result.outDir, file)), file).toBe(true);
      }
    }
  });

  it('leads every href, src, srcset, action and rail of every page under the base', () => {
    const files = htmlDocuments(listOutput(plain.outDir));
    expect(files.length).toBeGreaterThan(10);
    let checked = 0;
    for (const file of files) {
      for (const address of pageAddresses(plain.outDir, file)) {
        expect(underBase(address), `${file}: ${address}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    const { tree } = readPage(plain.outDir, 'harbour-dues-rise/index.html');
    expect(
      select('.article-body a[href^="/pr-7/canal-water-levels/"], a[href="/pr-7/canal-water-levels/#levels"]', tree),
      'the body link',
    ).toBeTruthy();
    expect(select('[data-latest-rail]', tree)?.properties.dataLatestRail).toBe('/pr-7/latest/rail.html');
    expect(select('link[rel="canonical"]', readPage(plain.outDir, 'canal-water-levels/index.html').tree)?.properties.href).toBe(
      `${ORIGIN}/pr-7/canal-water-levels/`,
    );
  });

  it('leads every link of the LATEST rail fragment under the base', () => {
    const { tree } = readPage(plain.outDir, 'latest/rail.html');
    const hrefs = selectAll('a', tree).map((link) => String(link.properties.href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href, href).toMatch(/^\/pr-7\/[a-z0-9-]+\/$/);
  });

  it('gives feeds, sitemaps and robots.txt addresses under the base', () => {
    const xmlFiles = listOutput(plain.outDir).filter((file) => file.endsWith('.xml'));
    expect(xmlFiles).toEqual(expect.arrayContaining(['rss.xml', 'world/rss.xml', 'sitemap.xml', 'news-sitemap.xml', 'sitemaps/pages.xml']));
    for (const file of xmlFiles) {
      const text = readFileSync(path.join(plain.outDir, file), 'utf8');
      const own = [...text.matchAll(/https?:\/\/[^\s"<'&]+/g)].map((match) => match[0]).filter((url) => url.startsWith(ORIGIN));
      if (file !== 'news-sitemap.xml') expect(own.length, file).toBeGreaterThan(0);
      for (const url of own) expect(url, `${file}: ${url}`).toMatch(/^https:\/\/fixture-gazette\.example\/pr-7\//);
      expect(text, file).not.toMatch(/(href|src)="\/(?!pr-7\/)/);
    }
    expect(readFileSync(path.join(plain.outDir, 'rss.xml'), 'utf8')).toContain(`<atom:link href="${ORIGIN}/pr-7/rss.xml" rel="self"`);
    const robots = readFileSync(path.join(plain.outDir, 'robots.txt'), 'utf8');
    expect(robots).toContain('Disallow: /pr-7/search/\n');
    expect(robots).toContain(`Sitemap: ${ORIGIN}/pr-7/sitemap.xml\n`);
  });

  it('writes _headers rules and _redirects under the base', () => {
    const headers = readFileSync(path.join(plain.outDir, '_headers'), 'utf8');
    const patterns = headers.split('\n').filter((line) => line.startsWith('/'));
    expect(patterns.length).toBeGreaterThan(3);
    for (const pattern of patterns) expect(pattern).toMatch(/^\/pr-7\//);
    // Only the CMS, /pr-7/admin/, asks crawlers to stay away in a build that is not a preview.
    const blocks = headers.split('\n\n');
    expect(blocks.filter((block) => block.includes('X-Robots-Tag')).map((block) => block.split('\n')[0])).toEqual(['/pr-7/admin/*']);
    const redirects = readFileSync(path.join(plain.outDir, '_redirects'), 'utf8');
    expect(redirects).toContain('/pr-7/canal-levels-fall/ /pr-7/canal-water-levels/ 301\n');
    const { tree } = readPage(plain.outDir, 'canal-levels-fall/index.html');
    expect(select('a', tree)?.properties.href).toBe('/pr-7/canal-water-levels/');
  });

  // Pagefind's browser code puts each result under the folder its script is served from
  // (/pr-7/pagefind/ gives /pr-7/), so the index holds addresses from the site root.
  it('writes the search index and its shard list under the base, and the search script loads them from there', () => {
    const index = readSearchIndex(plain.outDir, BASE);
    expect(index.pages.length).toBeGreaterThan(0);
    for (const page of index.pages) expect(page.url).toMatch(/^\/[a-z0-9-]+\/$/);
    const shards = JSON.parse(readFileSync(path.join(plain.outDir, 'pagefind/shards.json'), 'utf8')) as { archive: string[] };
    for (const shard of shards.archive) expect(shard).toMatch(/^\/pr-7\/pagefind\/archive\/\d{4}(-\d\d|-h[12])?\/$/);
    const { tree } = readPage(plain.outDir, 'search/index.html');
    const script = String(select('script[type="module"]', tree)?.properties.src);
    expect(script).toMatch(/^\/pr-7\/_astro\//);
    const code = readFileSync(path.join(plain.outDir, script.slice(BASE.length)), 'utf8');
    expect(code).toContain('/pr-7/');
    expect(code).not.toMatch(/["'`]\/pagefind\//);
  });

  it('refuses a base that is not a plain path, saying what to give instead', () => {
    const result = buildSite(contentDir, NOW, mkdtempSync(path.join(work, 'dist-')), {
      BROADSHEET_CACHE_DIR: mkdtempSync(path.join(work, 'cache-')),
      BROADSHEET_BASE: '/pr-7/../x/',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('BROADSHEET_BASE="/pr-7/../x/": contains ".."; give a path such as "/pr-12/"');
  });
});

describe('a preview build', () => {
  it('shows drafts and scheduled pieces, marked as a preview', () => {
    for (const slug of ['draft-piece', 'scheduled-piece']) {
      const { tree } = readPage(preview.outDir, `${slug}/index.html`);
      expect(select('.preview-notice', tree), slug).toBeTruthy();
    }
    expect(select('.preview-notice', readPage(preview.outDir, 'harbour-dues-rise/index.html').tree)).toBeUndefined();
    expect(existsSync(path.join(plain.outDir, 'draft-piece/index.html'))).toBe(false);
  });

  it('asks crawlers not to index any page, in the page and in its headers', () => {
    for (const file of htmlDocuments(listOutput(preview.outDir))) {
      const { tree } = readPage(preview.outDir, file);
      expect(select('meta[name="robots"]', tree)?.properties.content, file).toBe('noindex');
    }
    const headers = readFileSync(path.join(preview.outDir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/pr-7\/\*\n(?: {2}.*\n)*? {2}X-Robots-Tag: noindex\n/m);
    expect(readFileSync(path.join(preview.outDir, 'robots.txt'), 'utf8')).toBe(PREVIEW_ROBOTS_TXT);
    for (const file of htmlDocuments(listOutput(plain.outDir))) {
      if (file === '404.html' || file === 'canal-levels-fall/index.html') continue;
      expect(select('meta[name="robots"]', readPage(plain.outDir, file).tree), file).toBeUndefined();
    }
  });

  it('lists nothing in its sitemaps, and its feeds give the preview address', () => {
    const files = listOutput(preview.outDir);
    expect(files.filter((file) => file.startsWith('sitemaps/'))).toEqual([]);
    expect(readFileSync(path.join(preview.outDir, 'sitemap.xml'), 'utf8')).not.toContain('<sitemap>');
    expect(readFileSync(path.join(preview.outDir, 'news-sitemap.xml'), 'utf8')).not.toContain('<url>');
    const feed = readFileSync(path.join(preview.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain(`<atom:link href="${ORIGIN}/pr-7/rss.xml" rel="self"`);
    expect(feed).toContain(`<link>${ORIGIN}/pr-7/</link>`);
  });

  it('finds drafts in its search too', () => {
    const urls = readSearchIndex(preview.outDir, BASE).pages.map((page) => page.url);
    expect(urls).toContain('/draft-piece/');
    expect(urls).toContain('/scheduled-piece/');
    expect(readSearchIndex(plain.outDir, BASE).pages.map((page) => page.url)).not.toContain('/draft-piece/');
  });
});

describe('in a browser, under the base', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveBuiltSite(plain.outDir, contentDir, { base: BASE });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches, and a result leads to its article', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const response = await page.goto(`${server.url}${BASE}search/?q=harbour`);
    expect(response?.status()).toBe(200);
    const first = page.locator('#search-results > li .search-result-title a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/pr-7/harbour-dues-rise/');
    await first.click();
    await page.waitForURL(`${server.url}/pr-7/harbour-dues-rise/`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fills the LATEST rail of an article from the fragment under the base', async () => {
    const page = await browser.newPage();
    const fragment = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/rail.html'));
    await page.goto(`${server.url}${BASE}harbour-dues-rise/`);
    const response = await fragment;
    expect(new URL(response.url()).pathname).toBe('/pr-7/latest/rail.html');
    expect(response.status()).toBe(200);
    // The list replaces the fallback link once loaded (it may hold no item: every piece can be among the related ones).
    await page.locator('[data-latest-rail] ol').waitFor({ state: 'attached' });
    expect(await page.locator('[data-latest-fallback]').count()).toBe(0);
    await page.close();
  });
});
