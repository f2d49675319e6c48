/**
 * What crawlers, feed readers and social networks get: share images, JSON-LD,
 * feeds. Built from the plain data of content.ts with the pure functions of
 * src/lib, once per article per build.
 */
import path from 'node:path';
import sharp from 'sharp';
import { base, site, sitePath, articleBodyHtml, type ArticleView, type AuthorView, type SectionView, type SeriesView } from './content.ts';
import { shareRendition } from '../lib/media/photos.ts';
import { publisherPolicies } from './pages.ts';
import { absoluteUrl, homePath, listFeedPath, searchPath, siteFeedPath } from '../lib/urls.ts';
import { publicDir } from '../lib/build-settings.ts';
import { breadcrumbList, homeGraph, newsArticle, seriesPageJsonLd, type JsonLdPublisher } from '../lib/distribution/json-ld.ts';
import { FEED_ITEM_LIMIT, SITE_FEED_SUBJECT, feedContentHtml, feedTitle, rssFeed, type FeedImage } from '../lib/distribution/feeds.ts';
import { photoCreditLine, republishCreditLine } from '../lib/media/credits.ts';

export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  type: string;
}

/** The absolute address of a path readers request (already under the base). */
const absolute = (path: string) => absoluteUrl(path, site.url);

/** The card for pages without a photo, with its real size read from the public folder. */
export const siteShareImage: ShareImage | undefined = site.shareImage
  ? await (async () => {
      const file = path.join(publicDir(), site.shareImage!.src);
      const { width = 0, height = 0, format } = await sharp(file).metadata();
      return { url: absolute(sitePath(site.shareImage!.src)), width, height, alt: site.shareImage!.alt, type: format === 'png' ? 'image/png' : 'image/jpeg' };
    })()
  : undefined;

export function articleShareImage(article: ArticleView): ShareImage | undefined {
  if (!article.hero) return siteShareImage;
  const rendition = shareRendition(article.hero.image, base);
  return { url: absolute(rendition.src), width: rendition.width, height: rendition.height, alt: article.hero.alt, type: rendition.type };
}

export const publisher: JsonLdPublisher = {
  name: site.name,
  url: absolute(sitePath(homePath())),
  logo: { url: absolute(sitePath(site.logo.src)) },
  policies: publisherPolicies(absolute),
};

/** NewsArticle (by type) and BreadcrumbList for an article page. */
export function articleJsonLd(article: ArticleView): unknown[] {
  const image = article.hero ? articleShareImage(article) : undefined;
  return [
    newsArticle({
      type: article.type,
      url: article.absoluteUrl,
      headline: article.title,
      description: article.dek,
      published: article.published,
      modified: article.modified,
      authors: article.authors.map((author) => ({ name: author.name, url: absolute(author.url) })),
      section: article.section.name,
      keywords: article.tags,
      images: image && article.hero ? [{ url: image.url, width: image.width, height: image.height, caption: article.hero.caption, credit: article.hero.credit }] : [],
      language: site.language,
      publisher,
      wordCount: article.wordCount,
      isBasedOn: article.republished?.url,
      series: article.series ? { name: article.series.title, url: article.series.absoluteUrl } : undefined,
    }),
    breadcrumbList([
      { name: site.name, url: absolute(sitePath(homePath())) },
      { name: article.section.name, url: absolute(article.section.url) },
      { name: article.title, url: article.absoluteUrl },
    ]),
  ];
}

/** The CreativeWorkSeries of a series page, with its parts in order. */
export function seriesJsonLd(series: SeriesView): unknown[] {
  return [
    seriesPageJsonLd({
      series: { name: series.title, url: series.absoluteUrl },
      description: series.description,
      language: site.language,
      publisher,
      parts: series.parts.map((part) => ({ url: part.article.absoluteUrl, headline: part.article.title, position: part.number })),
    }),
  ];
}

export const homeJsonLd = homeGraph({
  publisher,
  description: site.description,
  language: site.language,
  sameAs: site.social.filter((link) => link.network !== 'rss').map((link) => link.url),
  searchUrl: absolute(sitePath(searchPath())),
});

// --- feeds ---------------------------------------------------------------------

export interface FeedLink {
  title: string;
  href: string;
}

/** The site-wide feed, linked from every page. */
export const siteFeed: FeedLink = { title: feedTitle(site.name, SITE_FEED_SUBJECT), href: sitePath(siteFeedPath()) };

/** The feed that follows a list page (its address under the base), named after what the list shows. */
const listFeed = (subject: string, listUrl: string): FeedLink => ({ title: feedTitle(site.name, subject), href: listFeedPath(listUrl) });
/** A section's or a short-takes brand's feed, linked from its pages and its articles. */
export const sectionFeed = (section: SectionView): FeedLink => listFeed(section.name, section.url);
export const authorFeed = (author: AuthorView): FeedLink => listFeed(author.name, author.url);
export const seriesFeed = (series: SeriesView): FeedLink => listFeed(series.title, series.url);

// An article appears in the site feed, its section's and each author's: render its item once.
const feedContent = new Map<string, { html: string; image?: FeedImage }>();

function itemContent(article: ArticleView): { html: string; image?: FeedImage } {
  let content = feedContent.get(article.slug);
  if (!content) {
    const share = article.hero ? articleShareImage(article) : undefined;
    const image = share && article.hero ? { ...share, credit: article.hero.credit } : undefined;
    const html = feedContentHtml({
      articleUrl: article.absoluteUrl,
      bodyHtml: articleBodyHtml(article),
      image,
      photoCredit: article.hero ? photoCreditLine(article.hero) : undefined,
      closingLines: article.republished ? [republishCreditLine(article.republished)] : [],
    });
    content = image ? { html, image } : { html };
    feedContent.set(article.slug, content);
  }
  return content;
}

/** An RSS response for a page's newest pieces (`articles` newest first). */
export async function feedResponse(input: { title: string; description: string; pagePath: string; feedPath: string; articles: readonly ArticleView[] }): Promise<Response> {
  const newest = input.articles.slice(0, FEED_ITEM_LIMIT);
  const items = await Promise.all(
    newest.map(async (article) => {
      const content = itemContent(article);
      return {
        url: article.absoluteUrl,
        title: article.title,
        dek: article.dek,
        published: article.published,
        authors: article.authors.map((author) => author.name),
        categories: [article.section.name, ...article.tags],
        image: content.image,
        contentHtml: content.html,
      };
    }),
  );
  const xml = await rssFeed(
    {
      title: input.title,
      description: input.description,
      pageUrl: absolute(input.pagePath),
      feedUrl: absolute(input.feedPath),
      language: site.language,
      copyright: site.copyright,
    },
    items,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
