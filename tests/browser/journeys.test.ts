/**
 * Reader journeys through the built sample site in Debian's chromium, served
 * with the headers it ships with (Content-Security-Policy included). A reader
 * arrives at the home page, a former address or the search page and goes on by
 * clicking the links a reader would, found by their role and accessible name.
 * On every page, at 390 and 1280 px: no console error or page error, no failed
 * request or HTTP error, no sideways scrolling at 320 px, every image loaded
 * with its width and height set, and no layout shift.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { liveSite } from '../helpers/browser-site.ts';
import { stubEmbedProviders } from '../helpers/embed-stubs.ts';
import { readPage } from '../helpers/build-site.ts';
import { followRequests, siteIcons, type OpenRequests } from '../helpers/open-requests.ts';

const site = inject('sampleSite');

/** The widths readers use (a phone, a laptop), and the narrowest phone the layout must fit. */
const WIDTHS = [390, 1280];
const NARROWEST = 320;
const HEIGHT = 844;

/**
 * The sample's pieces the journeys pass through. Elena Marchetti writes the
 * most (21 pieces, so her list has an archive page 2, holding her newest);
 * the piece on it carries the tag the reader follows.
 */
const AUTHOR = { name: 'Elena Marchetti', path: '/author/elena-marchetti/' };
const SECTION = { name: 'Signal', path: '/signal/' };
const FIRST_PIECE = 'local-currency-settlement-fine-print';
const PIECE_ON_PAGE_2 = 'gatun-lake-levels-watch';
const TAG = 'panama-canal';
/** A word of one article's body, and that article (as in search.test.ts). */
const SEARCHED = { word: 'champagne', slug: 'review-coupon-season-african-eurobonds' };
/** A former slug of the sample (previousSlugs) and the article it belongs to. */
const FORMER = { path: '/panama-canal-lake-level-watch/', slug: 'gatun-lake-levels-watch' };

/** The headline of a built article, as the reader sees it (typographic quotes and all). */
function headlineOf(slug: string): string {
  return toText(select('main h1', readPage(site.outDir, `${slug}/index.html`).tree)!).trim();
}

const live = liveSite(site.outDir);

const ICONS = siteIcons(site.outDir);

/** What the page's own observer saw, registered before any of the page's scripts run. */
interface Shift {
  value: number;
  hadRecentInput: boolean;
  sources: string[];
}

/**
 * A reader in one browser window: follows links, and checks each page it lands on.
 * Console errors, page errors, failed requests and HTTP errors are gathered as they
 * happen and reported with the page they were seen on.
 */
class Reader {
  readonly page: Page;
  readonly width: number;
  /** The current document's requests, for waiting until they are done. */
  private readonly requests: OpenRequests;
  /** Problems seen since the last page was checked. */
  private pending: string[] = [];
  /** Between the start of a navigation and the arrival of the next page. */
  private leaving = false;
  /** Every page checked, with how many images it has (and how many of them load lazily). */
  readonly visited: { path: string; images: number; lazyImages: number }[] = [];

  private constructor(page: Page, width: number) {
    this.page = page;
    this.width = width;
    this.requests = followRequests(page, { icons: ICONS });
    page.on('console', (message) => {
      if (message.type() === 'error') this.pending.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.pending.push(`page error: ${error.message}`));
    // A request still under way when the reader moves on is cancelled by the browser: that is
    // not a failure of the site (the former-slug page moves on before its icon arrives).
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) this.leaving = true;
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.leaving = false;
    });
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? '';
      if (error === 'net::ERR_ABORTED' && this.leaving && !request.isNavigationRequest()) return;
      this.pending.push(`request failed: ${request.url()} (${error})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) this.pending.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  }

  static async start(context: BrowserContext, width: number): Promise<Reader> {
    return new Reader(await context.newPage(), width);
  }

  get path(): string {
    const url = new URL(this.page.url());
    return url.pathname + url.search;
  }

  /** Types an address: only for the journey's entry and for a former slug. */
  async open(pathname: string): Promise<void> {
    await this.page.goto(live.server.url + pathname);
  }

  /** Clicks a link and waits for the page it leads to. */
  async follow(link: Locator): Promise<void> {
    expect(await link.count(), `${this.path} at ${this.width} px has no ${String(link)}`).toBeGreaterThan(0);
    const before = this.page.url();
    const mainFrame = this.page.mainFrame();
    await Promise.all([this.page.waitForEvent('framenavigated', { predicate: (frame) => frame === mainFrame && frame.url() !== before }), link.click()]);
    await this.page.waitForLoadState('load');
  }

  /** Expects to be on `pathname` with `heading` as its h1, then checks the page. */
  async arrive(pathname: string, heading: string): Promise<void> {
    expect(new URL(this.page.url()).pathname, `${this.width} px`).toBe(pathname);
    expect((await this.page.locator('h1').innerText()).trim(), pathname).toBe(heading);
    await this.check();
  }

  /**
   * The layout shifts of the current document; with `excusingInput`, only those a reader did
   * not cause (chromium marks shifts within 500 ms of a key press, a click or a resize).
   */
  async layoutShifts({ excusingInput }: { excusingInput: boolean }): Promise<Shift[]> {
    // Observer callbacks run after the frame in which a shift happened: let two frames pass.
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shifts = await this.page.evaluate(() => (window as unknown as { layoutShifts: Shift[] }).layoutShifts);
    return excusingInput ? shifts.filter((shift) => !shift.hadRecentInput) : shifts;
  }

  /** Every check on the page as it stands; what fails is recorded, and the journey goes on. */
  async check(): Promise<void> {
    const { page } = this;
    // Fragments and lazy images finish before anything is measured.
    await this.requests.settled();
    const images = await page.evaluate(async () => {
      const problems: string[] = [];
      let lazy = 0;
      for (const image of document.querySelectorAll('img')) {
        const name = image.currentSrc || image.getAttribute('src') || '(no src)';
        for (const attribute of ['width', 'height']) {
          if (!/^\d+$/.test(image.getAttribute(attribute) ?? '')) problems.push(`image without a ${attribute} attribute: ${name}`);
        }
        // Not rendered (in a closed <details>, say): a lazy image there waits until it is shown.
        if (image.getClientRects().length === 0) continue;
        if (image.loading === 'lazy') lazy++;
        // Lazy images load only near the viewport: bring each one there, as a reader scrolling would.
        image.scrollIntoView({ block: 'center' });
        if (!image.complete) {
          await new Promise((resolve) => {
            image.addEventListener('load', resolve, { once: true });
            image.addEventListener('error', resolve, { once: true });
          });
        }
        if (image.naturalWidth === 0) problems.push(`image not loaded: ${image.currentSrc || name}`);
      }
      scrollTo(0, 0);
      return { problems, count: document.images.length, lazy };
    });
    const problems = [...images.problems];
    for (const shift of await this.layoutShifts({ excusingInput: true })) problems.push(`layout shift ${shift.value.toFixed(4)}: ${shift.sources.join('; ')}`);

    // A resize counts as input in chromium's layout-shift entries, so it comes after the shifts are read.
    await page.setViewportSize({ width: NARROWEST, height: HEIGHT });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > NARROWEST) problems.push(`scrolls sideways at ${NARROWEST} px: ${scrollWidth} px wide`);
    await page.setViewportSize({ width: this.width, height: HEIGHT });

    await this.requests.settled();
    problems.push(...this.pending);
    this.pending = [];
    this.visited.push({ path: this.path, images: images.count, lazyImages: images.lazy });
    expect.soft(problems, `${this.path} at ${this.width} px`).toEqual([]);
  }
}

/** Every page gets an observer of its layout shifts before its first script runs (CDP, so the CSP does not apply). */
async function readerContext(width: number): Promise<BrowserContext> {
  const context = await live.browser.newContext({ viewport: { width, height: HEIGHT } });
  // Offline: a page's embeds frame providers the test cannot reach; they get a stub page (tests/helpers/embed-stubs.ts).
  await stubEmbedProviders(context);
  await context.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { layoutShifts: Shift[] }).layoutShifts = shifts;
    interface LayoutShiftEntry extends PerformanceEntry {
      value: number;
      hadRecentInput: boolean;
      sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    }
    const rect = ({ x, y, width, height }: DOMRectReadOnly) => `${Math.round(x)},${Math.round(y)} ${Math.round(width)}x${Math.round(height)}`;
    const describe = ({ node, previousRect, currentRect }: LayoutShiftEntry['sources'][number]) => {
      const name = node instanceof Element ? node.tagName.toLowerCase() + (node.className ? `.${String(node.className).split(' ').join('.')}` : '') : String(node?.nodeName);
      const text = node?.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '';
      return `${name} "${text}" from ${rect(previousRect)} to ${rect(currentRect)}`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShiftEntry[]) {
        shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput, sources: entry.sources.map(describe) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return context;
}

const main = (page: Page) => page.getByRole('main');
const sectionNavigation = (page: Page) => page.getByRole('navigation', { name: 'Sections', exact: true });
const pagination = (page: Page) => main(page).getByRole('navigation', { name: /: pages$/ });

describe.each(WIDTHS)('at %i px', (width) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await readerContext(width);
  });
  afterAll(() => context?.close());

  it('home, a section, an article, its author, page 2 of their archive, a piece there, its tag, Latest and its oldest archive page', async () => {
    const reader = await Reader.start(context, width);
    const { page } = reader;
    await reader.open('/');
    await reader.arrive('/', 'The Meridian Review');

    await reader.follow(sectionNavigation(page).getByRole('link', { name: SECTION.name, exact: true }));
    await reader.arrive(SECTION.path, SECTION.name);

    await reader.follow(main(page).getByRole('link', { name: headlineOf(FIRST_PIECE), exact: true }).first());
    await reader.arrive(`/${FIRST_PIECE}/`, headlineOf(FIRST_PIECE));

    await reader.follow(main(page).locator('.byline').getByRole('link', { name: AUTHOR.name, exact: true }));
    await reader.arrive(AUTHOR.path, AUTHOR.name);

    await reader.follow(pagination(page).getByRole('link', { name: '2', exact: true }));
    await reader.arrive(`${AUTHOR.path}page/2/`, `${AUTHOR.name}: page 2`);
    expect(await pagination(page).locator('[aria-current="page"]').innerText()).toBe('2');

    await reader.follow(main(page).getByRole('link', { name: headlineOf(PIECE_ON_PAGE_2), exact: true }).first());
    await reader.arrive(`/${PIECE_ON_PAGE_2}/`, headlineOf(PIECE_ON_PAGE_2));

    await reader.follow(main(page).getByRole('navigation', { name: 'Tags' }).getByRole('link', { name: TAG, exact: true }));
    await reader.arrive(`/tag/${TAG}/`, `Tagged “${TAG}”`);

    await reader.follow(sectionNavigation(page).getByRole('link', { name: 'Latest', exact: true }));
    await reader.arrive('/latest/', 'Latest');

    await reader.follow(pagination(page).getByRole('link', { name: '1', exact: true }));
    await reader.arrive('/latest/page/1/', 'Latest: page 1');
    // The oldest page: nothing older to go to.
    expect(await pagination(page).getByRole('link', { name: /Older/ }).count()).toBe(0);

    // The image checks had work to do: photos, portraits and lazy teaser photos further down.
    expect(reader.visited.reduce((sum, visit) => sum + visit.lazyImages, 0)).toBeGreaterThan(10);
    expect(reader.visited.map((visit) => visit.path)).toEqual([
      '/',
      SECTION.path,
      `/${FIRST_PIECE}/`,
      AUTHOR.path,
      `${AUTHOR.path}page/2/`,
      `/${PIECE_ON_PAGE_2}/`,
      `/tag/${TAG}/`,
      '/latest/',
      '/latest/page/1/',
    ]);
    await page.close();
  });

  it('searches for a word from the home page and opens the article found', async () => {
    const reader = await Reader.start(context, width);
    const { page } = reader;
    await reader.open('/');
    await reader.arrive('/', 'The Meridian Review');

    await reader.follow(page.getByRole('banner').getByRole('link', { name: 'Search', exact: true }));
    await reader.arrive('/search/', 'Search');

    // The resize of the page's checks counts as input too: only what moves from the first key press on is wanted here.
    const shiftsBefore = (await reader.layoutShifts({ excusingInput: false })).length;
    await page.getByRole('searchbox', { name: 'Search articles' }).pressSequentially(SEARCHED.word);
    const result = main(page).getByRole('list').getByRole('link', { name: headlineOf(SEARCHED.slug), exact: true });
    await result.waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(SEARCHED.word);
    // Whether the results arrive within 500 ms of the last key press (and are excused) depends on the
    // machine: nothing may move at all, input or not.
    expect.soft((await reader.layoutShifts({ excusingInput: false })).slice(shiftsBefore), 'layout shifts while typing and as the results came in').toEqual([]);
    await reader.check();

    await reader.follow(result);
    await reader.arrive(`/${SEARCHED.slug}/`, headlineOf(SEARCHED.slug));
    await page.close();
  });

  it('lands on the article from one of its former addresses', async () => {
    const reader = await Reader.start(context, width);
    await reader.open(FORMER.path);
    // The page sends the reader on by itself (meta refresh): wait until it has.
    await reader.page.waitForURL((url) => url.pathname !== FORMER.path);
    await reader.page.waitForLoadState('load');
    await reader.arrive(`/${FORMER.slug}/`, headlineOf(FORMER.slug));
    await reader.page.close();
  });
});
