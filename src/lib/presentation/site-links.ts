/**
 * Links from one piece to another inside the publication. A piece that is
 * taken down (a draft again, or withdrawn) must not leave dead links behind in
 * the pieces that cite it, nor force an editor on deadline to edit each of
 * them first: the build shows such links as plain text until the target is
 * back, and the validator only warns.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { stripBase } from '../build-target.ts';

/**
 * The first path segment of a link into this site, which names the piece, section
 * or page it leads to ("iran-sco" for "/iran-sco/#note" and for
 * "https://<site host>/iran-sco/"); undefined for links elsewhere and for the home page.
 * `base` is the path the site is served under (src/lib/build-target.ts): a
 * root-relative link carries it ("/pr-12/iran-sco/" under "/pr-12/"), and one
 * outside it leads nowhere in this build; an absolute one may or may not.
 */
export function siteLinkTarget(href: string, siteHost: string, base = '/'): string | undefined {
  let pathname: string;
  if (href.startsWith('/') && !href.startsWith('//')) {
    const inside = stripBase(href, base);
    if (inside === undefined) return undefined;
    pathname = inside;
  } else if (/^(https?:)?\/\//i.test(href)) {
    let url: URL;
    try {
      url = new URL(href, 'https://relative.invalid');
    } catch {
      return undefined;
    }
    if (url.host !== siteHost) return undefined;
    pathname = stripBase(url.pathname, base) ?? url.pathname;
  } else {
    return undefined;
  }
  const segment = pathname.slice(1).split(/[/?#]/)[0] ?? '';
  if (segment === '') return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Every piece, section or page a rendered body links to inside the site, sorted, each once. */
export function siteLinkTargets(tree: Root, siteHost: string, base = '/'): string[] {
  const targets = new Set<string>();
  const visit = (node: Root | Element) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      const href = child.tagName === 'a' ? child.properties.href : undefined;
      if (typeof href === 'string') {
        const target = siteLinkTarget(href, siteHost, base);
        if (target !== undefined) targets.add(target);
      }
      visit(child);
    }
  };
  visit(tree);
  return [...targets].sort();
}

/**
 * The body with every link to one of `hidden` replaced by its text. Parsed,
 * not pattern-matched, so a link's words, emphasis and all, stay as they were.
 * Pages call it only for bodies known to link to a hidden piece.
 */
export function unlinkSiteLinks(html: string, hidden: ReadonlySet<string>, siteHost: string, base = '/'): string {
  if (hidden.size === 0) return html;
  const tree = fromHtml(html, { fragment: true });
  let changed = false;
  const unlink = (node: Root | Element) => {
    const children: ElementContent[] = [];
    for (const child of node.children as ElementContent[]) {
      if (child.type === 'element') {
        unlink(child);
        const href = child.tagName === 'a' ? child.properties.href : undefined;
        const target = typeof href === 'string' ? siteLinkTarget(href, siteHost, base) : undefined;
        if (target !== undefined && hidden.has(target)) {
          children.push(...child.children);
          changed = true;
          continue;
        }
      }
      children.push(child);
    }
    node.children = children as typeof node.children;
  };
  unlink(tree);
  // Untouched bodies keep their bytes exactly: serializing again could spell entities differently.
  return changed ? toHtml(tree) : html;
}
