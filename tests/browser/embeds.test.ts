/**
 * Embeds in a real browser (Debian's chromium), on the sample build served
 * with the `_headers` it ships: a page with an embed frames its provider under
 * its own Content-Security-Policy, with the space kept before the frame
 * loads; the same frame is refused on a page that embeds nothing, and another
 * provider's on the page that embeds one; a social post is a card that loads
 * nothing. Offline, the providers answer through a stub (tests/helpers/embed-stubs.ts).
 */
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { liveSite } from '../helpers/browser-site.ts';
import { stubEmbedProviders } from '../helpers/embed-stubs.ts';
import { followRequests, siteIcons, type OpenRequests } from '../helpers/open-requests.ts';

const site = inject('sampleSite');
const CHART = { path: '/panama-canal-drought-transit-queue/', origin: 'https://datawrapper.dwcdn.net', src: 'https://datawrapper.dwcdn.net/pC7tQ/3/' };
const VIDEO = { path: '/baltic-offshore-wind-interview/', origin: 'https://www.youtube-nocookie.com' };
const CARD = { path: '/pacific-cable-outage-cash-machines/' };

const live = liveSite(site.outDir);
const ICONS = siteIcons(site.outDir);

interface Opened {
  page: Page;
  context: BrowserContext;
  csp: string;
  violations: string[];
  providerRequests: string[];
  otherOrigins: Set<string>;
  requests: OpenRequests;
}

async function open(pathname: string): Promise<Opened> {
  const context = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const providerRequests = await stubEmbedProviders(context);
  const page = await context.newPage();
  const requests = followRequests(page, { icons: ICONS });
  const violations: string[] = [];
  const otherOrigins = new Set<string>();
  page.on('request', (request) => {
    const origin = new URL(request.url()).origin;
    if (origin !== new URL(live.server.url).origin) otherOrigins.add(origin);
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
  const response = await page.goto(live.server.url + pathname);
  expect(response?.status(), pathname).toBe(200);
  return { page, context, csp: response?.headers()['content-security-policy'] ?? '', violations, providerRequests, otherOrigins, requests };
}

/** Adds a frame to the page, as an attacker's markup would if it got past the sanitizer, and waits for the browser's verdict. */
async function injectFrame(page: Page, src: string): Promise<void> {
  await page.evaluate((address) => {
    const frame = document.createElement('iframe');
    frame.src = address;
    frame.title = 'injected';
    document.querySelector('main')!.prepend(frame);
  }, src);
}

describe('embeds in chromium, under the policy the build ships', () => {
  it('frames a chart on its page, lazily, in a box of fixed shape, with the link to the original', async () => {
    const { page, context, csp, violations, providerRequests } = await open(CHART.path);
    expect(csp).toContain(`frame-src ${CHART.origin};`);
    const frame = page.locator('figure.embed-chart iframe');
    // The space is there before the frame loads: 4:3 of the column's width.
    const box = (await page.locator('figure.embed-chart .embed-frame').boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(4 / 3, 1);
    expect(await frame.getAttribute('loading')).toBe('lazy');
    await frame.scrollIntoViewIfNeeded();
    await expect.poll(() => providerRequests).toContain(CHART.src);
    await expect.poll(() => page.frames().some((candidate) => candidate.url() === CHART.src)).toBe(true);
    const after = (await page.locator('figure.embed-chart .embed-frame').boundingBox())!;
    expect(after.height).toBeCloseTo(box.height, 0);
    expect(await page.locator('figure.embed-chart figcaption a').getAttribute('href')).toBe(CHART.src);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('refuses on that page a frame from a provider it does not embed', async () => {
    const { page, context, violations, providerRequests } = await open(CHART.path);
    await injectFrame(page, 'https://www.youtube-nocookie.com/embed/Xk3pL9qR2sT');
    // Browsers report a cross-origin address blocked by its origin alone.
    await expect.poll(() => violations.some((violation) => violation.startsWith(`frame-src blocked ${VIDEO.origin}`))).toBe(true);
    expect(providerRequests.filter((url) => url.startsWith(VIDEO.origin))).toEqual([]);
    await context.close();
  });

  it('frames the video on its own page, from the privacy-enhanced domain', async () => {
    const { page, context, csp, violations, providerRequests } = await open(VIDEO.path);
    expect(csp).toContain(`frame-src ${VIDEO.origin};`);
    await page.locator('figure.embed-video iframe').scrollIntoViewIfNeeded();
    await expect.poll(() => providerRequests.some((url) => url.startsWith(`${VIDEO.origin}/embed/`))).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('refuses every provider on a page that embeds nothing', async () => {
    for (const pathname of ['/', '/latest/', CARD.path]) {
      const { page, context, csp, violations, providerRequests } = await open(pathname);
      expect(csp, pathname).not.toContain('frame-src');
      await injectFrame(page, CHART.src);
      await expect.poll(() => violations.some((violation) => violation.startsWith(`frame-src blocked ${CHART.origin}`)), { message: pathname }).toBe(true);
      expect(providerRequests, pathname).toEqual([]);
      await context.close();
    }
  });

  it('shows a social post as a card that loads nothing from anywhere', async () => {
    const { page, context, violations, otherOrigins, requests } = await open(CARD.path);
    await page.locator('figure.embed-post').scrollIntoViewIfNeeded();
    await requests.settled();
    expect(await page.locator('figure.embed-post iframe, figure.embed-post script, figure.embed-post img').count()).toBe(0);
    expect(await page.locator('figure.embed-post blockquote').innerText()).toMatch(/^Day three without the cable\./);
    expect(await page.locator('figure.embed-post figcaption a').getAttribute('href')).toBe('https://bsky.app/profile/losanavuki.bsky.social/post/3lc4m2xq7ha2k');
    expect([...otherOrigins]).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('leaves the link to the original when frames are refused: readers without frames, and print', async () => {
    const { page, context } = await open(CHART.path);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('figure.embed-chart .embed-frame').isVisible()).toBe(false);
    expect(await page.locator('figure.embed-chart figcaption a').isVisible()).toBe(true);
    await context.close();
  });
});
