/**
 * What survives from an editor's Markdown and raw HTML: GitHub's rules
 * (hast-util-sanitize's default schema), plus figures and our own link `rel`.
 * Scripts, styles, event handlers and `javascript:`/`data:` URLs never do; the only iframes are
 * those of embed directives (rehype-embed-frames.ts drops any other before this runs), and even
 * they keep only an allowlisted address and the sandbox tokens we give them.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { FRAME_SRC_PATTERN } from '../lib/embeds.ts';
import { FRAME_ALLOW_VALUES, FRAME_SANDBOX } from './remark-embed-directive.ts';

/** Classes of embed markup (remark-embed-directive.ts): styling only, harmless wherever they appear. */
const EMBED_CLASS = ['className', /^embed(?:-[a-z0-9]+)*$/] as [string, RegExp];

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'abbr', 'iframe'],
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), ['rel', 'noopener', 'noreferrer', 'nofollow']],
    figure: [EMBED_CLASS],
    figcaption: [EMBED_CLASS],
    span: [...(defaultSchema.attributes?.span ?? []), EMBED_CLASS],
    div: [...(defaultSchema.attributes?.div ?? []), EMBED_CLASS],
    iframe: [
      ['src', FRAME_SRC_PATTERN],
      'title',
      ['loading', 'lazy'],
      ['sandbox', ...FRAME_SANDBOX],
      ['allow', ...FRAME_ALLOW_VALUES],
      'allowFullScreen',
      ['referrerPolicy', 'strict-origin-when-cross-origin'],
    ],
    // remark-rehype already gives footnote ids the "user-content-" prefix; prefixing
    // them again here would break their links, so ids must carry it instead.
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id'), ['id', /^user-content-/]],
  },
  clobber: (defaultSchema.clobber ?? []).filter((name) => name !== 'id'),
  // Dropped with their contents: the text inside them is not prose.
  strip: ['script', 'style', 'template', 'noscript'],
};
