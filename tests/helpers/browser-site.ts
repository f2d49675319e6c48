/**
 * A built site served on loopback with the response headers it ships with
 * (the same policy as _headers and the S3 metadata), for browser tests.
 */
import path from 'node:path';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { headersFor } from '../../src/lib/http-headers.ts';
import { validateContent } from '../../src/lib/validate.ts';
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
  const report = validateContent(contentDir, { cwd: REPO });
  const newsletterAction = report.site!.newsletter.action;
  return serveDirectory(outDir, {
    base,
    headers: (pathname) => {
      // Content-Type comes from the file itself; HSTS means nothing on loopback http.
      const { 'Content-Type': _type, 'Strict-Transport-Security': _hsts, ...rest } = headersFor(pathname, { newsletterAction, noindex });
      return rest;
    },
  });
}
