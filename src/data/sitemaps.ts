/** The sitemap parts of this build, computed once and shared by the index and each part. */
import {
  site,
  sections,
  authors,
  articles,
  articlesInSection,
  articlesByAuthor,
  articlesByTag,
  seriesList,
  previewBuild,
  sitePath,
  type ArticleView,
} from './content.ts';
import { absoluteUrl, homePath, latestPath, sitemapPartPath, tagPath } from '../lib/urls.ts';
import { localDateKey } from '../lib/dates.ts';
import { articleParts, splitIntoParts, type SitemapPart, type SitemapUrl } from '../lib/distribution/sitemap.ts';
import { sitePages } from './pages.ts';

/** A site path's absolute address, under the base. */
const absolute = (path: string) => absoluteUrl(sitePath(path), site.url);
const lastChange = (article: ArticleView) => article.modified ?? article.published;
const newestChange = (list: readonly ArticleView[]) =>
  list.reduce<Date | undefined>((newest, article) => (!newest || lastChange(article) > newest ? lastChange(article) : newest), undefined);

/**
 * The pieces the sitemaps list. Pieces canonical elsewhere are readable here but belong in the rights
 * holder's sitemap, not ours; a preview build lists nothing, as nothing of it is to be indexed.
 */
export const canonicalArticles = previewBuild ? [] : articles.filter((article) => article.canonicalUrl === article.absoluteUrl);

const listPages: SitemapUrl[] = previewBuild
  ? []
  : [
      { url: absolute(homePath()), lastmod: newestChange(articles) },
      { url: absolute(latestPath()), lastmod: newestChange(articles) },
      ...sections.map((section) => ({ url: absoluteUrl(section.url, site.url), lastmod: newestChange(articlesInSection(section.id)) })),
      ...authors.map((author) => ({ url: absoluteUrl(author.url, site.url), lastmod: newestChange(articlesByAuthor(author.id)) })),
      ...[...articlesByTag()].map(([tag, tagged]) => ({ url: absolute(tagPath(tag)), lastmod: newestChange(tagged) })),
      ...seriesList.map((series) => ({ url: series.absoluteUrl, lastmod: newestChange(series.parts.map((part) => part.article)) })),
      ...sitePages.map((page) => ({ url: absoluteUrl(page.url, site.url), lastmod: undefined })),
    ];

export const sitemapParts: SitemapPart[] = [
  ...splitIntoParts('pages', listPages),
  ...articleParts(
    canonicalArticles.map((article) => ({ url: article.absoluteUrl, published: article.published, modified: article.modified })),
    (article) => localDateKey(article.published, site.timeZone).slice(0, 4),
  ),
];

export const sitemapPartUrl = (part: SitemapPart) => absolute(sitemapPartPath(part.name));
