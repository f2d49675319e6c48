/**
 * Marks links that leave the publication with rel="noopener noreferrer", so the
 * destination gets neither a handle on our page nor our reader's path.
 */
import type { Root, Element, RootContent } from 'hast';

export interface ExternalLinksOptions {
  /** The publication's base URL; links to its host stay untouched. */
  siteUrl: string;
}

export function isExternalHref(href: string, siteHost: string): boolean {
  if (!/^(https?:)?\/\//i.test(href)) return false;
  try {
    return new URL(href, 'https://relative.invalid').host !== siteHost;
  } catch {
    return false;
  }
}

export default function rehypeExternalLinks(options: ExternalLinksOptions) {
  const siteHost = new URL(options.siteUrl).host;
  const visit = (node: Root | Element) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a') {
        const href = child.properties.href;
        if (typeof href === 'string' && isExternalHref(href, siteHost)) {
          child.properties.rel = ['noopener', 'noreferrer'];
        }
      }
      visit(child);
    }
  };
  return (tree: Root) => visit(tree);
}
