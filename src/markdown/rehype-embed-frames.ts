/**
 * Puts the frames of embed directives (remark-embed-directive.ts) into the
 * page, and nothing else: runs right after raw HTML is parsed, when every
 * `iframe` element in the tree is one an editor wrote as raw HTML (dropped,
 * as it always was) and every frame of ours is still an `embedFrame` node,
 * which raw HTML cannot make. rehype-sanitize, after this, still judges each
 * iframe's attributes against sanitize-schema.ts.
 */
import type { Element, Root, RootContent } from 'hast';
import { EMBED_FRAME_NODE } from './remark-embed-directive.ts';

type Parent = Root | Element;

function rewrite(parent: Parent): void {
  const kept: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if ((child.type as string) === EMBED_FRAME_NODE) {
      const { properties } = child as unknown as { properties: Element['properties'] };
      kept.push({ type: 'element', tagName: 'iframe', properties: { ...properties }, children: [] });
      continue;
    }
    if (child.type === 'element') {
      if (child.tagName === 'iframe') continue;
      rewrite(child);
      // <template> content lives apart from the children.
      if (child.content) rewrite(child.content as unknown as Root);
    }
    kept.push(child);
  }
  parent.children = kept as Parent['children'];
}

export default function rehypeEmbedFrames() {
  return (tree: Root) => rewrite(tree);
}
