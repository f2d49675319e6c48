/**
 * Teaser excerpts: the article's opening paragraphs as clean text, cut at a
 * sentence boundary when one is near, otherwise at a word, never mid-word.
 */
import type { Excerpt } from '../lib/presentation/teaser.ts';

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

/** Where truncateText would cut, without the ellipsis: the index into `text`. */
function cutIndex(text: string, max: number): { index: number; atSentence: boolean } {
  if (text.length <= max) return { index: text.length, atSentence: true };
  const cut = truncateText(text, max);
  return cut.endsWith('\u2026') ? { index: cut.length - 1, atSentence: false } : { index: cut.length, atSentence: true };
}

/** A lead of at most this many characters shows collapsed. */
export const LEAD_CHARS = 280;

/**
 * The opening paragraphs of a body (from its rendered blocks), within the
 * limits, split into a short lead and the rest: the text of a teaser's
 * "keep reading". Cuts fall at sentence ends where possible, else at words.
 */
export function makeExcerpt(blocks: readonly { tag: string; text: string }[], options: ExcerptOptions = DEFAULT_EXCERPT): Excerpt {
  const paragraphs: string[] = [];
  for (const block of blocks) {
    if (block.tag !== 'p') {
      if (paragraphs.length > 0) break; // the opening ends at the first sub-heading or quote
      continue;
    }
    if (paragraphs.length >= options.maxParagraphs) break;
    paragraphs.push(block.text);
  }
  const [first, ...rest] = paragraphs;
  if (first === undefined) return { lead: '', more: [] };
  const leadCut = cutIndex(first, Math.min(LEAD_CHARS, options.maxChars));
  const lead = leadCut.atSentence ? first.slice(0, leadCut.index) : `${first.slice(0, leadCut.index)}\u2026`;
  const more: string[] = [];
  let remaining = options.maxChars - leadCut.index;
  const continuation = first.slice(leadCut.index).trim();
  for (const paragraph of continuation ? [(leadCut.atSentence ? '' : '\u2026') + continuation, ...rest] : rest) {
    if (remaining < 40) break;
    const text = truncateText(paragraph, remaining);
    more.push(text);
    remaining -= text.length;
    if (text.endsWith('\u2026') && text.length < paragraph.length) break;
  }
  return { lead, more };
}
