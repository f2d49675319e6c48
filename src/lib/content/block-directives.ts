/**
 * Block directives: the Markdown features written `::name[label]{attributes}`
 * (one line) or `:::name[label]` ... `:::` (a box of paragraphs). Text
 * directives (`:name`) are never features: prose is full of colons ("10:30").
 *
 * KNOWN_BLOCK_DIRECTIVES is the one list of names the validator accepts; every
 * other name is an error that lists these. A feature that adds a directive
 * adds its name here (and its plugin in src/markdown/pipeline.ts).
 */
import { EMBED_DIRECTIVE } from '../media/embeds.ts';

export const KNOWN_BLOCK_DIRECTIVES: string[] = ['figure', 'pullquote', 'aside', EMBED_DIRECTIVE];

/** How each known directive is written, for messages. */
export const BLOCK_DIRECTIVE_USAGE: Record<string, string> = {
  figure: '::figure[Caption]{src="../../images/map.jpg" alt="What the photo shows" credit="Jane Doe/Reuters"}',
  pullquote: '::pullquote[A sentence from the text]',
  aside: ':::aside[Title] ... :::',
  [EMBED_DIRECTIVE]: '::embed[What the video, chart or post shows]{url="https://www.youtube.com/watch?v=..."}',
};

/** Attributes of `::figure`, named as the top photo's fields are in frontmatter (`hero: { src, alt, credit }`); the caption is the label. */
export const FIGURE_ATTRIBUTES = ['src', 'alt', 'credit'] as const;

export type FigureAttribute = (typeof FIGURE_ATTRIBUTES)[number];

/** A body photo as the validator found it and the renderer needs it: the path exactly as written. */
export interface BodyFigure {
  src: string;
}

/** Names a reader of messages can pick from: `::figure`, `::pullquote`, `:::aside`... */
export function knownDirectivesList(): string {
  return KNOWN_BLOCK_DIRECTIVES.map((name) => (BLOCK_DIRECTIVE_USAGE[name]?.startsWith(':::') ? `:::${name}` : `::${name}`)).join(', ');
}
