/**
 * Site search in a real browser (Debian's chromium): the sample site built by
 * the global setup, served with the search page's Content-Security-Policy,
 * searched as a reader would, by typing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { listOutput, readPage } from '../helpers/build-site.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { isPublic } from '../../src/lib/content/visibility.ts';
import { resultCountMessage } from '../../src/lib/search/results.ts';
import { headersFor } from '../../src/lib/distribution/http-headers.ts';
import { shardLayout, shardOf } from '../../src/lib/search/shards.ts';
import { readSearchIndex } from '../helpers/search-index.ts';

const site = inject('sampleSite');

const report = validateContent(path.join(REPO, 'content'), { cwd: REPO });
/** Every response carries the headers the site ships with (_headers and S3 metadata come from the same policy). */
const responseHeaders = (pathname: string) => headersFor(pathname, { newsletterAction: report.site!.newsletter.action });
const now = new Date(site.now);
const publicArticles = report.articles.filter((article) => isPublic(article.data, now));
const hiddenArticles = report.articles.filter((article) => !isPublic(article.data, now));

/**
 * A word from the body of one public article, and words found only in the
 * draft, the scheduled piece and the withdrawn one. Pagefind stems words and falls back to
 * shorter prefixes when nothing matches ("substation" finds "substations",
 * "hardware" finds "hard"), so these are words whose stems and prefixes occur
 * nowhere public.
 */
const FOUND = { word: 'champagne', slug: 'review-coupon-season-african-eurobonds' };
const ONLY_HIDDEN = [
  { word: 'fertiliser', slug: 'letters-of-credit-sanctions-trade-finance-gap', kind: 'draft' },
  { word: 'hybrid', slug: 'baltic-offshore-wind-hybrid-hub-preview', kind: 'scheduled' },
  { word: 'tuvessa', slug: 'tanker-flag-switches-registry-list', kind: 'withdrawn' },
];

let server: StaticServer;
let browser: Browser;
let htmlFiles: string[];

beforeAll(async () => {
  htmlFiles = listOutput(site.outDir).filter((file) => file.endsWith('.html'));
  server = await serveDirectory(site.outDir, {
    headers: (pathname) => {
      // Content-Type comes from the file itself; HSTS means nothing on loopback http.
      const { 'Content-Type': _type, 'Strict-Transport-Security': _hsts, ...rest } = responseHeaders(pathname);
      return rest;
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  /** CSP violations and page errors, which every test expects to stay empty. */
  problems: string[];
}

async function openPage(pathname: string): Promise<Watched> {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`));
  // Registered before any page script runs, so no violation can slip past.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const response = await page.goto(server.url + pathname);
  expect(response?.status(), pathname).toBe(200);
  expect(response?.headers()['content-security-policy'], pathname).toBe(responseHeaders(pathname)['Content-Security-Policy']);
  return { page, problems };
}

interface ShownResult {
  href: string;
  title: string;
  section: string;
  date: string;
  dateTime: string;
  excerpt: string;
  marked: string[];
}

function shownResults(page: Page): Promise<ShownResult[]> {
  return page.locator('#search-results > li').evaluateAll((items) =>
    items.map((item) => ({
      href: item.querySelector('.search-result-title a')?.getAttribute('href') ?? '',
      title: item.querySelector('.search-result-title')?.textContent?.trim() ?? '',
      section: item.querySelector('.search-result-section')?.textContent?.trim() ?? '',
      date: item.querySelector('.search-result-date')?.textContent?.trim() ?? '',
      dateTime: item.querySelector('.search-result-date')?.getAttribute('datetime') ?? '',
      excerpt: item.querySelector('.search-result-excerpt')?.textContent?.trim() ?? '',
      marked: [...item.querySelectorAll('.search-result-excerpt mark')].map((mark) => mark.textContent ?? ''),
    })),
  );
}

/** The status line once it reports on `query`; typing shows no interim counts. */
async function statusFor(page: Page, query: string): Promise<string> {
  const status = page.locator('#search-status');
  await status.filter({ hasText: `“${query}”` }).waitFor();
  return (await status.textContent())?.trim() ?? '';
}

/** What the article's own page shows: its section link and first byline date. */
function articleFacts(slug: string) {
  const { tree } = readPage(site.outDir, `${slug}/index.html`);
  const time = select('.byline time', tree)!;
  return {
    title: toText(select('h1', tree)!).trim(),
    section: toText(select('.kicker a', tree)!).trim(),
    date: toText(time).trim(),
    dateTime: String(time.properties.dateTime),
  };
}

describe('the search index', () => {
  const index = readSearchIndex(site.outDir);
  const timeZone = report.site!.timeZone;

  const layout = shardLayout(publicArticles.map((article) => article.data.published), timeZone);
  const { newestYear } = layout;
  const shardOfPiece = (article: (typeof publicArticles)[number]) => shardOf(article.data.published, timeZone, layout);

  it('is written into the build output, the newest month as the primary index', () => {
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/shards.json']) expect(existsSync(path.join(site.outDir, file)), file).toBe(true);
    const shards = [...new Set(publicArticles.map(shardOfPiece))].sort().reverse();
    expect(shards[0]).toMatch(new RegExp(`^${newestYear}-\\d\\d$`));
    expect(index.shards).toEqual(shards.map((shard, position) => (position === 0 ? '/pagefind/' : `/pagefind/archive/${shard}/`)));
    expect(site.output).toMatch(new RegExp(`search: ${publicArticles.length} articles in ${shards.length} shards`));
  });

  it('holds every public article once, in the shard of its month (newest year) or year, and nothing else', () => {
    expect(index.pages.map((page) => page.url).sort()).toEqual(publicArticles.map((article) => `/${article.slug}/`).sort());
    expect(Object.values(index.pageCounts).reduce((sum, count) => sum + count, 0)).toBe(publicArticles.length);
    const newestShard = publicArticles.map(shardOfPiece).sort().at(-1);
    for (const article of publicArticles) {
      const page = index.pages.find((candidate) => candidate.url === `/${article.slug}/`)!;
      const shard = shardOfPiece(article);
      expect(page.shard, article.slug).toBe(shard === newestShard ? '/pagefind/' : `/pagefind/archive/${shard}/`);
      const facts = articleFacts(article.slug);
      expect({ title: page.meta.title, section: page.meta.section, date: page.meta.date, published: page.meta.published }, article.slug).toEqual({
        title: facts.title,
        section: facts.section,
        date: facts.date,
        published: facts.dateTime,
      });
    }
  });
});

describe('the search page', () => {
  it('finds an article from a word of its body, with section, date and a marked excerpt', async () => {
    const article = publicArticles.find((candidate) => candidate.slug === FOUND.slug)!;
    expect(article.body.toLowerCase()).toContain(FOUND.word);
    const expected = articleFacts(FOUND.slug);
    const { page, problems } = await openPage('/search/');
    await page.locator('#search-query').pressSequentially(FOUND.word);
    await page.locator('#search-results > li').first().waitFor();
    const status = await statusFor(page, FOUND.word);
    const results = await shownResults(page);
    expect(status).toBe(resultCountMessage(results.length, FOUND.word));
    expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
    const hit = results.find((result) => result.href === `/${FOUND.slug}/`);
    expect(hit, JSON.stringify(results)).toBeDefined();
    expect(hit!.title).toBe(expected.title);
    expect(hit!.section).toBe(expected.section);
    expect(hit!.date).toBe(expected.date);
    expect(hit!.dateTime).toBe(expected.dateTime);
    expect(hit!.excerpt.toLowerCase()).toContain(FOUND.word);
    expect(hit!.marked.map((word) => word.toLowerCase())).toContain(FOUND.word);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(FOUND.word);
    for (const field of ['.search-result-title a', '.search-result-section', '.search-result-date', '.search-result-excerpt']) {
      expect(await page.locator(`#search-results > li ${field}`).first().isVisible(), field).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds nothing for words that only the draft, the scheduled and the withdrawn piece contain', async () => {
    expect(hiddenArticles.map((article) => article.slug).sort()).toEqual(ONLY_HIDDEN.map((hidden) => hidden.slug).sort());
    const publicHtml = htmlFiles.map((file) => readFileSync(path.join(site.outDir, file), 'utf8').toLowerCase());
    const { page, problems } = await openPage('/search/');
    const input = page.locator('#search-query');
    for (const hidden of ONLY_HIDDEN) {
      const article = hiddenArticles.find((candidate) => candidate.slug === hidden.slug)!;
      expect(article.data.draft ? 'draft' : article.data.withdrawn ? 'withdrawn' : 'scheduled', hidden.slug).toBe(hidden.kind);
      expect(article.body.toLowerCase(), hidden.slug).toContain(hidden.word);
      expect(publicHtml.some((html) => html.includes(hidden.word)), hidden.word).toBe(false);
      await input.fill('');
      await input.pressSequentially(hidden.word);
      expect(await statusFor(page, hidden.word), hidden.word).toBe(resultCountMessage(0, hidden.word));
      expect(await page.locator('#search-results > li').count(), hidden.word).toBe(0);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs the query in ?q= on load', async () => {
    const { page, problems } = await openPage(`/search/?q=${FOUND.word}`);
    await page.locator('#search-results > li').first().waitFor();
    expect(await page.locator('#search-query').inputValue()).toBe(FOUND.word);
    expect((await shownResults(page)).map((result) => result.href)).toContain(`/${FOUND.slug}/`);
    expect(await statusFor(page, FOUND.word)).toMatch(/^\d+ results? for “champagne”\.$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is served under a policy that would report an inline script', async () => {
    // Proves the violation listener the other tests rely on actually fires.
    const { page, problems } = await openPage('/search/');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.title = "inline ran"';
      document.body.append(script);
    });
    await expect.poll(() => problems.some((problem) => problem.startsWith('CSP: script-src'))).toBe(true);
    expect(await page.title()).not.toBe('inline ran');
    await page.close();
  });

  it('leaves reading pages free of policy violations under the site-wide policy', async () => {
    for (const pathname of ['/', `/${FOUND.slug}/`, '/latest/', '/signal/']) {
      const { page, problems } = await openPage(pathname);
      expect(responseHeaders(pathname)['Content-Security-Policy']).not.toContain('wasm');
      await page.waitForLoadState('load');
      expect(problems, pathname).toEqual([]);
      await page.close();
    }
  });

  it('is a plain GET form when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`);
    const form = page.locator('form[role="search"]');
    expect(await form.getAttribute('action')).toBe('/search/');
    expect(await form.getAttribute('method')).toBe('get');
    await page.locator('#search-query').fill(FOUND.word);
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator('#search-query').press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(FOUND.word);
    expect(await page.locator('.search-note').isVisible()).toBe(true);
    expect(await page.locator('a[href="/latest/"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('is linked from the header of every page', () => {
    for (const file of ['index.html', `${FOUND.slug}/index.html`, 'latest/index.html', '404.html']) {
      expect(select('header.site-header a[href="/search/"]', readPage(site.outDir, file).tree), file).toBeDefined();
    }
  });
});
