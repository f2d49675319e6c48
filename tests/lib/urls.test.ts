import { describe, expect, it } from 'vitest';
import * as urls from '../../src/lib/urls.ts';
import { slugProblem, suggestSlug, slugFromFileName, articlePath, absoluteUrl } from '../../src/lib/urls.ts';

describe('slugProblem', () => {
  it('accepts lowercase words joined by hyphens', () => {
    for (const slug of ['iran-sco', 'a1', 'gulf-water-2026']) expect(slugProblem(slug), slug).toBeNull();
  });
  it.each([
    ['../etc', 'path separator'],
    ['a%2Fb', 'encoded character'],
    ['my article', 'spaces'],
    ['My-Article', 'capital letters; use "my-article"'],
    ['double--hyphen', 'single hyphens'],
    ['-leading', 'single hyphens'],
    ['ünïcode', 'may only contain'],
    ['x'.repeat(81), 'keep it under 80'],
    ['', 'is empty'],
  ])('refuses %j', (slug, reason) => {
    expect(slugProblem(slug)).toContain(reason);
  });
});

describe('slug helpers', () => {
  it('suggests a safe slug', () => {
    expect(suggestSlug('Iran & the SCO: What Now?')).toBe('iran-the-sco-what-now');
    expect(suggestSlug('Ünïcödé headline')).toBe('unicode-headline');
    expect(suggestSlug('!!!')).toBe('untitled');
  });
  it('takes the slug from the file name', () => {
    expect(slugFromFileName('content/articles/2026/iran-sco.md')).toBe('iran-sco');
    expect(slugFromFileName('a\\b\\c.md')).toBe('c');
  });
  it('builds addresses', () => {
    expect(articlePath('iran-sco')).toBe('/iran-sco/');
    expect(absoluteUrl('/iran-sco/', 'https://example.org')).toBe('https://example.org/iran-sco/');
    expect(absoluteUrl('/iran-sco/', 'https://example.org/mag/')).toBe('https://example.org/iran-sco/');
  });
});

describe('fixed addresses', () => {
  const fixed = [
    urls.homePath(),
    urls.latestPath(),
    urls.latestRailPath(),
    urls.searchPath(),
    urls.siteFeedPath(),
    urls.sitemapIndexPath(),
    urls.sitemapPartPath('articles-2026.xml'),
    urls.newsSitemapPath(),
    urls.faviconPath(),
    urls.cmsPath(),
    urls.cmsConfigPath(),
    urls.bundledAssetsPath(),
    urls.photosPath(),
    urls.searchIndexPath(),
    urls.authorPath('noor-haddad'),
    urls.tagPath('oil'),
    urls.seriesPath('chokepoints'),
    ...Object.values(urls.HOST_FILES).map((file) => `/${file}`),
  ];

  it('are what pages, feeds, sitemaps and hosts have always used', () => {
    expect(fixed).toEqual([
      '/',
      '/latest/',
      '/latest/rail.html',
      '/search/',
      '/rss.xml',
      '/sitemap.xml',
      '/sitemaps/articles-2026.xml',
      '/news-sitemap.xml',
      '/favicon.svg',
      '/admin/',
      '/admin/config.yml',
      '/_astro/',
      '/images/',
      '/pagefind/',
      '/author/noor-haddad/',
      '/tag/oil/',
      '/series/chokepoints/',
      '/_redirects',
      '/_headers',
    ]);
  });

  it('each start with a name no article, section or site page may take', () => {
    for (const path of fixed.slice(1)) {
      const first = path.split('/')[1]!;
      expect(urls.isReservedTopLevel(first), path).toBe(true);
    }
  });

  it('put list archives and feeds under the list', () => {
    expect(urls.archivePageParameter(3)).toBe('page/3');
    expect(urls.archivePagePath('/latest/', 3)).toBe('/latest/page/3/');
    expect(urls.archivePagePath('/pr-12/middle-east/', 1)).toBe('/pr-12/middle-east/page/1/');
    expect(urls.listFeedPath('/middle-east/')).toBe('/middle-east/rss.xml');
    expect(urls.listFeedPath(urls.seriesPath('chokepoints'))).toBe('/series/chokepoints/rss.xml');
  });
});
