/**
 * Pull quotes: `::pullquote[A sentence from the text]`, or `:::pullquote` ...
 * `:::` around longer ones, become `<aside class="pullquote" aria-hidden="true">`.
 *
 * A pull quote repeats words the piece already says, set large to catch the
 * eye. Read aloud it would be said twice, the second time in the middle of
 * another paragraph, so it is hidden from screen readers (aria-hidden), as a
 * decoration is; the validator warns when its words are not in the text, since
 * those readers would then miss them. Links inside it keep only their text:
 * nothing hidden from assistive technology may take keyboard focus.
 */
import type { Root, Parent, RootContent, PhrasingContent, BlockContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';

/** Links become their text; footnote references, which are links too, go. */
function unlink(nodes: RootContent[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (node.type === 'link' || node.type === 'linkReference') return unlink(node.children);
    if (node.type === 'footnoteReference') return [];
    if ('children' in node) (node as Parent).children = unlink((node as Parent).children) as Parent['children'];
    return [node];
  });
}

export default function remarkPullquote() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if ((node.type !== 'leafDirective' && node.type !== 'containerDirective') || node.name !== 'pullquote') return;
      const directive = node as LeafDirective | ContainerDirective;
      const blocks: BlockContent[] =
        directive.type === 'leafDirective'
          ? [{ type: 'paragraph', children: directive.children }]
          : (directive.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel)) as BlockContent[]);
      if (blocks.every((block) => 'children' in block && (block.children as PhrasingContent[]).length === 0)) return;
      directive.data = { hName: 'aside', hProperties: { className: ['pullquote'], ariaHidden: 'true' } };
      (directive as Parent).children = unlink(blocks) as Parent['children'];
      return SKIP;
    });
  };
}
