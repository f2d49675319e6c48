/**
 * Cache keys of the incremental build (Astro's `experimental.incrementalBuild`):
 * a page whose key equals the last build's, with unchanged template code
 * (Astro hashes the route's modules itself), is restored instead of rendered.
 * A key must therefore cover everything the page shows that does not come from
 * code: the site's settings and navigation, the piece or list it shows, every
 * teaser on it. Keys are digests of the very view objects the templates read,
 * so a field added to a view is covered without touching this file.
 * tests/build/incremental.test.ts holds incremental builds to cold ones, byte
 * for byte.
 */
import { createHash } from 'node:crypto';
import { base, previewBuild, site, logo, sections, copyrightYear, relatedTo, type ArticleView, type AuthorView, type SeriesView } from './content.ts';
import { footerLinks, publisherPolicies } from './pages.ts';
import type { ListingPage } from './listings.ts';
import { FEED_ITEM_LIMIT } from '../lib/distribution/feeds.ts';
import { readingMinutes } from '../lib/presentation/reading-time.ts';
import { ASTRO_COMMAND_VARIABLE } from '../integrations/astro-command.ts';

/** The preview renders every request afresh and never reads keys: computing them for every page would only delay each saved edit. */
const keyed = process.env[ASTRO_COMMAND_VARIABLE] !== 'dev';

function digest(...parts: unknown[]): string {
  if (!keyed) return '';
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}

/**
 * What every page shows around its content: head, header (its logo and size), navigation, newsletter, footer (its site pages), the publisher's
 * structured data, and the base path and preview mode that every address and the robots meta depend on.
 */
const chrome = digest(site, logo, sections, copyrightYear, footerLinks, publisherPolicies((sitePath) => sitePath), base, previewBuild);

const fullDigests = new WeakMap<ArticleView, string>();
const teaserDigests = new WeakMap<ArticleView, string>();
const authorDigests = new WeakMap<AuthorView, string>();

/** An author as pages show them (bio, photo, links): digested once, not once per piece. */
function authorDigest(author: AuthorView): string {
  let value = authorDigests.get(author);
  if (value === undefined) authorDigests.set(author, (value = digest(author)));
  return value;
}

/** Everything a piece's own page and its feed item show: the whole view, authors and section included. */
export function articleDigest(article: ArticleView): string {
  let value = fullDigests.get(article);
  if (value === undefined) fullDigests.set(article, (value = digest({ ...article, authors: article.authors.map(authorDigest) })));
  return value;
}

/** What a teaser or a headline shows of a piece (src/lib/presentation/teaser.ts, src/lib/presentation/headline-list.ts). */
export function teaserDigest(article: ArticleView): string {
  let value = teaserDigests.get(article);
  if (value === undefined) {
    const { url, title, sectionLabel, section, dates, excerpt, hero, wordCount } = article;
    teaserDigests.set(article, (value = digest(url, title, sectionLabel, section.url, dates.published, excerpt, hero, readingMinutes(wordCount))));
  }
  return value;
}

/**
 * Key of a piece's page: the piece, its related-story teasers and the section's pieces that fill a thin
 * rail (a new or withdrawn piece in the section can change those), with their heading.
 */
export function articlePageKey(article: ArticleView): string {
  if (!keyed) return '';
  const { related, moreFromSection, moreFromSectionHeading } = relatedTo(article);
  return pageKey('article', articleDigest(article), related.map(teaserDigest), moreFromSection.map(teaserDigest), moreFromSectionHeading);
}

/** Key of a page: its kind, the chrome, and what it shows. */
export function pageKey(kind: string, ...shown: unknown[]): string {
  return digest(kind, chrome, ...shown);
}

/** What a series page shows: the series, and each visible part's number and teaser. */
export function seriesShown(series: SeriesView): unknown {
  const { parts, ...about } = series;
  return { about, parts: parts.map((part) => [part.number, teaserDigest(part.article)]) };
}

/** What a feed shows: its newest pieces, whole. */
export function feedShown(newestFirst: readonly ArticleView[]): unknown {
  return newestFirst.slice(0, FEED_ITEM_LIMIT).map(articleDigest);
}

/** What a list page shows: its teasers and its page navigation. */
export function listingShown(listing: ListingPage): unknown {
  return { items: listing.items.map(teaserDigest), navigation: listing.navigation, pageNumber: listing.pageNumber };
}
