/**
 * Words that say what a piece is about: lowercased, stop words, numbers and words
 * under three letters out (but two-capital abbreviations such as "EU" in), plurals
 * folded. Used by related-story ranking; computed once per body hash.
 */

// Function words and newsroom filler that every article shares.
const STOP_WORDS = new Set(
  `a about above after again against all almost also although always am among an and another any are aren't around as at away
  back be became because become becomes been before being below between both but by can cannot could couldn't did didn't do does
  doesn't doing don't down during each either else enough even ever every few first for from further get gets getting given
  had hadn't has hasn't have haven't having he her here hers herself him himself his how however i if in into is isn't it it's
  its itself just last least less let like likely made make makes many may might more most much must my myself neither never
  new next no nor not now of off often on once one only or other others otherwise our ours ourselves out over own part per
  perhaps put rather really said same say says second see seem seems several shall she should shouldn't since so some still
  such take than that that's the their theirs them themselves then there there's these they they're thing things this those
  though three through thus to too took toward towards two under until up upon us use used very via was wasn't way ways we were
  weren't what what's when where whether which while who whom whose why will with within without won't would wouldn't year
  years yet you your yours yourself also across already because told according including week weeks month months day days
  time times long much less lot lots want wants well went whose officials official analyst analysts said says`.split(/\s+/),
);

/** Folds simple English plurals so "sanctions" and "sanction" meet. */
export function foldPlural(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

const WORD = /[\p{L}][\p{L}\p{Mn}'’-]*[\p{L}]|[\p{L}]{1}/gu;

const APOSTROPHE = /['’]/;

/** Two capitals: an abbreviation (EU, UN, UK, AI), kept though words under three letters are not. */
const ABBREVIATION = /^\p{Lu}\p{Lu}$/u;

/** The term a word of text stands for, or undefined when it carries no topic (a stop word, a number, a short word). */
function termOf(word: string): string | undefined {
  // Most words have no apostrophe; testing first spares two replacements per word.
  if (APOSTROPHE.test(word)) word = word.replace(/['’][sS]$/, '').replace(/['’]/g, '');
  // "EU" names a topic in two letters ("the EU's growth plan"): dropped with the short words,
  // the labelled fixture's piece on EU money for Bosnia had next to nothing in common with
  // the other accession pieces (3 of its 120 slots). Capitals that spell a stop word stay
  // out: "US" (the commonest, as plain a word there as "Washington"), and "IT" or "IS" in a
  // heading set in capitals.
  const abbreviation = word.length === 2 && ABBREVIATION.test(word);
  word = word.toLowerCase();
  if ((word.length < 3 && !abbreviation) || STOP_WORDS.has(word)) return undefined;
  return foldPlural(word);
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.match(WORD) ?? []) {
    const term = termOf(word);
    if (term !== undefined) tokens.push(term);
  }
  return tokens;
}

/** Where a word appears says how much it counts. */
export const FIELD_WEIGHTS = { title: 3, dek: 2, tag: 2, body: 1 } as const;

/** Prefix of whole-tag terms, so a tag matches a tag, not just its words. */
export const TAG_PREFIX = '#';

const byWeightThenTerm = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);

/** The `limit` most frequent words of a body, most frequent first: cached with the rendered body. */
export function bodyTermCounts(text: string, limit = 80): [string, number][] {
  // Each distinct word is turned into its term once: a body repeats most of its words
  // (2,000 generated bodies: 0.69 s against 0.78 s per occurrence).
  const words = new Map<string, number>();
  for (const word of text.match(WORD) ?? []) words.set(word, (words.get(word) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const [word, count] of words) {
    const term = termOf(word);
    if (term !== undefined) counts.set(term, (counts.get(term) ?? 0) + count);
  }
  return [...counts].sort(byWeightThenTerm).slice(0, limit);
}

export interface TermSource {
  title: string;
  dek: string;
  tags: readonly string[];
  /** From bodyTermCounts(). */
  body: readonly (readonly [string, number])[];
}

/**
 * Most terms per article handed to the ranking: above what a title, a dek, a few tags and the
 * body's 80 words come to (about 90 to 110 terms), so that in practice every one of them reaches
 * the ranking, which keeps the `termsPerDocument` most specific (src/lib/related/ranking.ts). A cut here can only
 * go by raw counts, blind to specificity: at 48, a short piece's many words used once were kept
 * in alphabetical order, "aid" in and "zambezi" out whatever the piece was about, and the
 * labelled fixture lost 10 of its 120 slots (tests/lib/related.test.ts). The bound is for frontmatter out
 * of the ordinary (twelve long tags, a long dek).
 */
export const ARTICLE_TERMS_LIMIT = 128;

/** Weighted terms of one article, the `limit` heaviest kept, heaviest first (ties by term). */
export function articleTerms(source: TermSource, limit = ARTICLE_TERMS_LIMIT): [string, number][] {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  for (const token of tokenize(source.title)) add(token, FIELD_WEIGHTS.title);
  for (const token of tokenize(source.dek)) add(token, FIELD_WEIGHTS.dek);
  for (const tag of source.tags) {
    add(`${TAG_PREFIX}${tag}`, FIELD_WEIGHTS.tag);
    for (const token of tokenize(tag.replace(/-/g, ' '))) add(token, FIELD_WEIGHTS.body);
  }
  for (const [term, count] of source.body) add(term, count * FIELD_WEIGHTS.body);
  return [...counts].sort(byWeightThenTerm).slice(0, limit);
}

