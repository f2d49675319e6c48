/** Plain text of a rendered body's top-level blocks: what excerpts and related-story ranking read. */
import type { Element, Root as HastRoot, RootContent } from 'hast';

const TEXT_BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'figure']);

/**
 * Elements whose edges separate words in rendered text (a line break, a new
 * block, a table cell), as the innerText algorithm of hast-util-to-text puts a
 * newline or tab there. Whitespace is collapsed to single spaces afterwards,
 * so for our purposes a space at each edge gives the same text at a tenth of
 * the cost (it was a tenth of a body's rendering time); a test holds the two
 * to the same output.
 */
const SEPARATING = new Set([
  'br', 'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'table', 'caption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'section', 'figure', 'figcaption', 'details', 'summary',
]);

function collectText(node: RootContent, out: string[]): void {
  if (node.type === 'text') out.push(node.value);
  else if (node.type === 'element') {
    const separates = SEPARATING.has(node.tagName);
    if (separates) out.push(' ');
    for (const child of node.children) collectText(child, out);
    if (separates) out.push(' ');
  }
}

/** The text of one rendered block, whitespace collapsed. */
export function blockText(node: RootContent): string {
  const out: string[] = [];
  collectText(node, out);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** A boxed aside (src/markdown/remark-aside.ts) is text of the piece; a pull quote repeats it, so it counts once, where it stands. */
function isBox(node: Element): boolean {
  return node.tagName === 'aside' && Array.isArray(node.properties.className) && node.properties.className.includes('box');
}

export function blockTexts(tree: HastRoot): { tag: string; text: string }[] {
  const blocks: { tag: string; text: string }[] = [];
  for (const child of tree.children) {
    if (child.type !== 'element' || !(TEXT_BLOCKS.has(child.tagName) || isBox(child))) continue;
    const text = blockText(child);
    if (text) blocks.push({ tag: child.tagName, text });
  }
  return blocks;
}
