/**
 * What survives from an editor's Markdown and raw HTML: GitHub's rules
 * (hast-util-sanitize's default schema), plus figures and our own link `rel`.
 * Scripts, styles, event handlers, iframes and `javascript:`/`data:` URLs never do.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'abbr'],
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), ['rel', 'noopener', 'noreferrer', 'nofollow']],
    // remark-rehype already gives footnote ids the "user-content-" prefix; prefixing
    // them again here would break their links, so ids must carry it instead.
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id'), ['id', /^user-content-/]],
  },
  clobber: (defaultSchema.clobber ?? []).filter((name) => name !== 'id'),
  // Dropped with their contents: the text inside them is not prose.
  strip: ['script', 'style', 'template', 'noscript'],
};
