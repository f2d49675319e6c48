/**
 * What survives from an editor's Markdown and raw HTML: GitHub's rules
 * (hast-util-sanitize's default schema), plus figures and our own link `rel`.
 * Scripts, styles, event handlers, iframes and `javascript:`/`data:` URLs never do.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), ['rel', 'noopener', 'noreferrer', 'nofollow']],
  },
  // Dropped with their contents: the text inside them is not prose.
  strip: ['script', 'style', 'template', 'noscript'],
};
