/** One article body in, everything the site keeps of it out: HTML, excerpt, word count, ranking text. */
import { makeExcerpt } from '../lib/excerpt.ts';
import { renderBody, type createProcessor } from './pipeline.ts';

export interface RenderJob {
  hash: string;
  markdown: string;
}

export interface RenderedArticle {
  hash: string;
  html: string;
  excerpt: string[];
  wordCount: number;
  text: string;
}

export function renderArticleBody(processor: ReturnType<typeof createProcessor>, job: RenderJob): RenderedArticle {
  const result = renderBody(processor, job.markdown);
  return {
    hash: job.hash,
    html: result.html,
    excerpt: makeExcerpt(result.blocks),
    wordCount: result.wordCount,
    text: result.blocks.map((block) => block.text).join('\n'),
  };
}
