/** Site pages: `content/pages/<slug>.md` (about, masthead, standards...). */
import { z } from 'zod';
import { field, text, oneOf } from './fields.ts';

/**
 * What a site page is to the publication. `masthead` and `standards` (the
 * corrections and ethics policy) are named in the publisher's structured data
 * (`masthead`; `publishingPrinciples`, `correctionsPolicy`, `ethicsPolicy`), so
 * each kind but `other` belongs to one page at most.
 */
export const PAGE_KINDS = ['about', 'masthead', 'contact', 'standards', 'privacy', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Frontmatter of a site page in `content/pages/<slug>.md`; the body is the page. */
export function pageSchema() {
  return z.strictObject({
    /** The page's heading and title. */
    title: text('write the page title, e.g. "About us"', { max: 120 }).meta(field('Title', 'the heading of the page, e.g. "About us"')),
    /** One sentence for search results and shared links. */
    description: text('describe the page in one sentence, for search results', { max: 300 }).meta(
      field('Description', 'one sentence for search results and shared links'),
    ),
    /** What the page is to the publication. */
    kind: oneOf(PAGE_KINDS, 'page kind')
      .default('other')
      .meta(field('Kind', 'masthead and standards (corrections and ethics policy) pages are named in the structured data search engines read')),
    /** Position among the footer's links; lower comes first, then the file name. */
    order: z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .optional()
      .meta(field('Order', 'position among the footer links; lower comes first')),
  });
}

export type PageFrontmatter = z.output<ReturnType<typeof pageSchema>>;
