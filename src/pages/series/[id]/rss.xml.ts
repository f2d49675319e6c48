import type { APIRoute, GetStaticPaths } from 'astro';
import { seriesList, type SeriesView } from '../../../data/content.ts';
import { compareNewestFirst } from '../../../lib/content/visibility.ts';
import { feedResponse, seriesFeed } from '../../../data/distribution.ts';
import { feedShown, pageKey } from '../../../data/page-keys.ts';

/** A series' parts, newest first, as every feed lists its items: a reader following the series gets each new part. */
const newestFirst = (series: SeriesView) => series.parts.map((part) => part.article).sort(compareNewestFirst);

export const getStaticPaths = (() =>
  seriesList.map((series) => {
    const { parts: _parts, ...about } = series;
    return { params: { id: series.id }, props: { series }, cacheKey: pageKey('series-feed', about, feedShown(newestFirst(series))) };
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { series } = props as { series: SeriesView };
  const feed = seriesFeed(series);
  return feedResponse({
    title: feed.title,
    description: series.description,
    pagePath: series.url,
    feedPath: feed.href,
    articles: newestFirst(series),
  });
};
