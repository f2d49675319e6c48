import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { xmlError } from '../helpers/xml.ts';
import { articleParts, NEWS_MAX_URLS, newsSitemapXml, recentForNews, sitemapIndexXml, splitIntoParts, urlsetXml } from '../../src/lib/distribution/sitemap.ts';
import { escapeXml } from '../../src/lib/distribution/xml.ts';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });
const at = (iso: string) => new Date(iso);

describe('sitemaps', () => {
  it('writes a valid urlset with escaped addresses and lastmod', () => {
    const xml = urlsetXml([{ url: 'https://x.example/a?b=1&c=<2>', lastmod: at('2026-10-14T12:00:00Z') }, { url: 'https://x.example/b/' }]);
    expect(xmlError(xml)).toBeNull();
    const urls = parser.parse(xml).urlset.url;
    expect(urls).toEqual([{ loc: 'https://x.example/a?b=1&c=<2>', lastmod: '2026-10-14T12:00:00.000Z' }, { loc: 'https://x.example/b/' }]);
  });

  it('gives each part in the index the lastmod of its newest URL', () => {
    const xml = sitemapIndexXml([
      { url: 'https://x.example/sitemaps/pages.xml', urls: [{ url: 'a', lastmod: at('2026-01-01T00:00:00Z') }, { url: 'b', lastmod: at('2026-03-01T00:00:00Z') }] },
      { url: 'https://x.example/sitemaps/empty.xml', urls: [{ url: 'c' }] },
    ]);
    expect(xmlError(xml)).toBeNull();
    expect(parser.parse(xml).sitemapindex.sitemap).toEqual([
      { loc: 'https://x.example/sitemaps/pages.xml', lastmod: '2026-03-01T00:00:00.000Z' },
      { loc: 'https://x.example/sitemaps/empty.xml' },
    ]);
  });

  it('splits large groups into parts of at most the limit, earlier parts first', () => {
    const urls = Array.from({ length: 5 }, (_, index) => ({ url: `u${index}` }));
    expect(splitIntoParts('pages', urls, 2).map((part) => [part.name, part.urls.length])).toEqual([
      ['pages.xml', 2],
      ['pages-2.xml', 2],
      ['pages-3.xml', 1],
    ]);
    expect(splitIntoParts('pages', [], 2)).toEqual([]);
  });

  it('groups articles by year, oldest first, so a new piece changes only its own year', () => {
    const articles = [
      { url: 'c', published: at('2026-02-01T00:00:00Z') },
      { url: 'a', published: at('2025-05-01T00:00:00Z'), modified: at('2025-06-01T00:00:00Z') },
      { url: 'b', published: at('2026-01-01T00:00:00Z') },
    ];
    const parts = articleParts(articles, (article) => String(article.published.getUTCFullYear()));
    expect(parts.map((part) => [part.name, part.urls.map((entry) => entry.url)])).toEqual([
      ['articles-2025.xml', ['a']],
      ['articles-2026.xml', ['b', 'c']],
    ]);
    expect(parts[0]!.urls[0]!.lastmod).toEqual(at('2025-06-01T00:00:00Z'));
    const withNew = articleParts([...articles, { url: 'd', published: at('2026-03-01T00:00:00Z') }], (article) => String(article.published.getUTCFullYear()));
    expect(withNew[0]).toEqual(parts[0]);
  });
});

describe('Google News sitemap', () => {
  const now = at('2026-11-28T12:00:00Z');

  it('keeps only pieces of the last 48 hours, newest first, never future ones', () => {
    const articles = [
      { slug: 'old', published: at('2026-11-26T11:59:00Z') },
      { slug: 'edge', published: at('2026-11-26T12:01:00Z') },
      { slug: 'new', published: at('2026-11-28T11:00:00Z') },
      { slug: 'future', published: at('2026-11-28T13:00:00Z') },
    ];
    expect(recentForNews(articles, now).map((article) => article.slug)).toEqual(['new', 'edge']);
  });

  it('caps the list at 1,000 URLs', () => {
    const many = Array.from({ length: 1_200 }, (_, index) => ({ slug: `piece-${index}`, published: new Date(now.getTime() - index * 60_000) }));
    expect(recentForNews(many, now)).toHaveLength(NEWS_MAX_URLS);
  });

  it('writes news:news with publication name, language, date and escaped title', () => {
    const xml = newsSitemapXml([{ url: 'https://x.example/a/', title: 'Tariffs & "ports" <now>', published: at('2026-11-28T10:00:00Z') }], { name: 'The Gazette', language: 'en-GB' });
    expect(xmlError(xml)).toBeNull();
    const [url] = parser.parse(xml).urlset.url;
    expect(url['news:news']).toEqual({
      'news:publication': { 'news:name': 'The Gazette', 'news:language': 'en' },
      'news:publication_date': '2026-11-28T10:00:00.000Z',
      'news:title': 'Tariffs & "ports" <now>',
    });
  });

  it('is an empty but valid urlset when nothing is recent', () => {
    const xml = newsSitemapXml([], { name: 'The Gazette', language: 'zh-Hant-TW' });
    expect(xmlError(xml)).toBeNull();
    expect(parser.parse(xml).urlset).toMatchObject({ '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', '@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9' });
    expect(xml).not.toContain('<url>');
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`a & b < c > "d" 'e'\u0001`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
  });
});

describe('the strict XML check the tests rely on', () => {
  it('refuses undeclared prefixes, bare ampersands and unclosed elements', () => {
    expect(xmlError('<a><media:x/></a>')).not.toBeNull();
    expect(xmlError('<a>fish & chips</a>')).not.toBeNull();
    expect(xmlError('<a><b></a>')).not.toBeNull();
    expect(xmlError('<a xmlns:media="http://search.yahoo.com/mrss/"><media:x/></a>')).toBeNull();
  });
});
