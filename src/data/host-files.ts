/**
 * The files static hosts read from the site root (src/pages/[hostFile].ts), from this build's content:
 * `_redirects` from former slugs, `_headers` with a frame policy for each page that embeds.
 */
import { articles, base, previewBuild, site, formerAddresses, sitePath } from './content.ts';
import { sitePages } from './pages.ts';
import { redirectLimitWarning, redirectsFile, type Redirect } from '../lib/distribution/host-files.ts';
import { headerRuleLimitWarning, renderHeadersFile, type FramePage, type HeadersOptions } from '../lib/distribution/http-headers.ts';
import { articlePath, HOST_FILES, sitePagePath, type HostFile } from '../lib/urls.ts';

function redirectsText(): string {
  const redirects: Redirect[] = formerAddresses.map(({ slug, to }) => ({ from: sitePath(articlePath(slug)), to: to.url }));
  const warning = redirectLimitWarning(redirects);
  if (warning) console.warn(warning);
  return redirectsFile(redirects);
}

function headersText(): string {
  // Pages that embed frames get a policy allowing exactly their frames' origins; addresses from the site root (the rules add the base).
  const framePages: FramePage[] = [
    ...articles.map((article) => ({ path: articlePath(article.slug), origins: article.frameOrigins })),
    ...sitePages.map((page) => ({ path: sitePagePath(page.slug), origins: page.frameOrigins })),
  ].filter((page) => page.origins.length > 0);
  const options: HeadersOptions = { newsletterAction: site.newsletter.action, hsts: site.hsts, base, noindex: previewBuild, framePages };
  const warning = headerRuleLimitWarning(options);
  if (warning) console.warn(warning);
  return renderHeadersFile(options);
}

/** The text of a host file; each is made when its route asks for it. */
export function hostFileText(name: HostFile): string {
  return name === HOST_FILES.headers ? headersText() : redirectsText();
}
