import { describe, expect, it } from 'vitest';
import { canonicalUrl, isCanonicalHere } from '../../src/lib/distribution/canonical.ts';
import { CLOUDFLARE_STATIC_REDIRECT_LIMIT, redirectLimitWarning, redirectsFile, robotsTxt } from '../../src/lib/distribution/host-files.ts';

const selfUrl = 'https://gazette.example/piece/';
const original = 'https://harbor.example/piece';

describe('canonical policy for republished pieces', () => {
  it('is self-canonical by default, even for republished pieces', () => {
    expect(canonicalUrl({ selfUrl }, 'self')).toBe(selfUrl);
    expect(canonicalUrl({ selfUrl, republished: { url: original } }, 'self')).toBe(selfUrl);
    expect(isCanonicalHere({ selfUrl, republished: { url: original } }, 'self')).toBe(true);
  });

  it('points to the original when the piece asks for it', () => {
    expect(canonicalUrl({ selfUrl, canonical: original, republished: { url: original } }, 'self')).toBe(original);
    expect(isCanonicalHere({ selfUrl, canonical: original }, 'self')).toBe(false);
  });

  it('points every republished piece with an address to its original under the "original" policy', () => {
    expect(canonicalUrl({ selfUrl, republished: { url: original } }, 'original')).toBe(original);
    expect(canonicalUrl({ selfUrl, republished: {} }, 'original')).toBe(selfUrl);
    expect(canonicalUrl({ selfUrl }, 'original')).toBe(selfUrl);
  });
});

describe('host files', () => {
  it('lists former addresses with and without the trailing slash, sorted', () => {
    expect(redirectsFile([
      { from: '/zeta-old/', to: '/zeta/' },
      { from: '/alpha-old/', to: '/alpha/' },
    ])).toBe(
      ['# Former article addresses (previousSlugs); written by the build.', '/alpha-old/ /alpha/ 301', '/alpha-old /alpha/ 301', '/zeta-old/ /zeta/ 301', '/zeta-old /zeta/ 301', ''].join('\n'),
    );
  });

  it('warns when Cloudflare Pages would read only part of _redirects: two rules per former address', () => {
    const redirects = (count: number) => Array.from({ length: count }, (_, index) => ({ from: `/old-${index}/`, to: `/new-${index}/` }));
    expect(redirectLimitWarning(redirects(CLOUDFLARE_STATIC_REDIRECT_LIMIT / 2))).toBeUndefined();
    expect(redirectLimitWarning(redirects(CLOUDFLARE_STATIC_REDIRECT_LIMIT / 2 + 1))).toBe(
      `_redirects: ${CLOUDFLARE_STATIC_REDIRECT_LIMIT + 2} rules; Cloudflare Pages reads only the first ${CLOUDFLARE_STATIC_REDIRECT_LIMIT}. The static redirect pages still answer every former address.`,
    );
  });

  it('names the sitemaps in robots.txt', () => {
    const robots = robotsTxt({ sitemaps: ['https://gazette.example/sitemap.xml'], disallow: ['/search/'] });
    expect(robots).toContain('Disallow: /search/');
    expect(robots).toContain('Sitemap: https://gazette.example/sitemap.xml');
  });
});
