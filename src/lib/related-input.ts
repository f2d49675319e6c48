/**
 * Related-story documents straight from validated content, without Astro: the
 * `npm run related` explainer and the benchmark use this; the build gets the
 * same terms from its loader.
 */
import { RenderCache, renderHash } from './render-cache.ts';
import { articleTerms, bodyTermCounts } from './text-terms.ts';
import { isPublic } from './visibility.ts';
import type { ArticleRecord } from './validate.ts';
import type { RelatedDocument } from './related.ts';
import { PIPELINE_VERSION, createProcessor } from '../markdown/pipeline.ts';
import { renderArticleBody } from '../markdown/render-article.ts';

export function relatedDocuments(articles: readonly ArticleRecord[], siteUrl: string, now: Date, cache = new RenderCache()): RelatedDocument[] {
  let processor: ReturnType<typeof createProcessor> | undefined;
  return articles
    .filter((article) => isPublic(article.data, now))
    .map((article) => {
      const hash = renderHash([PIPELINE_VERSION, siteUrl, article.body]);
      let bodyTerms = cache.get(hash)?.bodyTerms;
      if (!bodyTerms) {
        processor ??= createProcessor({ siteUrl });
        bodyTerms = renderArticleBody(processor, { hash, markdown: article.body }).bodyTerms;
      }
      const { title, dek, tags, section, published } = article.data;
      return { slug: article.slug, section, tags, published, terms: articleTerms({ title, dek, tags, body: bodyTerms }) };
    });
}

/** Plain-text body words, for callers that have no rendered body (fixtures, benchmarks). */
export function plainTextDocument(input: { slug: string; section: string; tags: string[]; published: Date; title: string; dek: string; text: string }): RelatedDocument {
  const { slug, section, tags, published, title, dek, text } = input;
  return { slug, section, tags, published, terms: articleTerms({ title, dek, tags, body: bodyTermCounts(text) }) };
}
