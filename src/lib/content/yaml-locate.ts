/**
 * Finds where a field sits in YAML text, so a problem can name its line.
 * Only used when something is wrong: the fast path parses with js-yaml, which
 * keeps no positions.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node, type Pair } from 'yaml';

export interface Position {
  /** 1-based, within the YAML text. */
  line: number;
  /** 1-based. */
  column: number;
}

export class YamlLocator {
  private readonly lineCounter = new LineCounter();
  private readonly root: Node | null;

  constructor(yamlText: string) {
    const document = parseDocument(yamlText, { lineCounter: this.lineCounter, keepSourceTokens: false, uniqueKeys: false });
    this.root = document.contents as Node | null;
  }

  /**
   * Position of the key at `path` (e.g. ['hero', 'credit']); when it is missing,
   * the position of its nearest ancestor that exists; when the value is a list
   * item, the item itself.
   */
  locate(path: readonly (string | number)[]): Position {
    let node: Node | null = this.root;
    // A missing top-level field is reported at the opening "---" (line 1).
    let best: Position = { line: 1, column: 1 };
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item: Pair) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair || !isPair(pair)) return best;
        const key = pair.key as Node;
        if (key?.range) best = this.position(key.range[0]);
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return best;
        if (item.range) best = this.position(item.range[0]);
        node = item;
      } else {
        return best;
      }
    }
    return best;
  }

  private position(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }
}
