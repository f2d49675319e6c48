/**
 * A built site served on loopback with the response headers it ships with
 * (the same policy as _headers and the S3 metadata): for browser tests and
 * `npm run lighthouse`.
 */
import { serveDirectory, type StaticServer } from './static-server.ts';
import { headersFor } from '../../src/lib/http-headers.ts';
import { validateContent } from '../../src/lib/validate.ts';

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
  return serveDirectory(outDir, {
    compress: options.compress,
    base: options.base ?? '/',
    headers: (pathname) => {
      // Content-Type comes from the file itself; HSTS means nothing on loopback http.
      const { 'Content-Type': _type, 'Strict-Transport-Security': _hsts, ...rest } = headersFor(pathname, { newsletterAction, noindex });
      return rest;
    },
  });
}
