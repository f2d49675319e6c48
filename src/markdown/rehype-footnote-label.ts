/**
 * GFM footnotes: every reference says which heading describes it
 * (`aria-describedby`, which the sanitizer gives the "user-content-" prefix
 * as it does every id a body may hold), but remark-rehype writes that
 * heading's id without the prefix, so the sanitizer dropped it and the
 * references described nothing. This gives the heading the id they name.
 */
import type { Root, Element } from 'hast';

const LABEL_ID = 'footnote-label';

export default function rehypeFootnoteLabel() {
  return (tree: Root) => {
    const section = tree.children.findLast(
      (child): child is Element => child.type === 'element' && child.tagName === 'section' && child.properties.dataFootnotes !== undefined,
    );
    const heading = section?.children.find((child): child is Element => child.type === 'element' && child.properties.id === LABEL_ID);
    if (heading) heading.properties.id = `user-content-${LABEL_ID}`;
  };
}
