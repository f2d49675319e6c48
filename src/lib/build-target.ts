/**
 * Where a build is served and for whom: the path under which the site lives
 * (Astro's `base`: `/` for a site at the root of its domain, `/pr-12/` for a
 * pull request's preview, `/<repository>/` for a GitHub Pages project site),
 * and whether it is a preview build, which shows drafts and scheduled pieces
 * and asks every crawler to stay away.
 *
 * The one place that reads BROADSHEET_BASE and BROADSHEET_PREVIEW; every page,
 * feed, sitemap, Markdown body and the search index take the base from here.
 */

export const BASE_VARIABLE = 'BROADSHEET_BASE';
export const PREVIEW_VARIABLE = 'BROADSHEET_PREVIEW';

export class BuildSettingError extends Error {
  override name = 'BuildSettingError';
}

/** One path segment of a base: letters, digits, `-`, `_`, `.`, `~`, but never `.` or `..` alone. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * The base path, normalised to start and end with `/`: `pr-12`, `/pr-12` and
 * `/pr-12/` all give `/pr-12/`; `''` and `/` give `/`. Refuses what cannot be
 * a folder of the site: `..`, empty segments (`//`), spaces, `?`, `#`, `%`,
 * backslashes, a scheme or host. `source` names the setting in the error.
 */
export function normalizeBase(raw: string, source = BASE_VARIABLE): string {
  const value = raw;
  const problem = (what: string) =>
    new BuildSettingError(`${source}=${JSON.stringify(raw)}: ${what}; give a path such as "/pr-12/" (or "/" for the root of the domain)`);
  if (value === '' || value === '/') return '/';
  if (/\s/.test(value)) throw problem('contains a space');
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) throw problem('is an address, not a path (the domain comes from site.yaml url)');
  if (/[?#]/.test(value)) throw problem('contains a query or fragment ("?" or "#")');
  if (value.includes('%')) throw problem('contains an encoded character ("%")');
  if (value.includes('\\')) throw problem('contains a backslash; use "/"');
  const inner = value.replace(/^\//, '').replace(/\/$/, '');
  const segments = inner.split('/');
  for (const segment of segments) {
    if (segment === '') throw problem('contains an empty segment ("//")');
    if (segment === '.' || segment === '..') throw problem(`contains "${segment}"`);
    if (!SEGMENT.test(segment)) throw problem(`segment "${segment}" may only contain letters, digits, "-", "_", "." and "~"`);
  }
  return `/${segments.join('/')}/`;
}

/** A site path (`/iran-sco/`, `/rss.xml`, `/`) under the base. */
export function withBase(sitePath: string, base: string): string {
  if (!sitePath.startsWith('/') || sitePath.startsWith('//'))
    throw new BuildSettingError(`withBase takes a path from the site root, got ${JSON.stringify(sitePath)}`);
  return base === '/' ? sitePath : `${base}${sitePath.slice(1)}`;
}

/**
 * A URL path with the base taken off (`/pr-12/iran-sco/` gives `/iran-sco/`),
 * or undefined when the path lies outside the base.
 */
export function stripBase(urlPath: string, base: string): string | undefined {
  if (base === '/') return urlPath.startsWith('/') ? urlPath : undefined;
  if (urlPath === base.slice(0, -1)) return '/';
  return urlPath.startsWith(base) ? `/${urlPath.slice(base.length)}` : undefined;
}

/**
 * An absolute address written in site.yaml (a social link to the site's own
 * feed, `https://example.org/rss.xml`) as this build serves it: on the site's
 * own origin and outside the base, it goes under the base; any other address
 * stays as written.
 */
export function ownUrlUnderBase(url: string, siteUrl: string, base: string): string {
  if (base === '/') return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.origin !== new URL(siteUrl).origin || stripBase(parsed.pathname, base) !== undefined) return url;
  parsed.pathname = withBase(parsed.pathname, base);
  return parsed.href;
}

/** The address a build under `base` is read at: the site's origin (site.yaml `url`) and the base, e.g. https://example.org/previews/pr-12/. */
export function addressUnderBase(siteUrl: string, base: string): string {
  return new URL(base, siteUrl).href;
}

/** The build's base path, from BROADSHEET_BASE (unset: `/`). */
export function buildBase(env: Record<string, string | undefined> = process.env): string {
  return normalizeBase(env[BASE_VARIABLE] ?? '');
}

/** Whether this is a preview build (BROADSHEET_PREVIEW=1 or true; unset, empty, 0 or false: no). */
export function isPreviewBuild(env: Record<string, string | undefined> = process.env): boolean {
  const value = (env[PREVIEW_VARIABLE] ?? '').trim().toLowerCase();
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new BuildSettingError(`${PREVIEW_VARIABLE}=${JSON.stringify(env[PREVIEW_VARIABLE])}: use 1 for a preview build, or leave it unset`);
}
