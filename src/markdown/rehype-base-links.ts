/**
 * Puts the site's own root-relative links under the base path the site is
 * served from (src/lib/build-target.ts): editors write `[x](/iran-sco/)`, and
 * a pull request's preview at `/pr-12/` must lead to `/pr-12/iran-sco/`.
 * Protocol-relative (`//host/`) and absolute addresses are left alone: they do
 * not point into this build. Body photos (src/markdown/remark-figure.ts) are
 * written from the root too, `srcset` included.
 */
import type { Root, Element, RootContent } from 'hast';
import { withBase } from '../lib/build-target.ts';

export interface BaseLinksOptions {
  /** The normalised base, e.g. `/pr-12/`; `/` changes nothing. */
  base: string;
}

const URL_PROPERTIES = ['href', 'src'] as const;

export function isRootRelative(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}

export default function rehypeBaseLinks(options: BaseLinksOptions) {
  const { base } = options;
  const visit = (node: Root | Element) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      for (const property of URL_PROPERTIES) {
        const value = child.properties[property];
        if (typeof value === 'string' && isRootRelative(value)) child.properties[property] = withBase(value, base);
      }
      const srcset = child.properties.srcSet;
      if (typeof srcset === 'string' && srcset !== '') {
        child.properties.srcSet = srcset
          .split(',')
          .map((candidate) => {
            const [address = '', ...descriptor] = candidate.trim().split(/\s+/);
            return [isRootRelative(address) ? withBase(address, base) : address, ...descriptor].join(' ');
          })
          .join(', ');
      }
      visit(child);
    }
  };
  return (tree: Root) => {
    if (base !== '/') visit(tree);
  };
}
