/**
 * The URL scheme of the publication. Every public address is built here, so
 * that pages, feeds, sitemaps, host files and the validator agree on it.
 * Paths are from the site root; pages put them under the build's base
 * (`sitePath` in src/data/content.ts).
 *
 *   /                              home
 *   /<article-slug>/               an article (slug = the Markdown file's name)
 *   /<section-id>/                 a section's newest articles; /<section-id>/page/<n>/ for the archive
 *   /latest/                       everything, newest first; /latest/page/<n>/ for the archive
 *   /latest/rail.html              the LATEST rail of article pages, a fragment their script loads
 *   /author/<author-id>/           an author's page
 *   /tag/<tag>/                    a tag's page
 *   /series/<series-id>/           a series' parts in order (content/series.yaml)
 *   /<page-slug>/                  a site page (About, Masthead...; content/pages/<slug>.md)
 *   /search/                       the search page; Pagefind's index under /pagefind/
 *   /rss.xml                       the site's feed; <list>/rss.xml for a section, brand, author or series
 *   /sitemap.xml                   the sitemap index, its parts under /sitemaps/; /news-sitemap.xml for Google News
 *   /admin/                        the editors' CMS, its settings at /admin/config.yml
 *   /favicon.svg, /robots.txt, /_headers, /_redirects   files browsers, crawlers and hosts ask for
 *
 * Article slugs share the top level with sections and fixed routes, so the
 * validator refuses any slug that would collide with them.
 */
import { PHOTO_DIRECTORY } from './media/photos.ts';
import { SEARCH_DIRECTORY } from './search/shards.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 80;

/** Top-level names that belong to the site itself; no article may take them. */
export const RESERVED_TOP_LEVEL = [
  '404',
  '_astro',
  '_headers',
  '_redirects',
  'about',
  // The editors' CMS (src/pages/admin/).
  'admin',
  'api',
  'assets',
  'author',
  'authors',
  'contact',
  'favicon.svg',
  'feed',
  'feeds',
  'images',
  'latest',
  'logo.svg',
  'news-sitemap.xml',
  'page',
  'pagefind',
  // Pull requests' previews are deployed beside the site, under previews/pr-<number>/.
  'previews',
  'robots.txt',
  'rss.xml',
  'search',
  'section',
  'sections',
  'series',
  'sitemap',
  'sitemap.xml',
  'sitemaps',
  'tag',
  'tags',
] as const;

/** Reserved names kept for the publication's own site pages (content/pages/): only a page may take them. */
export const SITE_PAGE_NAMES: readonly string[] = ['about', 'contact'];

export function isReservedTopLevel(name: string): boolean {
  return (RESERVED_TOP_LEVEL as readonly string[]).includes(name);
}

/** Why `slug` cannot be used as an address, or null when it can. */
export function slugProblem(slug: string): string | null {
  if (slug.length === 0) return 'is empty';
  if (/%[0-9a-f]{2}/i.test(slug)) return `"${slug}" contains an encoded character (%..); use plain a-z, 0-9 and hyphens`;
  if (slug.includes('/') || slug.includes('\\') || slug.includes('..')) {
    return `"${slug}" contains a path separator or ".."; use plain a-z, 0-9 and hyphens`;
  }
  if (/\s/.test(slug)) return `"${slug}" contains spaces; use hyphens between words`;
  if (slug !== slug.toLowerCase()) return `"${slug}" has capital letters; use "${slug.toLowerCase()}"`;
  if (slug.length > SLUG_MAX_LENGTH) return `is ${slug.length} characters long; keep it under ${SLUG_MAX_LENGTH}`;
  if (!SLUG_PATTERN.test(slug)) {
    return `"${slug}" may only contain a-z, 0-9 and single hyphens between words, e.g. "${suggestSlug(slug)}"`;
  }
  return null;
}

/** A safe slug close to what the editor wrote, for error messages and new articles. */
export function suggestSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['\u2019]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, SLUG_MAX_LENGTH)
      .replace(/-+$/g, '') || 'untitled'
  );
}

/** The slug of an article file: its name without the `.md` extension. */
export function slugFromFileName(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.md$/i, '');
}

export const homePath = () => '/';
export const articlePath = (slug: string) => `/${slug}/`;
export const sectionPath = (sectionId: string) => `/${sectionId}/`;
export const authorPath = (authorId: string) => `/author/${authorId}/`;
export const tagPath = (tag: string) => `/tag/${tag}/`;
export const seriesPath = (seriesId: string) => `/series/${seriesId}/`;
export const sitePagePath = (slug: string) => `/${slug}/`;
export const latestPath = () => '/latest/';
export const latestRailPath = () => '/latest/rail.html';
export const searchPath = () => '/search/';

/** The `[...page]` route parameter of a list's archive page `n`: `page/<n>`. */
export const archivePageParameter = (number: number) => `page/${number}`;
/** Archive page `n` of the list whose front page is `listPath` (e.g. "/latest/"): `/latest/page/<n>/`. */
export const archivePagePath = (listPath: string, number: number) => `${listPath}${archivePageParameter(number)}/`;

/** The site's feed: the newest pieces of every section and brand. */
export const siteFeedPath = () => '/rss.xml';
/** The feed of a list page (a section, a short-takes brand, an author, a series): `<list>/rss.xml`. */
export const listFeedPath = (listPath: string) => `${listPath}rss.xml`;

export const sitemapIndexPath = () => '/sitemap.xml';
/** A part of the sitemap, by its file name (src/lib/distribution/sitemap.ts names them, e.g. "articles-2026.xml"). */
export const sitemapPartPath = (fileName: string) => `/sitemaps/${fileName}`;
export const newsSitemapPath = () => '/news-sitemap.xml';

export const faviconPath = () => '/favicon.svg';
/** The editors' CMS (src/pages/admin/) and the settings it reads. */
export const cmsPath = () => '/admin/';
export const cmsConfigPath = () => `${cmsPath()}config.yml`;

/** Where Astro writes bundled scripts and stylesheets, each named with a digest of its content. */
export const bundledAssetsPath = () => '/_astro/';
/** Photo renditions (src/lib/media/photos.ts). */
export const photosPath = () => `/${PHOTO_DIRECTORY}/`;
/** Pagefind's index, script and WebAssembly (src/lib/search/shards.ts). */
export const searchIndexPath = () => `/${SEARCH_DIRECTORY}/`;

/** Files at the site root that static hosts read (Netlify, Cloudflare Pages): redirects and response headers. */
export const HOST_FILES = { redirects: '_redirects', headers: '_headers' } as const;
export type HostFile = (typeof HOST_FILES)[keyof typeof HOST_FILES];

/** Absolute URL for a site path, given the publication's base URL from site.yaml. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
