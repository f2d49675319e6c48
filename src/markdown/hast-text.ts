/** Plain text of a rendered body's top-level blocks: what excerpts and related-story ranking read. */
import type { Root as HastRoot, Element } from 'hast';
import { toText } from 'hast-util-to-text';

const TEXT_BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'figure']);

export function blockTexts(tree: HastRoot): { tag: string; text: string }[] {
  const blocks: { tag: string; text: string }[] = [];
  for (const child of tree.children) {
    if (child.type !== 'element' || !TEXT_BLOCKS.has(child.tagName)) continue;
    const text = toText(child as Element).replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ tag: child.tagName, text });
  }
  return blocks;
}
