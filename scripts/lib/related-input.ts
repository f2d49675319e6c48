/**
 * Related-story documents straight from validated content, without Astro: for
 * the `npm run related` explainer. Bodies come from the build's render cache
 * when it holds them (same key as the build's), rendered here otherwise.
 */
import { RenderCache } from '../../src/lib/render-cache.ts';
import { isPublic } from '../../src/lib/content/visibility.ts';
import type { ArticleRecord } from '../../src/lib/content/validate.ts';
import type { RelatedDocument } from '../../src/lib/related/ranking.ts';
import { createProcessor } from '../../src/markdown/pipeline.ts';
import { articleBodyHash, renderArticleBody } from '../../src/markdown/render-article.ts';
import { relatedDocument } from '../../src/markdown/related-document.ts';

export function relatedDocuments(articles: readonly ArticleRecord[], siteUrl: string, now: Date, cache = new RenderCache()): RelatedDocument[] {
  let processor: ReturnType<typeof createProcessor> | undefined;
  return articles
    .filter((article) => isPublic(article.data, now))
    .map((article) => {
      const hash = articleBodyHash({ siteUrl }, article.bodyDigest);
      let bodyTerms = cache.get(hash)?.bodyTerms;
      if (!bodyTerms) {
        processor ??= createProcessor({ siteUrl });
        bodyTerms = renderArticleBody(processor, { hash, markdown: article.body }).bodyTerms;
      }
      return relatedDocument({ ...article.data, slug: article.slug }, bodyTerms);
    });
}
