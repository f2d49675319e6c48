import { describe, expect, it } from 'vitest';
import {
  CACHE_CONTROL,
  CLOUDFLARE_HEADER_RULE_LIMIT,
  CMS_PATTERN,
  cmsContentSecurityPolicy,
  IMMUTABLE_PATTERNS,
  cacheControlFor,
  cachePolicyFor,
  contentSecurityPolicy,
  contentTypeFor,
  headerRuleLimitWarning,
  headerRules,
  headersFor,
  matchesPattern,
  parseHeadersFile as readShippedHeaders,
  renderHeadersFile,
  resolveHeaders,
} from '../../src/lib/distribution/http-headers.ts';
import { cloudflareHeaders, netlifyHeaders, parseHeadersFile, requestPaths } from '../deploy/headers-hosts.ts';

const NEWSLETTER = 'https://lists.meridian-review.example/subscribe';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

/** One path of every kind the built site has (see the sample build), plus a few it may grow. */
const SITE_PATHS = [
  'index.html',
  '404.html',
  'iran-sco/index.html',
  'latest/page/2/index.html',
  'author/noor-haddad/index.html',
  'search/index.html',
  '_astro/BaseLayout.CP_7bYDd.css',
  '_astro/africa-debt-1.1CuvZnUy_1omrWW.avif',
  '_astro/africa-debt-1.1CuvZnUy.jpg',
  '_astro/search.astro_astro_type_script_index_0_lang.D6n_It5l.js',
  '_astro/icon.Bx3kQ1.svg',
  'images/africa-debt-1-3f2a9c0d1e2b4a5f-640x360-542d.avif',
  'images/africa-debt-1-3f2a9c0d1e2b4a5f-1200x675-4413.jpg',
  'logo.svg',
  'favicon.svg',
  'share-card.png',
  'rss.xml',
  'middle-east/rss.xml',
  'author/noor-haddad/rss.xml',
  'sitemap.xml',
  'sitemaps/articles-2026.xml',
  'news-sitemap.xml',
  'robots.txt',
  '_headers',
  '_redirects',
  'pagefind/pagefind.js',
  'pagefind/pagefind-ui.js',
  'pagefind/pagefind-ui.css',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/wasm.en.pagefind',
  'pagefind/pagefind.en_42918849ed.pf_meta',
  'pagefind/index/en_8b1d2f3.pf_index',
  'pagefind/fragment/en_4a5b6c7.pf_fragment',
  'pagefind/filter/en_1a2b3c4.pf_filter',
  'fonts/serif.woff2',
  'admin/index.html',
  'admin/config.yml',
  'admin/cms/decap-cms.js',
  'admin/cms/977.decap-cms.js',
  'admin/cms/dd5d52671a5763720504.wasm',
];

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/index.html', 'text/html; charset=utf-8'],
    ['/a/', 'text/html; charset=utf-8'],
    ['_astro/a.B1.css', 'text/css; charset=utf-8'],
    ['_astro/a.B1.js', 'text/javascript; charset=utf-8'],
    ['rss.xml', 'application/rss+xml; charset=utf-8'],
    ['economy/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['sitemap.xml', 'application/xml; charset=utf-8'],
    ['sitemaps/pages.xml', 'application/xml; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['_headers', 'text/plain; charset=utf-8'],
    ['_redirects', 'text/plain; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['_astro/x.AVIF', 'image/avif'],
    ['_astro/x.webp', 'image/webp'],
    ['_astro/x.jpg', 'image/jpeg'],
    ['pagefind/pagefind-entry.json', 'application/json'],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream'],
    ['pagefind/fragment/en_1.pf_fragment', 'application/octet-stream'],
    ['fonts/a.woff2', 'font/woff2'],
    ['admin/config.yml', 'application/yaml'],
    ['README', 'application/octet-stream'],
    ['.hidden', 'application/octet-stream'],
  ])('%s is %s', (path, type) => {
    expect(contentTypeFor(path)).toBe(type);
  });
});

describe('cache policies', () => {
  it('makes content-hashed files immutable and nothing else', () => {
    const immutable = SITE_PATHS.filter((path) => cachePolicyFor(path) === 'immutable');
    expect(immutable).toEqual([
      '_astro/BaseLayout.CP_7bYDd.css',
      '_astro/africa-debt-1.1CuvZnUy_1omrWW.avif',
      '_astro/africa-debt-1.1CuvZnUy.jpg',
      '_astro/search.astro_astro_type_script_index_0_lang.D6n_It5l.js',
      '_astro/icon.Bx3kQ1.svg',
      'images/africa-debt-1-3f2a9c0d1e2b4a5f-640x360-542d.avif',
      'images/africa-debt-1-3f2a9c0d1e2b4a5f-1200x675-4413.jpg',
      'pagefind/pagefind.en_42918849ed.pf_meta',
      'pagefind/index/en_8b1d2f3.pf_index',
      'pagefind/fragment/en_4a5b6c7.pf_fragment',
      'pagefind/filter/en_1a2b3c4.pf_filter',
    ]);
  });

  it('never makes a page, feed or sitemap immutable', () => {
    for (const path of SITE_PATHS.filter((p) => /\.(html|xml)$/.test(p))) {
      expect(cacheControlFor(path), path).toBe(CACHE_CONTROL.revalidate);
      expect(cacheControlFor(path)).not.toContain('immutable');
    }
  });

  it('has a short shared lifetime and makes browsers revalidate', () => {
    expect(CACHE_CONTROL.revalidate).toMatch(/max-age=0\b/);
    expect(CACHE_CONTROL.revalidate).toMatch(/must-revalidate/);
    expect(CACHE_CONTROL.revalidate).toMatch(/s-maxage=300\b/);
    expect(CACHE_CONTROL.immutable).toBe('public, max-age=31536000, immutable');
  });

  it('gives a page the same policy at its directory address', () => {
    expect(cachePolicyFor('/iran-sco/')).toBe(cachePolicyFor('iran-sco/index.html'));
    expect(cachePolicyFor('/')).toBe('revalidate');
  });
});

describe('matchesPattern', () => {
  it.each([
    ['/*', '/', true],
    ['/*', '/a/b.html', true],
    ['/_astro/*', '/_astro/a.css', true],
    ['/_astro/*', '/_astroid/a.css', false],
    ['/_astro/*', '/x/_astro/a.css', false],
    ['/pagefind/*.pf_meta', '/pagefind/pagefind.en_1.pf_meta', true],
    ['/pagefind/*.pf_meta', '/pagefind/pagefind.js', false],
    ['/search/*', '/search/', true],
    ['/search/*', '/search', false],
    ['/tag/:tag/', '/tag/iran/', true],
    ['/tag/:tag/', '/tag/iran/page/2/', false],
    ['/a.b', '/aXb', false],
  ])('%s ~ %s: %s', (pattern, path, expected) => {
    expect(matchesPattern(pattern, path)).toBe(expected);
  });
});

describe('contentSecurityPolicy', () => {

  it('is strict: self only, no inline code, no framing', () => {
    const csp = directives(contentSecurityPolicy({ newsletterAction: NEWSLETTER }));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'", 'https://lists.meridian-review.example']);
    expect(contentSecurityPolicy({ newsletterAction: NEWSLETTER })).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('allows WebAssembly on the search page only', () => {
    expect(directives(contentSecurityPolicy({ page: 'search' })).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicy({ page: 'default' })).not.toContain('wasm');
  });

  it("allows only 'self' in form-action without a newsletter", () => {
    expect(directives(contentSecurityPolicy()).get('form-action')).toEqual(["'self'"]);
  });

  it('refuses a newsletter action that is not an absolute https URL', () => {
    expect(() => contentSecurityPolicy({ newsletterAction: 'http://lists.example/subscribe' })).toThrow(/https/);
    expect(() => contentSecurityPolicy({ newsletterAction: '/subscribe' })).toThrow(/absolute URL/);
  });
});

describe('headersFor', () => {
  it('sends the security headers with every response', () => {
    for (const path of SITE_PATHS) {
      const headers = headersFor(path, { newsletterAction: NEWSLETTER });
      expect(headers['Strict-Transport-Security']).toBe('max-age=63072000');
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['Permissions-Policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      expect(headers['Content-Security-Policy']).toMatch(/^default-src 'self'/);
      expect(headers['Cache-Control']).toBe(cacheControlFor(path));
      expect(headers['Content-Type']).toBe(contentTypeFor(path));
    }
  });

  it('extends HSTS to subdomains and the preload list only when the publication opts in', () => {
    const hsts = (includeSubDomains: boolean, preload: boolean) => headersFor('index.html', { hsts: { includeSubDomains, preload } })['Strict-Transport-Security'];
    expect(hsts(false, false)).toBe('max-age=63072000');
    expect(hsts(true, false)).toBe('max-age=63072000; includeSubDomains');
    expect(hsts(true, true)).toBe('max-age=63072000; includeSubDomains; preload');
    expect(() => hsts(false, true)).toThrow(/preload needs includeSubDomains/);
    expect(renderHeadersFile({ hsts: { includeSubDomains: true, preload: false } })).toContain('  Strict-Transport-Security: max-age=63072000; includeSubDomains\n');
  });

  it("gives the search page and Pagefind's worker the WebAssembly policy, and no other page", () => {
    const wasm = SITE_PATHS.filter((path) => headersFor(path)['Content-Security-Policy']?.includes('wasm-unsafe-eval'));
    expect(wasm).toEqual(SITE_PATHS.filter((path) => path.startsWith('search/') || path.startsWith('pagefind/')));
    expect(headersFor('/search/')['Content-Security-Policy']).toContain("'wasm-unsafe-eval'");
  });
});

describe('the CMS at /admin/', () => {
  const admin = SITE_PATHS.filter((path) => path.startsWith('admin/'));
  const reading = SITE_PATHS.filter((path) => !path.startsWith('admin/'));

  it('gets the policy the CMS needs, on its files only', () => {
    for (const path of [...admin, '/admin/']) {
      const headers = headersFor(path, { newsletterAction: NEWSLETTER });
      expect(headers['Content-Security-Policy'], path).toBe(cmsContentSecurityPolicy());
      expect(headers['Cross-Origin-Opener-Policy'], path).toBe('same-origin-allow-popups');
      expect(headers['X-Robots-Tag'], path).toBe('noindex, nofollow');
      expect(headers['X-Frame-Options'], path).toBe('DENY');
    }
    for (const path of reading) {
      const headers = headersFor(path, { newsletterAction: NEWSLETTER });
      expect(headers['Content-Security-Policy'], path).not.toBe(cmsContentSecurityPolicy());
      expect(headers['Content-Security-Policy'], path).not.toMatch(/'unsafe-eval'|'unsafe-inline'|github/);
      // Public pages with no reader's state: see baseSecurityHeaders for why they carry no COOP.
      expect(headers['Cross-Origin-Opener-Policy'], path).toBeUndefined();
      expect(headers['X-Robots-Tag'], path).toBeUndefined();
    }
  });

  it('loosens the reading policy only where Decap needs it, and loads scripts from the site alone', () => {
    const csp = directives(cmsContentSecurityPolicy());
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-eval'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'blob:', 'https://api.github.com', 'https://www.githubstatus.com', 'http://localhost:8081', 'http://127.0.0.1:8081']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(cmsContentSecurityPolicy()).not.toMatch(/\*|upgrade-insecure-requests/);
  });

  it('follows the site under a base path', () => {
    const headers = headersFor('admin/index.html', { base: '/pr-7/' });
    expect(headers['Content-Security-Policy']).toBe(cmsContentSecurityPolicy());
    expect(headers['X-Robots-Tag']).toBe('noindex, nofollow');
    expect(headersFor('index.html', { base: '/pr-7/' })['X-Robots-Tag']).toBeUndefined();
    expect(renderHeadersFile({ base: '/pr-7/' })).toContain('\n/pr-7/admin/*\n');
  });

  it('matches /admin/ and what is below it, not addresses that merely start alike', () => {
    expect(matchesPattern(CMS_PATTERN, '/admin/')).toBe(true);
    expect(matchesPattern(CMS_PATTERN, '/admin/cms/decap-cms.js')).toBe(true);
    expect(matchesPattern(CMS_PATTERN, '/administration-reform/')).toBe(false);
    expect(headersFor('administration-reform/index.html')['X-Robots-Tag']).toBeUndefined();
  });
});

describe('renderHeadersFile', () => {
  const text = renderHeadersFile({ newsletterAction: NEWSLETTER });
  const rules = parseHeadersFile(text);

  it('stays within Cloudflare limits', () => {
    expect(rules.length).toBeLessThanOrEqual(100);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(2000);
  });

  it('lists the general rule first and detaches before replacing', () => {
    expect(rules[0]?.pattern).toBe('/*');
    for (const rule of rules.slice(1)) {
      for (const [name] of rule.set) expect(rule.unset, `${rule.pattern} ${name}`).toContain(name);
    }
    expect(rules.map((rule) => rule.pattern)).toEqual(headerRules().map((rule) => rule.pattern));
    expect(rules.filter((rule) => IMMUTABLE_PATTERNS.includes(rule.pattern as never))).toHaveLength(IMMUTABLE_PATTERNS.length);
  });

  it('leaves the detach lines out for Netlify', () => {
    const netlify = renderHeadersFile({ newsletterAction: NEWSLETTER, host: 'netlify' });
    expect(netlify).not.toMatch(/^\s+!/m);
    expect(parseHeadersFile(netlify).map((rule) => rule.set)).toEqual(rules.map((rule) => rule.set));
  });

  // What each host would send must be exactly what headersFor says, which is
  // also what the deploy stores as S3 metadata: one header each, never two
  // policies joined into one value.
  it.each([
    ['Cloudflare', cloudflareHeaders, text],
    ['Netlify', netlifyHeaders, renderHeadersFile({ newsletterAction: NEWSLETTER, host: 'netlify' })],
  ] as const)('resolves on %s to headersFor for every kind of path', (_host, resolve, file) => {
    const parsed = parseHeadersFile(file);
    for (const sitePath of SITE_PATHS) {
      const { 'Content-Type': _type, ...expected } = headersFor(sitePath, { newsletterAction: NEWSLETTER });
      const lowered = Object.fromEntries(Object.entries(expected).map(([name, value]) => [name.toLowerCase(), value]));
      for (const path of requestPaths(sitePath)) expect(resolve(parsed, path), path).toEqual(lowered);
    }
  });

  it('would join two CSPs on Cloudflare without the detach line (why it is there)', () => {
    const withoutDetach = parseHeadersFile(text).map((rule) => ({ ...rule, unset: [] }));
    const csp = cloudflareHeaders(withoutDetach, '/search/')['content-security-policy'];
    expect(csp?.match(/default-src/g)).toHaveLength(2);
  });
});

describe('headers of a site under a base path, and of a preview', () => {
  const options = { newsletterAction: NEWSLETTER, base: '/pr-7/' };

  it('starts every pattern with the base', () => {
    const rules = headerRules(options);
    for (const rule of rules) expect(rule.pattern, rule.pattern).toMatch(/^\/pr-7\//);
    expect(rules.map((rule) => rule.pattern)).toEqual(headerRules().map((rule) => `/pr-7${rule.pattern}`));
  });

  it('resolves every file to the same headers as at the root', () => {
    for (const path of SITE_PATHS) expect(headersFor(path, options), path).toEqual(headersFor(path, { newsletterAction: NEWSLETTER }));
  });

  it.each([
    ['Cloudflare', cloudflareHeaders, 'cloudflare'],
    ['Netlify', netlifyHeaders, 'netlify'],
  ] as const)('resolves on %s, at the addresses under the base, to headersFor', (_host, resolve, host) => {
    const parsed = parseHeadersFile(renderHeadersFile({ ...options, host }));
    for (const sitePath of SITE_PATHS) {
      const { 'Content-Type': _type, ...expected } = headersFor(sitePath, options);
      const lowered = Object.fromEntries(Object.entries(expected).map(([name, value]) => [name.toLowerCase(), value]));
      for (const path of requestPaths(sitePath)) expect(resolve(parsed, `/pr-7${path}`), path).toEqual(lowered);
    }
  });

  it('asks crawlers to index nothing of a preview, and only there', () => {
    // The CMS (/admin/) is never indexed, preview or not.
    for (const path of SITE_PATHS.filter((sitePath) => !sitePath.startsWith('admin/'))) {
      expect(headersFor(path, { ...options, noindex: true })['X-Robots-Tag'], path).toBe('noindex');
      expect(headersFor(path, options)['X-Robots-Tag'], path).toBeUndefined();
    }
    for (const path of SITE_PATHS.filter((sitePath) => sitePath.startsWith('admin/'))) {
      for (const noindex of [true, false]) expect(headersFor(path, { ...options, noindex })['X-Robots-Tag'], path).toBe('noindex, nofollow');
    }
    expect(renderHeadersFile({ ...options, noindex: true })).toContain('/pr-7/*\n');
    expect(renderHeadersFile({ ...options, noindex: true })).toContain('  X-Robots-Tag: noindex\n');
    expect(renderHeadersFile(options).replace(/\n\/pr-7\/admin\/\*\n[^]*?(\n\n|$)/, '\n')).not.toContain('X-Robots-Tag');
  });
});

describe('pages with embeds: their frame origins, on that page only', () => {
  const framePages = [
    { path: '/gulf-lending/', origins: ['https://www.youtube-nocookie.com', 'https://datawrapper.dwcdn.net', 'https://www.youtube-nocookie.com'] },
    { path: '/about/', origins: ['https://flo.uri.sh'] },
    { path: '/no-frames/', origins: [] },
  ];
  const options = { newsletterAction: NEWSLETTER, framePages };
  const frameSrc = (path: string, extra = {}) => directives(headersFor(path, { ...options, ...extra })['Content-Security-Policy']!).get('frame-src');

  it('allows exactly the origins a page frames, sorted, once each', () => {
    expect(frameSrc('gulf-lending/index.html')).toEqual(['https://datawrapper.dwcdn.net', 'https://www.youtube-nocookie.com']);
    expect(frameSrc('/gulf-lending/')).toEqual(['https://datawrapper.dwcdn.net', 'https://www.youtube-nocookie.com']);
    expect(frameSrc('about/index.html')).toEqual(['https://flo.uri.sh']);
  });

  it('gives every other page no frame-src at all, so frames fall back to default-src', () => {
    for (const path of [...SITE_PATHS, 'no-frames/index.html', 'gulf-lending-2/index.html', 'gulf/index.html']) {
      // The CMS frames its own previews (blob:), with a policy of its own.
      if (!path.startsWith('admin/')) expect(frameSrc(path), path).toBeUndefined();
      expect(headersFor(path, options), path).toEqual(headersFor(path, { newsletterAction: NEWSLETTER }));
    }
  });

  it('otherwise keeps the page policy whole', () => {
    const policy = directives(headersFor('gulf-lending/index.html', options)['Content-Security-Policy']!);
    policy.delete('frame-src');
    expect(policy).toEqual(directives(contentSecurityPolicy({ newsletterAction: NEWSLETTER })));
  });

  it('puts their rules last, so a host that reads only the first rules loses frames, never a site-wide rule', () => {
    const rules = headerRules(options);
    expect(rules.slice(-2).map((rule) => rule.pattern)).toEqual(['/about/*', '/gulf-lending/*']);
    expect(rules.slice(0, -2)).toEqual(headerRules({ newsletterAction: NEWSLETTER }));
  });

  it('warns when Cloudflare Pages would drop the last pages\' frame rules, and only then', () => {
    expect(headerRuleLimitWarning(options)).toBeUndefined();
    const many = Array.from({ length: CLOUDFLARE_HEADER_RULE_LIMIT }, (_, index) => ({ path: `/embeds-${index}/`, origins: ['https://flo.uri.sh'] }));
    const warning = headerRuleLimitWarning({ newsletterAction: NEWSLETTER, framePages: [...many, { path: '/no-frames/', origins: [] }] });
    expect(warning).toBe(
      `_headers: ${headerRules({ newsletterAction: NEWSLETTER, framePages: many }).length} rules, ${CLOUDFLARE_HEADER_RULE_LIMIT} of them for pages with embeds; Cloudflare Pages reads only the first ${CLOUDFLARE_HEADER_RULE_LIMIT}, so there the last pages' embeds are refused by their CSP and readers get the link under each.`,
    );
  });

  it('refuses an origin outside the allowlist and an address that is not a page', () => {
    expect(() => headersFor('x/index.html', { framePages: [{ path: '/x/', origins: ['https://evil.example'] }] })).toThrow(/not an embed provider/);
    expect(() => headersFor('x/index.html', { framePages: [{ path: '/*', origins: ['https://flo.uri.sh'] }] })).toThrow(/directory address/);
  });

  it('carries them under the base path of a preview', () => {
    const parsed = readShippedHeaders(renderHeadersFile({ ...options, base: '/pr-7/' }));
    expect(directives(resolveHeaders(parsed, '/pr-7/gulf-lending/')['Content-Security-Policy']!).get('frame-src')).toEqual(['https://datawrapper.dwcdn.net', 'https://www.youtube-nocookie.com']);
    expect(resolveHeaders(parsed, '/pr-7/')['Content-Security-Policy']).not.toContain('frame-src');
  });

  it.each([
    ['Cloudflare', cloudflareHeaders, 'cloudflare'],
    ['Netlify', netlifyHeaders, 'netlify'],
  ] as const)('resolves on %s to headersFor', (_host, resolve, host) => {
    const parsed = parseHeadersFile(renderHeadersFile({ ...options, host }));
    for (const sitePath of [...SITE_PATHS, 'gulf-lending/index.html', 'about/index.html']) {
      const { 'Content-Type': _type, ...expected } = headersFor(sitePath, options);
      const lowered = Object.fromEntries(Object.entries(expected).map(([name, value]) => [name.toLowerCase(), value]));
      for (const path of requestPaths(sitePath)) expect(resolve(parsed, path), path).toEqual(lowered);
    }
  });

  it('reads back, from the file it wrote, the headers it gives every path', () => {
    const parsed = readShippedHeaders(renderHeadersFile(options));
    for (const sitePath of [...SITE_PATHS, 'gulf-lending/index.html']) expect(resolveHeaders(parsed, `/${sitePath}`), sitePath).toEqual(headersFor(sitePath, options));
  });
});
