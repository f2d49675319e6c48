/** One article body in, everything the site keeps of it out: HTML, excerpt, word count, ranking text. */
import { makeExcerpt, type Excerpt } from '../lib/excerpt.ts';
import { bodyTermCounts } from '../lib/text-terms.ts';
import { renderBody, type createProcessor } from './pipeline.ts';
import type { PhotoFacts } from '../lib/photos.ts';

export interface RenderJob {
  hash: string;
  markdown: string;
  /** The body's photos (`::figure`), by src as written; `hash` covers them. */
  photos?: Record<string, PhotoFacts>;
}

export interface RenderedArticle {
  hash: string;
  html: string;
  excerpt: Excerpt;
  wordCount: number;
  /** The body's most frequent words, for related-story ranking. */
  bodyTerms: [string, number][];
  /** Pieces, sections and pages it links to inside the site. */
  siteLinkTargets: string[];
  /** Origins its embeds frame. */
  frameOrigins: string[];
}

export function renderArticleBody(processor: ReturnType<typeof createProcessor>, job: RenderJob): RenderedArticle {
  const result = renderBody(processor, job.markdown, job.photos);
  return {
    hash: job.hash,
    html: result.html,
    excerpt: makeExcerpt(result.blocks),
    wordCount: result.wordCount,
    bodyTerms: bodyTermCounts(result.blocks.map((block) => block.text).join('\n')),
    siteLinkTargets: result.siteLinkTargets,
    frameOrigins: result.frameOrigins,
  };
}
