/**
 * Browser tests run offline, and a page with an embed frames a provider
 * (src/lib/media/embeds.ts) that the test cannot reach. The frame's content is the
 * provider's, not ours: what we test is that our page frames it, under our
 * policy. So requests to the allowlisted frame origins, and only those, are
 * answered here with a small page of our own, and every frame load is recorded.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { ALLOWED_FRAME_ORIGINS } from '../../src/lib/media/embeds.ts';

export const EMBED_STUB_HTML = '<!doctype html><html lang="en"><title>Provider stub</title><p>A provider\'s player, stubbed for an offline test.</p></html>';

/** Answers every request to an embed provider's frame origin with a stub page; returns the addresses asked for. */
export async function stubEmbedProviders(target: Page | BrowserContext): Promise<string[]> {
  const requested: string[] = [];
  await target.route(
    (url) => ALLOWED_FRAME_ORIGINS.includes(url.origin),
    (route) => {
      requested.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: EMBED_STUB_HTML });
    },
  );
  return requested;
}
