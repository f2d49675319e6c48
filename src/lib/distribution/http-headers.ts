/**
 * HTTP response headers of the published site: Content-Type and Cache-Control
 * for every file, and the security headers of every response.
 *
 * One rule list drives both delivery paths, so they cannot disagree:
 * - `renderHeadersFile()` writes it out as a `_headers` file for Cloudflare
 *   Pages (and Workers static assets) or Netlify;
 * - `headersFor()` / `cacheControlFor()` resolve it for one path; the deploy
 *   command stores the result as each object's metadata on S3-compatible
 *   stores, which can carry Content-Type and Cache-Control but no other header.
 *
 * How hosts combine rules decides the shape of the list. Cloudflare applies
 * every matching rule in file order and joins a header set twice into one
 * comma-separated value, so a later rule that means to *replace* a header
 * first detaches it (`! Name`), then sets it. A joined Cache-Control would
 * carry two max-age values, and two CSPs joined are two policies that the
 * browser enforces together, so the /search/ override would never loosen the
 * global one. Netlify has no detach operator: its parser skips a line that
 * is not `Name: value`, and its matcher lets the later matching rule's value
 * of a header win, so the same order gives the same result there;
 * `host: 'netlify'` still leaves the detach lines out, as Netlify does not
 * document them. Were a host to join values instead, the damage stays on the
 * safe side: the search page would get both CSPs, the stricter one winning.
 */
import { withBase } from '../build-target.ts';
import { ALLOWED_FRAME_ORIGINS } from '../media/embeds.ts';
import { LOCAL_PROXY_PORT } from '../cms/formats.ts';
import { bundledAssetsPath, cmsPath, HOST_FILES, photosPath, searchIndexPath, searchPath } from '../urls.ts';

/** Cache policies by name. */
export const CACHE_CONTROL = {
  /** Content-hashed files: a new version always has a new name. */
  immutable: 'public, max-age=31536000, immutable',
  /**
   * Everything whose name stays while its content changes: pages, feeds,
   * sitemaps, Pagefind's entry files, the logo. Browsers revalidate on every
   * use (a 304 against the ETag costs a round trip, not the bytes), so a
   * correction reaches a reader as soon as the shared cache has it; shared
   * caches may serve their copy for 5 minutes, which absorbs a spike on a
   * breaking story while bounding how long a correction or takedown can lag
   * behind a deploy (an S3 origin has no purge hook). Stale hashed assets
   * outlive that window by far (the deploy's grace period), so a cached page
   * never points at a deleted asset.
   */
  revalidate: 'public, max-age=0, s-maxage=300, must-revalidate',
} as const;

export type CachePolicy = keyof typeof CACHE_CONTROL;

/**
 * Paths whose file names carry a content hash, as `_headers` patterns (`*`
 * matches anything, `/` included). Astro names everything in /_astro/
 * `name.HASH.ext`; Pagefind names its fragments, index chunks, filters and
 * metadata by content hash, but not pagefind.js, pagefind-ui.*,
 * pagefind-entry.json, wasm.*.pagefind or our shards.json, which keep their
 * names across builds.
 */
export const IMMUTABLE_PATTERNS: readonly string[] = [
  `${bundledAssetsPath()}*`,
  // Photo renditions are named by a digest of the photo's bytes (src/lib/media/photos.ts).
  `${photosPath()}*`,
  // By extension, so the shards under /pagefind/archive/<shard>/ match too.
  `${searchIndexPath()}*.pf_fragment`,
  `${searchIndexPath()}*.pf_index`,
  `${searchIndexPath()}*.pf_filter`,
  `${searchIndexPath()}*.pf_meta`,
];

/**
 * Where WebAssembly must be allowed to compile: the search page, which runs
 * Pagefind, and Pagefind's own files, because Pagefind runs its WebAssembly
 * in a worker (/pagefind/pagefind-worker.js) and a worker is governed by the
 * CSP delivered with its own script, not by its page's.
 */
export const WASM_PATTERNS: readonly string[] = [`${searchPath()}*`, `${searchIndexPath()}*`];

/**
 * The editors' CMS (Decap CMS, src/lib/cms/): a single-page application that
 * needs what reading pages forbid, so it gets a policy of its own, and is
 * never indexed.
 */
export const CMS_PATTERN = `${cmsPath()}*`;

/** Where the CMS's local proxy listens when an editor runs `npm run cms`. */
const CMS_LOCAL_PROXY = [`http://localhost:${LOCAL_PROXY_PORT}`, `http://127.0.0.1:${LOCAL_PROXY_PORT}`];

/** Cloudflare Pages reads at most this many `_headers` rules. */
export const CLOUDFLARE_HEADER_RULE_LIMIT = 100;
const MAX_RULES = CLOUDFLARE_HEADER_RULE_LIMIT;
const MAX_LINE_LENGTH = 2000; // Cloudflare Pages, per line, indentation included

const HTML_TYPE = 'text/html; charset=utf-8';

const CONTENT_TYPES: Record<string, string> = {
  html: HTML_TYPE,
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  yml: 'application/yaml',
  yaml: 'application/yaml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  // Pagefind fetches these itself and decompresses them in WebAssembly; a
  // text type could invite a proxy to recompress or transcode them.
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

const FEED_TYPES: Record<string, string> = {
  'rss.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
};

/** Host files without an extension, uploaded with the site where no host reads them. */
const PLAIN_TEXT_FILES = new Set<string>(Object.values(HOST_FILES));

function baseName(sitePath: string): string {
  return sitePath.slice(sitePath.lastIndexOf('/') + 1);
}

/** Content-Type of a site file, by name (`rss.xml`, `_astro/a.B1c.css`, `_headers`). */
export function contentTypeFor(sitePath: string): string {
  // A directory address serves its index.html.
  if (sitePath === '' || sitePath.endsWith('/')) return HTML_TYPE;
  const name = baseName(sitePath);
  if (PLAIN_TEXT_FILES.has(name)) return 'text/plain; charset=utf-8';
  const feed = FEED_TYPES[name];
  if (feed) return feed;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** The URL path a site file is requested at: `a/index.html` is served at `/a/` too, with the same headers. */
function urlPath(sitePath: string): string {
  return sitePath.startsWith('/') ? sitePath : `/${sitePath}`;
}

const patternCache = new Map<string, RegExp>();

/**
 * Whether a `_headers` path pattern matches a URL path, as Cloudflare matches
 * it: `*` (one per pattern) is any run of characters, `/` included;
 * `:name` is one non-empty path segment; everything else is literal.
 */
export function matchesPattern(pattern: string, path: string): boolean {
  let regex = patternCache.get(pattern);
  if (!regex) {
    const source = pattern
      .split(/(\*|:[A-Za-z]\w*)/)
      .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${source}$`);
    patternCache.set(pattern, regex);
  }
  return regex.test(path);
}

/** The cache policy of a site file (`index.html`, `_astro/a.B1c.css`) or URL path (`/search/`). */
export function cachePolicyFor(sitePath: string): CachePolicy {
  const path = urlPath(sitePath);
  return IMMUTABLE_PATTERNS.some((pattern) => matchesPattern(pattern, path)) ? 'immutable' : 'revalidate';
}

export function cacheControlFor(sitePath: string): string {
  return CACHE_CONTROL[cachePolicyFor(sitePath)];
}

export interface HstsOptions {
  includeSubDomains: boolean;
  preload: boolean;
}

export interface HeadersOptions {
  /**
   * The newsletter form's `action` URL (site.yaml `newsletter.action`); its
   * origin joins `'self'` in `form-action`. Must be https.
   */
  newsletterAction?: string;
  /** site.yaml `hsts`; both off when absent. */
  hsts?: HstsOptions;
  /** The host that reads the `_headers` file; only `renderHeadersFile` uses it. Default `cloudflare`. */
  host?: 'cloudflare' | 'netlify';
  /**
   * The path the site is served under (src/lib/build-target.ts), `/` by
   * default: every pattern of the rules starts with it, and `headersFor`
   * takes paths from the site root and puts them under it.
   */
  base?: string;
  /** A preview build: every response also says `X-Robots-Tag: noindex`. */
  noindex?: boolean;
  /**
   * Pages that embed frames (src/lib/media/embeds.ts): each page's address from the
   * site root (`/iran-sco/`) and the origins it frames. Those pages, and only
   * those, get a CSP whose `frame-src` lists exactly their origins.
   */
  framePages?: readonly FramePage[];
}

export interface FramePage {
  path: string;
  origins: readonly string[];
}

function formActionOrigin(action: string | undefined): string | undefined {
  if (action === undefined || action === '') return undefined;
  let url: URL;
  try {
    url = new URL(action);
  } catch {
    throw new Error(`newsletterAction must be an absolute URL, got ${JSON.stringify(action)}`);
  }
  if (url.protocol !== 'https:') throw new Error(`newsletterAction must use https, got ${JSON.stringify(action)}`);
  return url.origin;
}

/**
 * The Content-Security-Policy of the site's pages. Everything comes from the
 * site itself: Astro links its CSS and JS from /_astro/, images are files or
 * small `data:` URIs that Vite inlines; nothing is inline script or style.
 * `search` adds `'wasm-unsafe-eval'`, which Pagefind needs to compile its
 * WebAssembly; it allows compiling WebAssembly, not `eval` of strings.
 */
export function contentSecurityPolicy(options: HeadersOptions & { page?: 'default' | 'search'; frameOrigins?: readonly string[] } = {}): string {
  const formOrigin = formActionOrigin(options.newsletterAction);
  const frames = frameSources(options.frameOrigins ?? []);
  const directives = [
    "default-src 'self'",
    options.page === 'search' ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
    // Only on a page with embeds: without it frames fall back to default-src 'self'.
    ...(frames.length > 0 ? [`frame-src ${frames.join(' ')}`] : []),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    formOrigin ? `form-action 'self' ${formOrigin}` : "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ];
  return directives.join('; ');
}

/** A page's frame origins, checked against the allowlist, sorted and once each, so the policy is the same for the same content. */
function frameSources(origins: readonly string[]): string[] {
  for (const origin of origins) {
    if (!ALLOWED_FRAME_ORIGINS.includes(origin)) throw new Error(`frame origin ${JSON.stringify(origin)} is not an embed provider's (${ALLOWED_FRAME_ORIGINS.join(', ')})`);
  }
  return [...new Set(origins)].sort();
}

/** A page's address as a `_headers` pattern that matches it at `/slug/` and `/slug/index.html`. */
function pagePattern(path: string): string {
  if (!/^\/(?:[a-z0-9-]+\/)+$/.test(path)) throw new Error(`a page with embeds must be a directory address like /iran-sco/, got ${JSON.stringify(path)}`);
  return `${path}*`;
}

/**
 * The Content-Security-Policy of /admin/. What it allows beyond the reading
 * pages' policy, and why:
 * - `'unsafe-eval'`: Decap validates its configuration with ajv, which
 *   compiles validators with `new Function`;
 * - `'unsafe-inline'` styles: Decap's components inject their styles at run
 *   time (emotion);
 * - `blob:` images and frames: photos an editor uploads are shown before
 *   they are saved, and the preview pane renders in a frame;
 * - GitHub's API (content, pull requests of the editorial workflow), its
 *   status page, and avatars; the local proxy of `npm run cms`, which Decap
 *   calls only when /admin/ is opened from localhost.
 * Scripts still come from the site only: the CMS is served from the npm
 * package (src/integrations/cms.ts). No `upgrade-insecure-requests`: it
 * would send the local proxy's http:// requests to https://.
 */
export function cmsContentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
    "font-src 'self' data:",
    `connect-src 'self' blob: https://api.github.com https://www.githubstatus.com ${CMS_LOCAL_PROXY.join(' ')}`,
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Browser features no page of the site uses, denied to the page and anything it could embed. */
const DENIED_FEATURES = [
  'accelerometer',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
];

/**
 * Two years, as the HSTS preload list asks. `includeSubDomains` and `preload`
 * reach beyond this site (every subdomain; browsers' built-in list), so each
 * publication opts in.
 */
export function strictTransportSecurity(hsts: HstsOptions = { includeSubDomains: false, preload: false }): string {
  if (hsts.preload && !hsts.includeSubDomains) throw new Error('HSTS preload needs includeSubDomains');
  return ['max-age=63072000', ...(hsts.includeSubDomains ? ['includeSubDomains'] : []), ...(hsts.preload ? ['preload'] : [])].join('; ');
}

/** Security headers of every response except the Content-Security-Policy. */
function baseSecurityHeaders(options: HeadersOptions): Record<string, string> {
  return {
    'Strict-Transport-Security': strictTransportSecurity(options.hsts),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
    // For browsers that predate CSP frame-ancestors.
    'X-Frame-Options': 'DENY',
    // No Cross-Origin-Opener-Policy on reading pages: they are public, hold no reader's state
    // and run no script that a window handle could abuse, and the browsing context group switch
    // it forces when a page is opened from another one cost 200 to 400 ms of blocking time in
    // Lighthouse's mobile runs (2026-12-04: a one-sentence page served with these headers scored
    // 96 in two runs of three with it, 100 in four of four without). The CMS keeps one.
  };
}

/** One block of a `_headers` file: headers to drop from earlier matching rules, then headers to set. */
export interface HeaderRule {
  pattern: string;
  detach: string[];
  set: Record<string, string>;
}

/** The rules, most general first: later matching rules replace what they detach. */
export function headerRules(options: HeadersOptions = {}): HeaderRule[] {
  const base = options.base ?? '/';
  return [
    {
      pattern: withBase('/*', base),
      detach: [],
      set: {
        'Cache-Control': CACHE_CONTROL.revalidate,
        'Content-Security-Policy': contentSecurityPolicy({ ...options, page: 'default' }),
        ...baseSecurityHeaders(options),
        ...(options.noindex ? { 'X-Robots-Tag': 'noindex' } : {}),
      },
    },
    ...WASM_PATTERNS.map((pattern) => ({
      pattern: withBase(pattern, base),
      detach: ['Content-Security-Policy'],
      set: { 'Content-Security-Policy': contentSecurityPolicy({ ...options, page: 'search' }) },
    })),
    {
      pattern: withBase(CMS_PATTERN, base),
      detach: ['Content-Security-Policy', 'Cross-Origin-Opener-Policy', 'X-Robots-Tag'],
      set: {
        'Content-Security-Policy': cmsContentSecurityPolicy(),
        // The CMS holds an editor's GitHub token: no other origin may keep a handle on its window.
        // Signing in with GitHub happens in a pop-up that reports back to this window.
        'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
        'X-Robots-Tag': 'noindex, nofollow',
      },
    },
    ...IMMUTABLE_PATTERNS.map((pattern) => ({
      pattern: withBase(pattern, base),
      detach: ['Cache-Control'],
      set: { 'Cache-Control': CACHE_CONTROL.immutable },
    })),
    // Last, so that a host reading only its first rules (Cloudflare Pages: 100) loses embeds' frames, never a site-wide rule.
    ...[...(options.framePages ?? [])]
      .filter((page) => page.origins.length > 0)
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((page) => ({
        pattern: withBase(pagePattern(page.path), base),
        detach: ['Content-Security-Policy'],
        set: { 'Content-Security-Policy': contentSecurityPolicy({ ...options, page: 'default', frameOrigins: page.origins }) },
      })),
  ];
}

/**
 * Every header a response for this site file or URL path (from the site
 * root, without the base) carries: its Content-Type, Cache-Control and
 * security headers. Rules apply in order, each dropping what it detaches
 * before setting its own.
 */
export function headersFor(sitePath: string, options: HeadersOptions = {}): Record<string, string> {
  return resolveHeaders(headerRules(options), withBase(urlPath(sitePath), options.base ?? '/'));
}

/** The headers `rules` give a URL path (base included), as a host reading `_headers` applies them. */
export function resolveHeaders(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentTypeFor(path) };
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, path)) continue;
    for (const name of rule.detach) delete headers[name];
    Object.assign(headers, rule.set);
  }
  return headers;
}

/**
 * Reads back a `_headers` file this module wrote (`renderHeadersFile`, Cloudflare
 * form): what a local server needs to send exactly the headers a build ships,
 * per-page policies included.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    const entry = line.trim();
    if (entry === '' || entry.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: entry, detach: [], set: {} });
    else if (entry.startsWith('!')) rules.at(-1)?.detach.push(entry.slice(1).trim());
    else {
      const colon = entry.indexOf(':');
      const rule = rules.at(-1);
      if (rule && colon > 0) rule.set[entry.slice(0, colon).trim()] = entry.slice(colon + 1).trim();
    }
  }
  return rules;
}

/** What to tell the editors when Cloudflare Pages would read only the first rules of `_headers`; undefined when it reads them all. */
export function headerRuleLimitWarning(options: HeadersOptions = {}): string | undefined {
  const count = headerRules(options).length;
  if (count <= CLOUDFLARE_HEADER_RULE_LIMIT) return undefined;
  const framed = (options.framePages ?? []).filter((page) => page.origins.length > 0).length;
  return `_headers: ${count} rules, ${framed} of them for pages with embeds; Cloudflare Pages reads only the first ${CLOUDFLARE_HEADER_RULE_LIMIT}, so there the last pages' embeds are refused by their CSP and readers get the link under each.`;
}

/** The text of a `_headers` file (Cloudflare Pages, Workers static assets, Netlify). */
export function renderHeadersFile(options: HeadersOptions = {}): string {
  const host = options.host ?? 'cloudflare';
  const rules = headerRules(options);
  const siteWide = rules.length - (options.framePages ?? []).filter((page) => page.origins.length > 0).length;
  if (siteWide > MAX_RULES) throw new Error(`_headers has ${siteWide} rules; Cloudflare Pages reads at most ${MAX_RULES}`);
  const blocks = rules.map((rule) => {
    const lines = [rule.pattern];
    if (host === 'cloudflare') for (const name of rule.detach) lines.push(`  ! ${name}`);
    for (const [name, value] of Object.entries(rule.set)) lines.push(`  ${name}: ${value}`);
    return lines;
  });
  for (const line of blocks.flat()) {
    if (line.length > MAX_LINE_LENGTH) {
      throw new Error(`_headers line over ${MAX_LINE_LENGTH} characters: ${line.slice(0, 60)}...`);
    }
  }
  const header = [
    '# Generated by Broadsheet from src/lib/distribution/http-headers.ts; change the policy there.',
    '# Rules apply in order: a later rule detaches (! Name) what it replaces.',
  ];
  return `${[header.join('\n'), ...blocks.map((lines) => lines.join('\n'))].join('\n\n')}\n`;
}
