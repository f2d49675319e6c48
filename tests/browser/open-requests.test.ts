/**
 * The wait the journeys use before they check a page (tests/helpers/open-requests.ts):
 * it must wait for what the page still loads and name it when it never arrives,
 * and must not wait for what a page left behind.
 */
import { describe, expect, inject, it } from 'vitest';
import { EventEmitter } from 'node:events';
import type { Page, Route } from 'playwright-core';
import { liveSite } from '../helpers/browser-site.ts';
import { followRequests } from '../helpers/open-requests.ts';

const site = inject('sampleSite');
const live = liveSite(site.outDir);
const ARTICLE = '/gatun-lake-levels-watch/';

describe('waiting for a page to finish loading', () => {
  it('waits for a request held open, names it when it never ends, and settles once it does', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    const requests = followRequests(page);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/latest/rail.html', async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.goto(live.server.url + ARTICLE);
    await expect(requests.settled({ timeoutMs: 1500 })).rejects.toThrow(/requests still open after 1500 ms: GET http:\/\/[^ ]+\/latest\/rail\.html \(open \d+ ms\)/);
    release();
    await requests.settled({ timeoutMs: 5000 });
    await expect.poll(() => page.locator('[data-latest-rail] ol li').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('does not wait for a request of the document left behind that the browser never reports as ended', async () => {
    // The race seen in CI cannot be brought about on purpose in chromium: a page stands in for it.
    const page = new EventEmitter() as EventEmitter & { mainFrame(): object; url(): string };
    const mainFrame = { url: () => `${live.server.url}${ARTICLE}` };
    page.mainFrame = () => mainFrame;
    page.url = () => mainFrame.url();
    const request = (url: string, navigation: boolean) => ({ url: () => url, method: () => 'GET', isNavigationRequest: () => navigation, frame: () => mainFrame });
    const requests = followRequests(page as unknown as Page);
    const icon = request(`${live.server.url}/favicon.svg`, false);
    const arrival = request(mainFrame.url(), true);
    page.emit('request', icon);
    page.emit('request', arrival);
    page.emit('framenavigated', mainFrame);
    await expect(requests.settled({ quietMs: 50, timeoutMs: 300 })).rejects.toThrow(new RegExp(`still open after 300 ms: GET ${mainFrame.url()} `));
    page.emit('requestfinished', arrival);
    await requests.settled({ quietMs: 50, timeoutMs: 300 });
  });
});
