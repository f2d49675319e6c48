/**
 * Related-story documents: one recipe for an article's weighted terms (its
 * title, dek and tags, and its body's words as the render cache keeps them),
 * for the build (src/data/content.ts), the `npm run related` explainer and the
 * benchmark (scripts/lib/related-input.ts).
 */
import { articleTerms, bodyTermCounts } from './text-terms.ts';
import type { RelatedDocument } from '../lib/related/ranking.ts';

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
