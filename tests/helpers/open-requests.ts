/**
 * Waits until a page's own requests have settled, in place of Playwright's
 * `networkidle`. That state follows Chromium's bookkeeping of every request of
 * the frame, and a request of the document being left can stay in it for good:
 * in CI (2026-12-05) a page reached by a former slug's redirect never became
 * idle in 30 s, and the timeout named nothing. Here only the current
 * document's requests count, the browser's own fetch of the site's icons aside
 * (it comes after a page stops loading and is cancelled when the page moves
 * on; its errors still reach the page's response events), and a wait that
 * times out names the requests still open.
 */
import type { Page, Request } from 'playwright-core';
import { select, selectAll } from 'hast-util-select';
import { readPage } from './build-site.ts';

/** The icons a built site's pages declare (`<link rel="icon">`), by path: what the browser fetches on its own. */
export function siteIcons(outDir: string): ReadonlySet<string> {
  const head = select('head', readPage(outDir, 'index.html').tree);
  return new Set(head ? selectAll('link[rel~="icon"]', head).map((link) => String(link.properties.href)) : []);
}

export interface OpenRequests {
  /** Resolves once no request has been open for `quietMs`; rejects after `timeoutMs`, naming those still open. */
  settled(options?: { quietMs?: number; timeoutMs?: number }): Promise<void>;
}

/** Follows `page`'s requests from now on, those for `icons` (paths, from siteIcons) left out. */
export function followRequests(page: Page, { icons = new Set() }: { icons?: ReadonlySet<string> } = {}): OpenRequests {
  const open = new Map<Request, number>();
  let lastChange = Date.now();
  page.on('request', (request) => {
    if (icons.has(new URL(request.url()).pathname)) return;
    open.set(request, Date.now());
    lastChange = Date.now();
  });
  const close = (request: Request) => {
    if (open.delete(request)) lastChange = Date.now();
  };
  page.on('requestfinished', close);
  page.on('requestfailed', close);
  // A new document in the main frame: what the old one had open is the browser's to cancel.
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    for (const request of open.keys()) {
      if (!(request.isNavigationRequest() && request.frame() === frame && request.url() === frame.url())) open.delete(request);
    }
    lastChange = Date.now();
  });

  return {
    async settled({ quietMs = 500, timeoutMs = 20_000 } = {}) {
      const start = Date.now();
      for (;;) {
        const now = Date.now();
        if (open.size === 0 && now - lastChange >= quietMs) return;
        if (now - start > timeoutMs) {
          const names = [...open].map(([request, since]) => `${request.method()} ${request.url()} (open ${now - since} ms)`);
          throw new Error(`${page.url()}: requests still open after ${timeoutMs} ms: ${names.join('; ') || '(none, but never quiet)'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
