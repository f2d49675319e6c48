/**
 * Finds where a field sits in YAML text, so a problem can name its line.
 * Only used when something is wrong: the fast path parses without positions,
 * and this parses the text once more with js-yaml's listener, which reports
 * every node as the parser enters and leaves it.
 */
import type { State } from 'js-yaml';
import { loadYaml } from './yaml.ts';

export interface Position {
  /** 1-based, within the YAML text. */
  line: number;
  /** 1-based. */
  column: number;
}

/** A node of the YAML text as the listener saw it. */
interface NodeMark extends Position {
  /** 'mapping', 'sequence', 'scalar'; null for an empty value. */
  kind: string | null;
  /** The parsed value; for a key, the key. */
  value: unknown;
  /** Followed by ":" on its line: the key of a mapping entry. */
  isKey: boolean;
  children: NodeMark[];
}

export class YamlLocator {
  private readonly root: NodeMark | undefined;

  constructor(yamlText: string) {
    const top: NodeMark = { line: 1, column: 1, kind: null, value: undefined, isKey: false, children: [] };
    const open: NodeMark[] = [top];
    try {
      loadYaml(yamlText, (event, state) => {
        if (event === 'open') {
          // A key or a list item is entered where its text starts (a value written on
          // the next line is entered at the end of its key's line, but no value is located).
          const start = afterSpaces(state.input, state.position);
          open.push({ line: state.line + 1, column: start - state.lineStart + 1, kind: null, value: undefined, isKey: false, children: [] });
          return;
        }
        const node = open.pop()!;
        node.kind = state.kind;
        node.value = state.result;
        node.isKey = followedByColon(state);
        open.at(-1)!.children.push(node);
      });
    } catch {
      // Text that does not parse has its YAML error reported instead; every field is then at line 1.
      top.children.length = 0;
    }
    this.root = top.children[0];
  }

  /**
   * Position of the key at `path` (e.g. ['hero', 'credit']); when it is missing,
   * the position of its nearest ancestor that exists; when the value is a list
   * item, the item itself.
   */
  locate(path: readonly (string | number)[]): Position {
    let node = this.root;
    // A missing top-level field is reported at the opening "---" (line 1).
    let best: Position = { line: 1, column: 1 };
    for (const segment of path) {
      if (node?.kind === 'mapping') {
        const entry = entriesOf(node).find(({ key }) => String(key.value) === String(segment));
        if (!entry) return best;
        best = positionOf(entry.key);
        node = entry.value;
      } else if (node?.kind === 'sequence' && typeof segment === 'number') {
        const item = itemsOf(node)[segment];
        if (!item) return best;
        best = positionOf(item);
        node = item;
      } else {
        return best;
      }
    }
    return best;
  }
}

function positionOf(node: NodeMark): Position {
  return { line: node.line, column: node.column };
}

/**
 * A mapping's nodes are its keys, each followed by its value; a key written
 * without one (`? key`, or `{ key }` in brackets) is followed by the next key.
 */
function entriesOf(mapping: NodeMark): { key: NodeMark; value: NodeMark | undefined }[] {
  const entries: { key: NodeMark; value: NodeMark | undefined }[] = [];
  const nodes = mapping.children;
  for (let index = 0; index < nodes.length; index++) {
    const key = nodes[index]!;
    const next = nodes[index + 1];
    const value = next && !next.isKey ? next : undefined;
    entries.push({ key, value });
    if (value) index++;
  }
  return entries;
}

/**
 * A list's items. A one-entry mapping written in brackets (`[a: 1]`) is a key
 * and a value where the list holds one item.
 */
function itemsOf(sequence: NodeMark): NodeMark[] {
  const items: NodeMark[] = [];
  const nodes = sequence.children;
  for (let index = 0; index < nodes.length; index++) {
    items.push(nodes[index]!);
    if (nodes[index]!.isKey && nodes[index + 1] && !nodes[index + 1]!.isKey) index++;
  }
  return items;
}

/** Whether the node just read is followed by ":" on its line, as a mapping key is. */
function followedByColon(state: State): boolean {
  return state.input.charCodeAt(afterSpaces(state.input, state.position)) === 0x3a;
}

function afterSpaces(text: string, position: number): number {
  while (text.charCodeAt(position) === 0x20 || text.charCodeAt(position) === 0x09) position++;
  return position;
}
