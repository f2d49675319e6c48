/**
 * A built site served on loopback with the response headers it ships with
 * (the same policy as _headers and the S3 metadata): for browser tests and
 * `npm run lighthouse`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveDirectory, type StaticServer } from './static-server.ts';
import { headersFor, parseHeadersFile, resolveHeaders } from '../../src/lib/distribution/http-headers.ts';
import { withBase } from '../../src/lib/build-target.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

/**
 * Serves `outDir` with the headers of the site whose content is in `contentDir`;
 * `compress` adds the compression that hosts apply (see serveDirectory), `base`
 * serves it under the path it was built for (BROADSHEET_BASE), and `noindex`
 * adds the preview's X-Robots-Tag.
 */
export function serveBuiltSite(
  outDir: string,
  contentDir: string,
  options: { compress?: boolean; base?: string; noindex?: boolean } = {},
): Promise<StaticServer> {
  const report = validateContent(contentDir);
  if (!report.site) throw new Error(`${contentDir}: no valid site.yaml; run \`npm run validate -- ${contentDir}\``);
  const newsletterAction = report.site.newsletter.action;
  const noindex = options.noindex ?? false;
  const base = options.base ?? '/';
  // The build's own _headers when it wrote one: it alone knows which pages embed frames (their own CSP).
  const headersFile = path.join(outDir, '_headers');
  const shipped = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : undefined;
  return serveDirectory(outDir, {
    compress: options.compress,
    base,
    headers: (pathname) => {
      // Content-Type comes from the file itself; HSTS means nothing on loopback http.
      const all = shipped ? resolveHeaders(shipped, withBase(pathname, base)) : headersFor(pathname, { newsletterAction, noindex });
      const { 'Content-Type': _type, 'Strict-Transport-Security': _hsts, ...rest } = all;
      return rest;
    },
  });
}
