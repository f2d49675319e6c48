// Files static hosts read from the site root (Netlify, Cloudflare Pages). Astro
// skips page files whose names start with "_", so they come from one dynamic route.
import type { APIRoute, GetStaticPaths } from 'astro';
import { articles, base, previewBuild, site, formerAddresses, sitePath } from '../data/content.ts';
import { sitePages } from '../data/pages.ts';
import { CLOUDFLARE_STATIC_REDIRECT_LIMIT, redirectsFile } from '../lib/distribution/host-files.ts';
import { CLOUDFLARE_HEADER_RULE_LIMIT, headerRules, renderHeadersFile, type HeadersOptions } from '../lib/distribution/http-headers.ts';
import { articlePath, sitePagePath } from '../lib/urls.ts';

export const getStaticPaths = (() => [{ params: { hostFile: '_redirects' } }, { params: { hostFile: '_headers' } }]) satisfies GetStaticPaths;

function redirects(): string {
  const rules = formerAddresses.map(({ slug, to }) => ({ from: sitePath(articlePath(slug)), to: to.url }));
  if (rules.length * 2 > CLOUDFLARE_STATIC_REDIRECT_LIMIT) {
    console.warn(`_redirects: ${rules.length * 2} rules; Cloudflare Pages reads only the first ${CLOUDFLARE_STATIC_REDIRECT_LIMIT}. The static redirect pages still answer every former address.`);
  }
  return redirectsFile(rules);
}

function headers(): string {
  // Pages that embed frames get a policy allowing exactly their frames' origins; addresses from the site root.
  const framePages = [
    ...articles.map((article) => ({ path: articlePath(article.slug), origins: article.frameOrigins })),
    ...sitePages.map((page) => ({ path: sitePagePath(page.slug), origins: page.frameOrigins })),
  ].filter((page) => page.origins.length > 0);
  const options: HeadersOptions = { newsletterAction: site.newsletter.action, hsts: site.hsts, base, noindex: previewBuild, framePages };
  const count = headerRules(options).length;
  if (count > CLOUDFLARE_HEADER_RULE_LIMIT) {
    console.warn(`_headers: ${count} rules, ${framePages.length} of them for pages with embeds; Cloudflare Pages reads only the first ${CLOUDFLARE_HEADER_RULE_LIMIT}, so there the last pages' embeds are refused by their CSP and readers get the link under each.`);
  }
  return renderHeadersFile(options);
}

export const GET: APIRoute = ({ params }) => {
  const body = params.hostFile === '_headers' ? headers() : redirects();
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
