/**
 * Reading time, as article pages and teasers show it ("5 min read"). Adults
 * read continuous non-fiction at roughly 230 words a minute (Brysbaert 2019,
 * a meta-analysis of 190 studies: 238 for non-fiction); a round figure is all a
 * reader needs, so it is whole minutes and never under one.
 */

export const WORDS_PER_MINUTE = 230;

/** Whole minutes to read `wordCount` words: rounded to the nearest minute, at least 1. */
export function readingMinutes(wordCount: number): number {
  if (!Number.isFinite(wordCount) || wordCount <= 0) return 1;
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** "5 min read". */
export function readingTimeLabel(wordCount: number): string {
  return `${readingMinutes(wordCount)} min read`;
}
