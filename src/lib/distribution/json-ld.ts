/**
 * Structured data (schema.org JSON-LD) for articles, the home page and
 * breadcrumbs, built from plain data so it can be tested without Astro.
 * Every URL given in is already absolute.
 */
import type { ArticleType } from '../content/schema/index.ts';

/** The most specific schema.org NewsArticle subtype for each kind of piece. */
export const NEWS_ARTICLE_TYPES: Record<ArticleType, string> = {
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  news: 'NewsArticle',
  reporting: 'ReportageNewsArticle',
  interview: 'NewsArticle',
  review: 'ReviewNewsArticle',
  'short-take': 'NewsArticle',
};

export interface JsonLdImage {
  url: string;
  width: number;
  height: number;
  caption?: string | undefined;
  /** The credit line as printed, e.g. "Jane Doe/Reuters". */
  credit: string;
}

/** Pages of the site that describe how the publication works (absolute URLs), where they exist. */
export interface PublisherPolicies {
  /** The standards page: how the newsroom works, what it will and will not do. */
  publishingPrinciples?: string;
  correctionsPolicy?: string;
  ethicsPolicy?: string;
  /** Who the editors and staff are. */
  masthead?: string;
}

export interface JsonLdPublisher {
  name: string;
  url: string;
  logo: { url: string; width?: number; height?: number };
  policies?: PublisherPolicies;
}

export interface NewsArticleInput {
  type: ArticleType;
  url: string;
  headline: string;
  description: string;
  published: Date;
  /** Date of the last substantive change, if any; see `substantiveUpdate`. */
  modified?: Date | undefined;
  authors: { name: string; url: string }[];
  section: string;
  keywords: string[];
  images: JsonLdImage[];
  language: string;
  publisher: JsonLdPublisher;
  wordCount?: number;
  /** Where the piece first appeared, for republished pieces. */
  isBasedOn?: string | undefined;
  /** The series the piece is a part of (its page's absolute address). */
  series?: SeriesReference | undefined;
}

/** A series as structured data names it: its title and the absolute address of its page. */
export interface SeriesReference {
  name: string;
  url: string;
}

/** A schema.org CreativeWorkSeries, identified by its page so every part names the same one. */
export function creativeWorkSeries(series: SeriesReference) {
  return { '@type': 'CreativeWorkSeries', '@id': `${series.url}#series`, name: series.name, url: series.url };
}

/** A series page: the series, with its parts in reading order. */
export function seriesPageJsonLd(input: { series: SeriesReference; description: string; language: string; publisher: JsonLdPublisher; parts: { url: string; headline: string; position: number }[] }) {
  return {
    '@context': 'https://schema.org',
    ...creativeWorkSeries(input.series),
    description: input.description,
    inLanguage: input.language,
    publisher: { '@id': `${input.publisher.url}#organization` },
    hasPart: input.parts.map((part) => ({ '@type': 'NewsArticle', '@id': `${part.url}#article`, url: part.url, headline: part.headline, position: part.position })),
  };
}

/**
 * The date a reader-visible substantive change was made: the editor's `updated`
 * date, or a later correction (a correction is by definition substantive).
 * Typo fixes change neither, so they never move dateModified.
 */
export function substantiveUpdate(updated: Date | undefined, corrections: readonly { date: Date }[]): Date | undefined {
  let latest = updated;
  for (const correction of corrections) {
    if (!latest || correction.date.getTime() > latest.getTime()) latest = correction.date;
  }
  return latest;
}

/**
 * "Jane Doe/Reuters" credits the agency that holds the copyright; a credit
 * without an agency ("Jane Doe", "Meridian Review illustration") is its own holder.
 */
export function copyrightHolderOf(credit: string): string {
  const parts = credit.split('/').map((part) => part.trim()).filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 1]! : credit.trim();
}

function imageObject(image: JsonLdImage) {
  return {
    '@type': 'ImageObject',
    url: image.url,
    contentUrl: image.url,
    width: image.width,
    height: image.height,
    ...(image.caption ? { caption: image.caption } : {}),
    creditText: image.credit,
    copyrightHolder: { '@type': 'Organization', name: copyrightHolderOf(image.credit) },
  };
}

export function organization(publisher: JsonLdPublisher, sameAs: string[] = []) {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${publisher.url}#organization`,
    name: publisher.name,
    url: publisher.url,
    logo: { '@type': 'ImageObject', url: publisher.logo.url, ...(publisher.logo.width ? { width: publisher.logo.width, height: publisher.logo.height } : {}) },
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...publisher.policies,
  };
}

export function newsArticle(input: NewsArticleInput) {
  return {
    '@context': 'https://schema.org',
    '@type': NEWS_ARTICLE_TYPES[input.type],
    '@id': `${input.url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    ...(input.images.length > 0 ? { image: input.images.map(imageObject) } : {}),
    datePublished: input.published.toISOString(),
    ...(input.modified && input.modified.getTime() > input.published.getTime() ? { dateModified: input.modified.toISOString() } : {}),
    author: input.authors.map((author) => ({ '@type': 'Person', name: author.name, url: author.url })),
    publisher: organization(input.publisher),
    articleSection: input.section,
    ...(input.keywords.length > 0 ? { keywords: input.keywords } : {}),
    inLanguage: input.language,
    ...(input.wordCount ? { wordCount: input.wordCount } : {}),
    ...(input.isBasedOn ? { isBasedOn: input.isBasedOn } : {}),
    ...(input.series ? { isPartOf: creativeWorkSeries(input.series) } : {}),
  };
}

/** Home > Section > Headline, for the article's breadcrumb trail in search results. */
export function breadcrumbList(trail: { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

/** The publication and its site, for the home page; the search action points at /search/. */
export function homeGraph(input: { publisher: JsonLdPublisher; description: string; language: string; sameAs: string[]; searchUrl?: string }) {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      organization(input.publisher, input.sameAs),
      {
        '@type': 'WebSite',
        '@id': `${input.publisher.url}#website`,
        url: input.publisher.url,
        name: input.publisher.name,
        description: input.description,
        inLanguage: input.language,
        publisher: { '@id': `${input.publisher.url}#organization` },
        ...(input.searchUrl
          ? {
              potentialAction: {
                '@type': 'SearchAction',
                target: { '@type': 'EntryPoint', urlTemplate: `${input.searchUrl}?q={search_term_string}` },
                'query-input': 'required name=search_term_string',
              },
            }
          : {}),
      },
    ],
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for an inline `<script type="application/ld+json">`. Escaping `<`, `>`
 * and `&` keeps a headline like `</script><script>` from closing the element
 * (the HTML parser ends a script at `</script` whatever the JSON says); U+2028
 * and U+2029 are escaped for consumers that eval JSON as JavaScript. The result
 * is still JSON that parses to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => UNSAFE_IN_SCRIPT[character]!);
}
