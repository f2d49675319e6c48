import type { APIRoute, GetStaticPaths } from 'astro';
import { site, authors, articlesByAuthor, type AuthorView } from '../../../data/content.ts';
import { authorFeed, feedResponse } from '../../../data/distribution.ts';
import { authorFeedDescription } from '../../../lib/distribution/feeds.ts';
import { feedShown, pageKey } from '../../../data/page-keys.ts';

export const getStaticPaths = (() =>
  authors.map((author) => ({ params: { id: author.id }, props: { author }, cacheKey: pageKey('author-feed', author, feedShown(articlesByAuthor(author.id))) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { author } = props as { author: AuthorView };
  const feed = authorFeed(author);
  return feedResponse({
    title: feed.title,
    description: authorFeedDescription(site.name, author),
    pagePath: author.url,
    feedPath: feed.href,
    articles: articlesByAuthor(author.id),
  });
};
