/**
 * Writes URL schemes in lower case (`HTTPS://…` becomes `https://…`). Schemes
 * are case-insensitive, but rehype-sanitize compares them with its allow-list as
 * written, so `[report](HTTPS://example.org)` lost its href and an image its src,
 * silently. Runs before the sanitizer, which judges the lowered scheme as any
 * other (`JAVASCRIPT:` becomes `javascript:` and is removed).
 */
import type { Root, Element, RootContent } from 'hast';

const URL_PROPERTIES = ['href', 'src', 'cite'] as const;
const SCHEME_WITH_CAPITALS = /^[a-z][a-z0-9+.-]*(?=:)/i;

function lowerCaseScheme(url: string): string {
  return url.replace(SCHEME_WITH_CAPITALS, (scheme) => scheme.toLowerCase());
}

export default function rehypeUrlSchemes() {
  const visit = (node: Root | Element) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      for (const property of URL_PROPERTIES) {
        const value = child.properties[property];
        if (typeof value === 'string') child.properties[property] = lowerCaseScheme(value);
      }
      visit(child);
    }
  };
  return (tree: Root) => visit(tree);
}
