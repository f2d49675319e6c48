/**
 * Files that static hosts read from the site root: `_redirects` (Netlify,
 * Cloudflare Pages) and `robots.txt`. `_headers` comes from http-headers.ts.
 */

export interface Redirect {
  from: string;
  to: string;
}

/** Cloudflare Pages honours at most 2,000 static redirects; beyond that, the static redirect pages carry on alone. */
export const CLOUDFLARE_STATIC_REDIRECT_LIMIT = 2_000;

/**
 * Former article addresses to current ones, with and without the trailing
 * slash, sorted so the file is the same for the same content.
 *
 * Plain 301s, not Netlify's forced `301!`: Cloudflare Pages follows redirects
 * even where a file exists, and its parser ignores lines it cannot read. On
 * Netlify the static redirect page at the old address answers instead (a
 * meta refresh with a canonical link), which crawlers also follow.
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return ['# Former article addresses (previousSlugs); written by the build.', ...redirectRules(redirects), ''].join('\n');
}

function redirectRules(redirects: readonly Redirect[]): string[] {
  return [...redirects]
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .flatMap(({ from, to }) => {
      const withSlash = from.endsWith('/') ? from : `${from}/`;
      return [`${withSlash} ${to} 301`, `${withSlash.slice(0, -1)} ${to} 301`];
    });
}

/** What to tell the editors when Cloudflare Pages would read only part of `_redirects`; undefined when it reads it all. */
export function redirectLimitWarning(redirects: readonly Redirect[]): string | undefined {
  const count = redirectRules(redirects).length;
  if (count <= CLOUDFLARE_STATIC_REDIRECT_LIMIT) return undefined;
  return `_redirects: ${count} rules; Cloudflare Pages reads only the first ${CLOUDFLARE_STATIC_REDIRECT_LIMIT}. The static redirect pages still answer every former address.`;
}

/** What a preview build (src/lib/build-target.ts) tells crawlers: nothing here is for them. */
export const PREVIEW_ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';

export function robotsTxt(input: { sitemaps: string[]; disallow: string[] }): string {
  return [
    'User-agent: *',
    ...input.disallow.map((path) => `Disallow: ${path}`),
    'Allow: /',
    '',
    ...input.sitemaps.map((url) => `Sitemap: ${url}`),
    '',
  ].join('\n');
}
