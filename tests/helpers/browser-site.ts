/** The built sample site (or another content folder's) served with its shipped headers, for browser tests. */
import path from 'node:path';
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
