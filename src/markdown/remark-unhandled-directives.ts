/**
 * The parser reads generic directives (`:name`, `::name`, `:::name`) so that the
 * plugins before this one can build figures, embeds and boxes from the block
 * forms. Prose is full of colons, though: "10:30", "ratio:high", "Note:this" all
 * parse as text directives. This plugin, after the plugins that claim directives and before typography, puts back as
 * plain text every directive that no feature plugin claimed (a claimed one has
 * `data.hName`), so no word of the body is ever lost. An unknown block directive
 * is also a validator error (src/lib/content/body-checks.ts), so its markers never
 * reach a published page.
 */
import type { Root, Parent, PhrasingContent, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';

type Directive = ContainerDirective | LeafDirective | TextDirective;

function isDirective(node: { type: string }): node is Directive {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

function attributeSource(attributes: Directive['attributes']): string {
  const entries = Object.entries(attributes ?? {}).filter(([, value]) => value !== null && value !== undefined);
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => (value === '' ? key : `${key}="${String(value).replaceAll('"', '&quot;')}"`)).join(' ')}}`;
}

const text = (value: string): Text => ({ type: 'text', value });

/** The directive's opening as the writer typed it, with its label's inline content kept as nodes. */
function opening(marker: string, node: Directive, label: PhrasingContent[]): PhrasingContent[] {
  const head = label.length > 0 ? [text(`${marker}${node.name}[`), ...label, text(`]${attributeSource(node.attributes)}`)] : [text(`${marker}${node.name}${attributeSource(node.attributes)}`)];
  return mergeTexts(head);
}

function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const node of nodes) {
    const previous = merged.at(-1);
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
    else merged.push(node);
  }
  return merged;
}

function asPlainContent(node: Directive): RootContent[] {
  if (node.type === 'textDirective') return opening(':', node, node.children);
  if (node.type === 'leafDirective') return [{ type: 'paragraph', children: opening('::', node, node.children) }];
  const [first, ...rest] = node.children;
  const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
  const label = hasLabel ? first.children : [];
  const body = hasLabel ? rest : node.children;
  return [{ type: 'paragraph', children: opening(':::', node, label) }, ...body, { type: 'paragraph', children: [text(':::')] }];
}

export default function remarkUnhandledDirectives() {
  return (tree: Root) => {
    let restored = false;
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (!isDirective(node) || node.data?.hName || parent === undefined || index === undefined) return;
      restored = true;
      const replacement = asPlainContent(node);
      parent.children.splice(index, 1, ...(replacement as Parent['children']));
      // Revisit from the same index: a container's children may hold directives of their own.
      return [SKIP, index];
    });
    if (!restored) return;
    // Restored text directives leave neighbouring text nodes split; join them so typography sees whole words.
    visit(tree, (node) => {
      if ('children' in node && Array.isArray(node.children) && node.children.some((child) => child.type === 'text')) {
        (node as Parent).children = mergeTexts((node as Parent).children as PhrasingContent[]) as Parent['children'];
      }
    });
  };
}
