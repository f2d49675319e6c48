/**
 * Parses the raw HTML that editors wrote in Markdown into real elements (so
 * rehype-sanitize can judge them), as rehype-raw does. rehype-raw re-parses the
 * whole tree through parse5 even when there is no raw HTML, which was a fifth
 * of a body's rendering time (profiled); most articles have none, and for them
 * the tree is already what parse5 would give back. The frames of embed
 * directives pass through untouched (rehype-embed-frames.ts).
 */
import type { Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { EMBED_FRAME_NODE } from './remark-embed-directive.ts';

function hasRawNode(node: Root | RootContent): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some(hasRawNode);
}

export default function rehypeRawHtml() {
  return (tree: Root): Root => (hasRawNode(tree) ? (raw(tree, { passThrough: [EMBED_FRAME_NODE] }) as Root) : tree);
}
