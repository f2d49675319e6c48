/**
 * Teaser excerpts: the article's opening paragraphs as clean text, cut at a
 * sentence boundary when one is near, otherwise at a word, never mid-word.
 */

export interface ExcerptOptions {
  /** Most characters across all excerpt paragraphs. */
  maxChars: number;
  /** Most paragraphs. */
  maxParagraphs: number;
}

export const DEFAULT_EXCERPT: ExcerptOptions = { maxChars: 700, maxParagraphs: 3 };

const SENTENCE_END = /[.!?\u2026]["\u201d\u2019')\]]?(?=\s|$)/g;

/** Cuts `text` to at most `max` characters: at the last sentence end past half-way, else at a word, adding "…". */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max + 1);
  let sentenceEnd = -1;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(window); match; match = SENTENCE_END.exec(window)) {
    const end = match.index + match[0].length;
    if (end <= max) sentenceEnd = end;
  }
  if (sentenceEnd >= max * 0.5) return window.slice(0, sentenceEnd);
  const wordEnd = window.lastIndexOf(' ', max - 1);
  const cut = wordEnd > 0 ? window.slice(0, wordEnd) : window.slice(0, max - 1);
  return `${cut.replace(/[\s,;:\u2014\u2013-]+$/, '')}\u2026`;
}

/** Opening paragraphs of a body (from its rendered blocks), within the limits. */
export function makeExcerpt(blocks: readonly { tag: string; text: string }[], options: ExcerptOptions = DEFAULT_EXCERPT): string[] {
  const paragraphs: string[] = [];
  let remaining = options.maxChars;
  for (const block of blocks) {
    if (block.tag !== 'p') {
      if (paragraphs.length > 0) break; // the opening ends at the first sub-heading or quote
      continue;
    }
    if (paragraphs.length >= options.maxParagraphs || remaining < 40) break;
    const text = truncateText(block.text, remaining);
    paragraphs.push(text);
    remaining -= text.length;
    if (text.endsWith('\u2026')) break;
  }
  return paragraphs;
}
