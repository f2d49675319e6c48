import { describe, expect, it } from 'vitest';
import { ALL_PATHS, CLOUDFRONT_MAX_PATHS, allPaths, invalidationPaths, parseDistributionId } from '../../src/lib/deploy/cdn.ts';

describe('invalidationPaths', () => {
  it("puts a preview's paths under its folder, and everything under it past the limit", () => {
    expect(invalidationPaths(['index.html', 'iran-sco/index.html', 'rss.xml'], undefined, 'previews/pr-12/')).toEqual([
      '/previews/pr-12/',
      '/previews/pr-12/index.html',
      '/previews/pr-12/iran-sco/',
      '/previews/pr-12/iran-sco/index.html',
      '/previews/pr-12/rss.xml',
    ]);
    expect(invalidationPaths(['a.xml', 'b.xml', 'c.xml'], 2, 'previews/pr-12/')).toEqual(['/previews/pr-12/*']);
    expect(allPaths()).toBe(ALL_PATHS);
    expect(allPaths('previews/pr-12/')).toBe('/previews/pr-12/*');
  });

  it('names each page at its directory address and its file, other files at their own', () => {
    expect(invalidationPaths(['index.html', 'iran-sco/index.html', 'tag/sco/page/2/index.html', 'rss.xml', 'pagefind/fragment/en_1.pf_fragment'])).toEqual([
      '/',
      '/index.html',
      '/iran-sco/',
      '/iran-sco/index.html',
      '/pagefind/fragment/en_1.pf_fragment',
      '/rss.xml',
      '/tag/sco/page/2/',
      '/tag/sco/page/2/index.html',
    ]);
  });

  it('percent-encodes what CloudFront wants encoded, and a * that would read as a wildcard', () => {
    expect(invalidationPaths(['a b/ü.html', 'x*y.txt'])).toEqual(['/a%20b/%C3%BC.html', '/x%2Ay.txt']);
  });

  it('asks for everything, once, when the paths would exceed what CloudFront lets be in progress', () => {
    const pages = Array.from({ length: CLOUDFRONT_MAX_PATHS / 2 }, (_, i) => `p${i}/index.html`);
    expect(invalidationPaths(pages)).toHaveLength(CLOUDFRONT_MAX_PATHS);
    expect(invalidationPaths([...pages, 'one-more.xml'])).toEqual([ALL_PATHS]);
    expect(invalidationPaths(['a.xml', 'b.xml', 'c.xml'], 2)).toEqual([ALL_PATHS]);
  });
});

describe('parseDistributionId', () => {
  it('takes an id and refuses anything else, a domain name above all', () => {
    expect(parseDistributionId('E2QWRUHAPOMQZL')).toBe('E2QWRUHAPOMQZL');
    expect(() => parseDistributionId('d111111abcdef8.cloudfront.net')).toThrow(/must be a distribution id such as E2QWRUHAPOMQZL/);
    expect(() => parseDistributionId('e2qwruhapomqzl')).toThrow(/distribution id/);
  });
});
