// Files static hosts read from the site root (Netlify, Cloudflare Pages). Astro
// skips page files whose names start with "_", so they come from one dynamic route.
import type { APIRoute, GetStaticPaths } from 'astro';
import { base, previewBuild, site, formerAddresses, sitePath } from '../data/content.ts';
import { CLOUDFLARE_STATIC_REDIRECT_LIMIT, redirectsFile } from '../lib/host-files.ts';
import { renderHeadersFile } from '../lib/http-headers.ts';
import { articlePath } from '../lib/urls.ts';

export const getStaticPaths = (() => [{ params: { hostFile: '_redirects' } }, { params: { hostFile: '_headers' } }]) satisfies GetStaticPaths;

function redirects(): string {
  const rules = formerAddresses.map(({ slug, to }) => ({ from: sitePath(articlePath(slug)), to: to.url }));
  if (rules.length * 2 > CLOUDFLARE_STATIC_REDIRECT_LIMIT) {
    console.warn(`_redirects: ${rules.length * 2} rules; Cloudflare Pages reads only the first ${CLOUDFLARE_STATIC_REDIRECT_LIMIT}. The static redirect pages still answer every former address.`);
  }
  return redirectsFile(rules);
}

export const GET: APIRoute = ({ params }) => {
  const body = params.hostFile === '_headers' ? renderHeadersFile({ newsletterAction: site.newsletter.action, hsts: site.hsts, base, noindex: previewBuild }) : redirects();
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
