/** One article body in, everything the site keeps of it out: HTML, excerpt, word count, ranking text. */
import { makeExcerpt } from './excerpt.ts';
import type { Excerpt } from '../lib/presentation/teaser.ts';
import { bodyTermCounts } from './text-terms.ts';
import { PIPELINE_VERSION, renderBody, type createProcessor, type PipelineOptions } from './pipeline.ts';
import { renderHash, summaryOf, type RenderCache, type RenderSummary } from '../lib/render-cache.ts';
import type { PhotoFacts } from '../lib/media/photos.ts';

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

/**
 * The render cache's key of a body: everything its HTML depends on (the
 * pipeline's version, the site's address and base path, the Markdown by its
 * digest, the digests of its photos). One recipe for the build's loader and
 * the explainer. The Markdown's digest is the validator's (`bodyDigest`, see
 * src/lib/content/validate/article-file.ts), so a build that finds every body
 * rendered never reads one.
 */
export function articleBodyHash(pipeline: PipelineOptions, bodyDigest: string, photosKey = ''): string {
  return renderHash([PIPELINE_VERSION, pipeline.siteUrl, pipeline.base ?? '/', bodyDigest, photosKey]);
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

/** A body rendered into the cache: its hash and what list pages show of it. */
export interface CachedBody {
  hash: string;
  summary: RenderSummary;
}

/** Renders one body and stores its HTML and metadata in the cache. */
export function renderIntoCache(processor: ReturnType<typeof createProcessor>, cache: RenderCache, job: RenderJob): CachedBody {
  const { hash, html, ...meta } = renderArticleBody(processor, job);
  cache.put(hash, html, meta);
  return { hash, summary: summaryOf(meta) };
}
