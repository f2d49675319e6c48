import type { APIRoute, GetStaticPaths } from 'astro';
import { site, authors, articlesByAuthor, type AuthorView } from '../../../data/content.ts';
import { authorFeedPath, feedResponse } from '../../../data/distribution.ts';
import { feedShown, pageKey } from '../../../data/page-keys.ts';

export const getStaticPaths = (() =>
  authors.map((author) => ({ params: { id: author.id }, props: { author }, cacheKey: pageKey('author-feed', author, feedShown(articlesByAuthor(author.id))) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { author } = props as { author: AuthorView };
  return feedResponse({
    title: `${site.name}: ${author.name}`,
    description: `Articles by ${author.name}${author.role ? `, ${author.role}` : ''}, from ${site.name}`,
    pagePath: author.url,
    feedPath: authorFeedPath(author.url),
    articles: articlesByAuthor(author.id),
  });
};
