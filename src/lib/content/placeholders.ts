/**
 * Hints left for the editor in a new article (`npm run new`): a value written
 * `[[what to write]]`, in the frontmatter or on a line of its own in the body.
 * A draft may still hold them (the validator warns, and the piece is not
 * loaded until every hint is replaced); a piece that is not a draft may not.
 */

const HINT = /^\[\[(.*)\]\]$/;

/** The value `npm run new` writes where the editor has something to write. */
export function hint(text: string): string {
  if (text.includes(']]')) throw new Error(`a hint cannot contain "]]": ${text}`);
  return `[[${text}]]`;
}

/** What a hint asks for, or undefined when `value` is not a hint. */
export function hintText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return HINT.exec(value.trim())?.[1];
}

export interface HintAt {
  path: (string | number)[];
  text: string;
}

/** Every hint in frontmatter data, with its field path. */
export function findHints(data: unknown, path: (string | number)[] = []): HintAt[] {
  const text = hintText(data);
  if (text !== undefined) return [{ path, text }];
  if (Array.isArray(data)) return data.flatMap((item, index) => findHints(item, [...path, index]));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => findHints(value, [...path, key]));
  }
  return [];
}

/** Hints on lines of their own in a Markdown body: 1-based line within the body, and the hint's text. */
export function findBodyHints(body: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  body.split('\n').forEach((line, index) => {
    const text = hintText(line);
    if (text !== undefined) found.push({ line: index + 1, text });
  });
  return found;
}

/** True when `inner` is `outer` or lies inside it (`['hero', 'src']` inside `['hero']`). */
export function isWithin(inner: readonly PropertyKey[], outer: readonly PropertyKey[]): boolean {
  return outer.length <= inner.length && outer.every((segment, index) => inner[index] === segment);
}
