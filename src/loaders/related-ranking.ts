/**
 * What the content loader hands the related-story ranking (src/lib/related/ranked-apart.ts):
 * the pieces the site's data module will rank, in its order (src/data/content.ts):
 * what readers can see, or in the preview and a preview build everything but withdrawn
 * pieces, newest first.
 */
import type { ArticleRecord } from '../lib/content/validate.ts';
import { compareNewestFirst, isPublic } from '../lib/content/visibility.ts';
import type { RankingInput } from '../lib/related/ranked-apart.ts';

export function rankingInputs(articles: readonly ArticleRecord[], bodyHashOf: (article: ArticleRecord) => string, now: Date, showUnpublished: boolean): RankingInput[] {
  return articles
    .filter((article) => (showUnpublished ? article.data.withdrawn === undefined : isPublic(article.data, now)))
    .map((article) => {
      const { section, tags, published, title, dek } = article.data;
      return { slug: article.slug, section: String(section), tags, published, title, dek, bodyHash: bodyHashOf(article) };
    })
    .sort(compareNewestFirst);
}
