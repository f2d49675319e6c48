/**
 * Accessibility of the built sample site in Debian's chromium: axe-core at
 * WCAG 2.2 AA on every page template, light and dark, phone and desktop; a
 * story on a phone's first screen; the teaser's "keep reading" by keyboard;
 * focus visible on everything the keyboard reaches.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { liveSite } from '../helpers/browser-site.ts';
import { stubEmbedProviders } from '../helpers/embed-stubs.ts';

const site = inject('sampleSite');

/** The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A former slug of the sample (previousSlugs) and the article it sends readers to. */
const FORMER = { path: '/panama-canal-lake-level-watch/', target: '/gatun-lake-levels-watch/' };

/** One page of every template the site has. */
const TEMPLATES: { name: string; path: string; query?: string; status?: number; redirect?: string }[] = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/gulf-desalination-security-clauses/' },
  { name: 'part of a series', path: '/chokepoints-red-sea-bab-el-mandeb-insurance/' },
  { name: 'series', path: '/series/chokepoints/' },
  { name: 'short take', path: '/gatun-lake-levels-watch/' },
  { name: 'republished piece', path: '/china-africa-lending-restructuring-role/' },
  // A body photo, a pull quote, a boxed aside and footnotes.
  { name: 'article with a figure, pull quote, aside and footnote', path: '/ecowas-aes-split-sahel-security-map/' },
  { name: 'section', path: '/middle-east/' },
  // Every list's archive pages share one template.
  { name: 'list archive page', path: '/latest/page/2/' },
  { name: 'latest', path: '/latest/' },
  { name: 'author', path: '/author/amara-okonkwo/' },
  { name: 'tag', path: '/tag/air-defence/' },
  { name: 'search', path: '/search/' },
  { name: 'search with results', path: '/search/', query: 'champagne' },
  { name: '404', path: '/no-such-page/', status: 404 },
  { name: 'former slug', path: FORMER.path, redirect: FORMER.target },
  { name: 'withdrawn notice', path: '/tanker-flag-switches-registry-list/' },
  // Embeds (README, "Embeds"): a chart's frame with its title and link, a video's, a social post's quote card.
  { name: 'article with a chart embed', path: '/panama-canal-drought-transit-queue/' },
  { name: 'interview with a video embed', path: '/baltic-offshore-wind-interview/' },
  { name: 'short take with a post card', path: '/pacific-cable-outage-cash-machines/' },
];

const MODES = [390, 1280].flatMap((width) => (['light', 'dark'] as const).map((colorScheme) => ({ width, colorScheme })));

const live = liveSite(site.outDir);

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core's violations on the page as it stands, one line each with the elements at fault. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy stays in force.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((result) => result.violations as unknown as Violation[]),
    WCAG_TAGS,
  );
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`).join(' | ')}`);
}

async function openTemplate(context: BrowserContext, template: (typeof TEMPLATES)[number]): Promise<Page> {
  const page = await context.newPage();
  // Offline: the providers' frames are answered with a stub page (tests/helpers/embed-stubs.ts).
  await stubEmbedProviders(page);
  // The former-slug page sends readers on at once (meta refresh): the next page answers
  // 204 No Content, a navigation that never commits, so the redirect page stays to be checked.
  if (template.redirect) await page.route(live.server.url + template.redirect, (route) => route.fulfill({ status: 204 }));
  const response = await page.goto(live.server.url + template.path, { waitUntil: template.redirect ? 'domcontentloaded' : 'load' });
  expect(response?.status(), template.path).toBe(template.status ?? 200);
  if (template.query) {
    await page.locator('#search-query').pressSequentially(template.query);
    await page.locator('#search-results > li').first().waitFor();
    await page.locator('#search-status').filter({ hasText: template.query }).waitFor();
  }
  if (template.redirect) expect(await page.locator(`a[href="${template.redirect}"]`).count()).toBe(1);
  return page;
}

describe.each(MODES)('axe-core, WCAG 2.2 AA, $width px, $colorScheme', ({ width, colorScheme }) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await live.browser.newContext({ viewport: { width, height: 844 }, colorScheme });
  });
  afterAll(() => context?.close());

  it.each(TEMPLATES)('finds nothing on the $name page ($path)', async (template) => {
    const page = await openTemplate(context, template);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('share and series links on a phone (390 x 844)', () => {
  // Links inside a sentence (the part line, "All 3 parts") are exempt from WCAG 2.5.8, as in body text.
  it('are touch targets of at least 24 x 24 px', async () => {
    const context = await live.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(live.server.url + '/chokepoints-red-sea-bab-el-mandeb-insurance/');
    const boxes = await page.locator('.share a, .series-nav li a').evaluateAll((links) => links.map((link) => link.getBoundingClientRect()).map(({ width, height }) => ({ width, height })));
    expect(boxes.length).toBe(8);
    for (const box of boxes) {
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await context.close();
  });
});

describe('the masthead on a phone (390 x 844)', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await live.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  });
  afterAll(() => context?.close());

  it.each([
    ['/', 'main .teaser-title'],
    ['/middle-east/', 'main .teaser-title'],
    ['/latest/', 'main .teaser-title'],
    ['/gulf-desalination-security-clauses/', 'main h1'],
  ])('leaves the first story of %s on the first screen', async (pathname, headline) => {
    const page = await context.newPage();
    await page.goto(live.server.url + pathname);
    const box = await page.locator(headline).first().boundingBox();
    expect(box, pathname).not.toBeNull();
    expect(box!.y, pathname).toBeGreaterThan(0);
    expect(box!.y + box!.height, pathname).toBeLessThanOrEqual(844);
    // The navigation scrolls inside its own row; the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('keeps every section, Search and the social links one tap away, without JavaScript', async () => {
    const page = await context.newPage();
    await page.goto(live.server.url + '/');
    const links = page.locator('header.site-header nav a, header.site-header .header-tools a');
    const count = await links.count();
    expect(count).toBeGreaterThan(10);
    for (let index = 0; index < count; index++) {
      const link = links.nth(index);
      await link.scrollIntoViewIfNeeded();
      const box = (await link.boundingBox())!;
      expect(box.x, await link.textContent() ?? '').toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await page.close();
  });
});

describe('keyboard', () => {
  let page: Page;
  beforeAll(async () => {
    page = await live.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(live.server.url + '/');
  });
  afterAll(() => page?.close());

  const SUMMARY = '.excerpt details > summary';

  /** What chromium's accessibility tree (what screen readers read) says of the first teaser's summary. */
  async function summaryAccessibility(): Promise<{ name: string; expanded: boolean | undefined; focused: boolean }> {
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: SUMMARY });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    await cdp.detach();
    const node = nodes[0]!;
    const property = (name: string) => node.properties?.find((candidate) => candidate.name === name)?.value.value as boolean | undefined;
    return { name: String(node.name?.value ?? ''), expanded: property('expanded'), focused: property('focused') === true };
  }

  it.each(['Enter', 'Space'])('opens and closes a teaser\'s "keep reading" with %s, announced as expanded', async (key) => {
    const summary = page.locator(SUMMARY).first();
    const details = page.locator('.excerpt details').first();
    await summary.focus();
    expect(await details.evaluate((element: HTMLDetailsElement) => element.open)).toBe(false);
    expect(await summaryAccessibility()).toEqual({ name: 'keep reading', expanded: false, focused: true });
    expect(await details.locator('p').first().isVisible()).toBe(false);

    await page.keyboard.press(key);
    expect(await details.evaluate((element: HTMLDetailsElement) => element.open)).toBe(true);
    expect(await summaryAccessibility()).toEqual({ name: 'Show less', expanded: true, focused: true });
    expect(await details.locator('p').first().isVisible()).toBe(true);

    await page.keyboard.press(key);
    expect(await details.evaluate((element: HTMLDetailsElement) => element.open)).toBe(false);
    expect(await summaryAccessibility()).toEqual({ name: 'keep reading', expanded: false, focused: true });
  });

  it.each(['/', '/gulf-desalination-security-clauses/', '/search/'])('shows where focus is on everything Tab reaches on %s', async (pathname) => {
    await page.goto(live.server.url + pathname);
    await page.waitForLoadState('load');
    const seen = new Set<string>();
    for (let step = 0; step < 400; step++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const path = [] as string[];
        for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) path.unshift(node.tagName.toLowerCase() + (node.id ? `#${node.id}` : ''));
        return {
          key: `${path.join('>')}|${element.getAttribute('href') ?? ''}|${Math.round(box.x)},${Math.round(box.y + scrollY)}`,
          what: `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 40)}"`,
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
        };
      });
      if (focus === null || seen.has(focus.key)) break;
      seen.add(focus.key);
      expect(focus.outline, `${pathname}: ${focus.what} shows no focus outline`).toBe(true);
      expect(focus.onScreen, `${pathname}: ${focus.what} is focused off screen`).toBe(true);
    }
    expect(seen.size, pathname).toBeGreaterThan(10);
  });
});
