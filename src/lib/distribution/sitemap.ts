/**
 * sitemaps.org sitemaps and the Google News sitemap. Parts are split by kind
 * and year so that a new article rewrites one small file, not the whole map.
 */
import { compareNewestFirst } from '../content/visibility.ts';
import { escapeXml } from './xml.ts';

/** sitemaps.org: at most 50,000 URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News: only articles of the last two days, at most 1,000 of them. */
export const NEWS_MAX_AGE_HOURS = 48;
export const NEWS_MAX_URLS = 1_000;

export interface SitemapUrl {
  url: string;
  lastmod?: Date | undefined;
}

export interface SitemapPart {
  /** File name under /sitemaps/, e.g. "articles-2026.xml". */
  name: string;
  urls: SitemapUrl[];
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

function lastmodOf(urls: readonly SitemapUrl[]): Date | undefined {
  let newest: Date | undefined;
  for (const { lastmod } of urls) if (lastmod && (!newest || lastmod > newest)) newest = lastmod;
  return newest;
}

const lastmodElement = (date: Date | undefined) => (date ? `<lastmod>${date.toISOString()}</lastmod>` : '');

export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const body = urls.map((entry) => `<url><loc>${escapeXml(entry.url)}</loc>${lastmodElement(entry.lastmod)}</url>\n`).join('');
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${body}</urlset>\n`;
}

/** The index at /sitemap.xml; each part's lastmod is its newest URL's. */
export function sitemapIndexXml(parts: readonly { url: string; urls: readonly SitemapUrl[] }[]): string {
  const body = parts.map((part) => `<sitemap><loc>${escapeXml(part.url)}</loc>${lastmodElement(lastmodOf(part.urls))}</sitemap>\n`).join('');
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${body}</sitemapindex>\n`;
}

/**
 * Splits a group of URLs into parts of at most `max`: "<base>.xml", then
 * "<base>-2.xml", ... in the order given, so earlier files stay stable.
 */
export function splitIntoParts(base: string, urls: readonly SitemapUrl[], max = SITEMAP_MAX_URLS): SitemapPart[] {
  if (urls.length === 0) return [];
  const parts: SitemapPart[] = [];
  for (let start = 0; start < urls.length; start += max) {
    const index = start / max + 1;
    parts.push({ name: index === 1 ? `${base}.xml` : `${base}-${index}.xml`, urls: urls.slice(start, start + max) });
  }
  return parts;
}

export interface SitemapArticle {
  url: string;
  published: Date;
  modified?: Date | undefined;
}

/**
 * Article URLs grouped by year of publication, oldest first within a year, so an
 * archive year's file never changes again and a new piece touches only this year's.
 */
export function articleParts<T extends SitemapArticle>(articles: readonly T[], yearOf: (article: T) => string, max = SITEMAP_MAX_URLS): SitemapPart[] {
  const byYear = new Map<string, T[]>();
  for (const article of articles) {
    const year = yearOf(article);
    let group = byYear.get(year);
    if (!group) byYear.set(year, (group = []));
    group.push(article);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([year, group]) =>
      splitIntoParts(
        `articles-${year}`,
        [...group]
          .sort((a, b) => a.published.getTime() - b.published.getTime() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
          .map((article) => ({ url: article.url, lastmod: article.modified ?? article.published })),
        max,
      ),
    );
}

export interface NewsArticle extends SitemapArticle {
  title: string;
}

/** Pieces published in the `NEWS_MAX_AGE_HOURS` before `now`, newest first, at most `NEWS_MAX_URLS`. */
export function recentForNews<T extends { published: Date; slug: string }>(articles: readonly T[], now: Date): T[] {
  const since = now.getTime() - NEWS_MAX_AGE_HOURS * 3_600_000;
  return articles
    .filter((article) => article.published.getTime() > since && article.published.getTime() <= now.getTime())
    .sort(compareNewestFirst)
    .slice(0, NEWS_MAX_URLS);
}

/** A Google News sitemap; with no recent pieces it is an empty, valid urlset. */
export function newsSitemapXml(articles: readonly NewsArticle[], publication: { name: string; language: string }): string {
  // Google News wants the ISO 639 code ("en", "zh-cn" and "zh-tw" being the exceptions).
  const language = /^zh-(tw|hk|hant)/i.test(publication.language) ? 'zh-tw' : /^zh/i.test(publication.language) ? 'zh-cn' : publication.language.split('-')[0]!.toLowerCase();
  const body = articles
    .map(
      (article) =>
        `<url><loc>${escapeXml(article.url)}</loc><news:news><news:publication><news:name>${escapeXml(publication.name)}</news:name>` +
        `<news:language>${language}</news:language></news:publication>` +
        `<news:publication_date>${article.published.toISOString()}</news:publication_date><news:title>${escapeXml(article.title)}</news:title></news:news></url>\n`,
    )
    .join('');
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body}</urlset>\n`;
}
