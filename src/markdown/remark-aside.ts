/**
 * Boxed asides: `:::aside[Optional title]` ... `:::` becomes an <aside> set
 * off from the text (background context, a glossary, "what we know"). A
 * titled box is named by its title (aria-labelledby), so screen readers
 * announce it as "<title>, complementary"; the title is a paragraph, not a
 * heading, so a box never breaks the piece's outline of sub-headings.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';

export default function remarkAside() {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'containerDirective', (node: ContainerDirective) => {
      if (node.name !== 'aside') return;
      const [first, ...rest] = node.children;
      const title = first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
      const content = title ? rest : node.children;
      if (content.length === 0) return;
      if (title && title.children.length > 0) {
        // Ids in bodies carry the prefix the sanitizer requires (src/markdown/sanitize-schema.ts),
        // which adds it to references itself, as it does to footnotes'.
        const id = `aside-${++count}`;
        title.data = { ...title.data, hProperties: { className: ['aside-title'], id: `user-content-${id}` } };
        node.data = { hName: 'aside', hProperties: { className: ['box'], ariaLabelledBy: [id] } };
      } else {
        if (title) node.children = rest;
        node.data = { hName: 'aside', hProperties: { className: ['box'] } };
      }
    });
  };
}
