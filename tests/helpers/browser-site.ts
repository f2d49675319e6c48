/** The built sample site (or another content folder's) served with its shipped headers, for browser tests. */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveBuiltSite as serveSite } from '../../scripts/lib/site-server.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { REPO } from './content-fixture.ts';

/**
 * Serves `outDir` with the headers of the content in `contentDir` (the sample content by default),
 * under `base` when the site was built for one (BROADSHEET_BASE), with the preview's X-Robots-Tag when `noindex`.
 */
export function serveBuiltSite(
  outDir: string,
  contentDir = path.join(REPO, 'content'),
  { base = '/', noindex = false }: { base?: string; noindex?: boolean } = {},
): Promise<StaticServer> {
  return serveSite(outDir, contentDir, { base, noindex });
}

/** A served site and a browser, for one test file: both ready before its tests run, both closed after. */
export interface LiveSite {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/** Serves the sample build `outDir` and starts chromium, in the calling file's beforeAll; closes both in its afterAll. */
export function liveSite(outDir: string): LiveSite {
  const live = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    live.server = await serveBuiltSite(outDir);
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.close();
  });
  return live;
}
