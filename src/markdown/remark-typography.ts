/**
 * Typographic quotes, apostrophes, dashes and ellipses, applied to Markdown text
 * nodes. remark-smartypants does the same through a natural-language parser and
 * costs ~7 ms per article (DESIGN.md); this walks the text once, carrying the
 * previous character across inline nodes so `"*word*"` still gets the right quotes.
 */
import type { Root, RootContent, Parent } from 'mdast';

const OPENING_CONTEXT = /[\s([{\u2014\u2013\u201c\u2018-]/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const NEEDS_WORK = /["'.-]/;

/** Rewrites one run of text. `previous` is the character before it ('' at the start of a block). */
export function smartenText(text: string, previous: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  let out = '';
  let before = previous;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1] ?? '';
    let replacement = char;
    if (char === '"') {
      replacement = before === '' || OPENING_CONTEXT.test(before) ? '\u201c' : '\u201d';
    } else if (char === "'") {
      if (WORD_CHARACTER.test(before)) replacement = '\u2019';
      else if (/\d/.test(next) && /\d/.test(text[i + 2] ?? '') && !/\d/.test(text[i + 3] ?? '')) replacement = '\u2019'; // '90s
      else if (before === '' || OPENING_CONTEXT.test(before)) replacement = '\u2018';
      else replacement = '\u2019';
    } else if (char === '-' && next === '-') {
      const triple = text[i + 2] === '-';
      const betweenDigits = !triple && /\d/.test(before) && /\d/.test(text[i + 2] ?? '');
      replacement = betweenDigits ? '\u2013' : '\u2014';
      i += triple ? 2 : 1;
    } else if (char === '.' && next === '.' && text[i + 2] === '.') {
      replacement = '\u2026';
      i += 2;
    }
    out += replacement;
    before = replacement;
  }
  return out;
}

const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const SKIP = new Set(['code', 'inlineCode', 'html', 'math', 'inlineMath', 'yaml']);

/** Walks the inline content of one block, smartening text and carrying context between nodes. */
function smartenInline(parent: Parent, state: { previous: string }) {
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'text') {
      child.value = smartenText(child.value, state.previous);
      if (child.value) state.previous = child.value[child.value.length - 1]!;
    } else if (child.type === 'inlineCode') {
      state.previous = 'x';
    } else if (child.type === 'break') {
      state.previous = ' ';
    } else if ('children' in child && !SKIP.has(child.type)) {
      smartenInline(child as Parent, state);
    }
  }
}

function walkBlocks(node: Parent) {
  for (const child of node.children as RootContent[]) {
    if (PHRASING_BLOCKS.has(child.type)) smartenInline(child as Parent, { previous: '' });
    else if ('children' in child && !SKIP.has(child.type)) walkBlocks(child as Parent);
  }
}

export default function remarkTypography() {
  return (tree: Root) => {
    walkBlocks(tree);
  };
}
