/**
 * Related-story documents: one recipe for an article's weighted terms (its
 * title, dek and tags, and its body's words as the render cache keeps them),
 * for the build (src/data/content.ts) and, straight from validated content
 * without Astro, for the `npm run related` explainer and the benchmark.
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
      return relatedDocument({ ...article.data, slug: article.slug }, bodyTerms);
    });
}

/** An article's document for ranking, from its frontmatter (as written, before typography) and its body's words. */
export function relatedDocument(
  article: { slug: string; section: string; tags: readonly string[]; published: Date; title: string; dek: string },
  bodyTerms: readonly (readonly [string, number])[],
): RelatedDocument {
  const { slug, section, tags, published, title, dek } = article;
  return { slug, section, tags, published, terms: articleTerms({ title, dek, tags, body: bodyTerms }) };
}

/** Plain-text body words, for callers that have no rendered body (fixtures, benchmarks). */
export function plainTextDocument(input: { slug: string; section: string; tags: string[]; published: Date; title: string; dek: string; text: string }): RelatedDocument {
  return relatedDocument(input, bodyTermCounts(input.text));
}
