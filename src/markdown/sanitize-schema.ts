/**
 * What survives from an editor's Markdown and raw HTML: GitHub's rules
 * (hast-util-sanitize's default schema), plus figures and our own link `rel`.
 * Scripts, styles, event handlers and `javascript:`/`data:` URLs never do; the only iframes are
 * those of embed directives (rehype-embed-frames.ts drops any other before this runs), and even
 * they keep only an allowlisted address and the sandbox tokens we give them.
 *
 * Our own block features (src/markdown/remark-figure.ts, remark-pullquote.ts,
 * remark-aside.ts, remark-embed-directive.ts) pass through here like raw HTML does, so each attribute
 * they need is allowed with exactly the values they write and no other: a
 * `srcset` only when every address in it is one of our photo renditions
 * (`/images/<name>-<digest>-<w>x<h>-<encoding>.avif|webp`, under the base path), which
 * also holds raw `<picture>`/`<source>` (GitHub's schema allows any srcset)
 * to this site's own renditions; no address elsewhere is ever loaded by one.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { BODY_PHOTO_SIZES } from '../lib/media/photos.ts';
import { FRAME_SRC_PATTERN } from '../lib/media/embeds.ts';
import { FRAME_ALLOW_VALUES, FRAME_SANDBOX } from './remark-embed-directive.ts';

const RENDITION = String.raw`(?:/[A-Za-z0-9._~-]+)*/images/[a-z0-9-]+-[0-9a-f]{16}-\d+x\d+-[0-9a-f]{4}\.(?:avif|webp) \d+[wx]`;
const RENDITION_SRCSET = new RegExp(`^${RENDITION}(?:, ${RENDITION})*$`);

/** Classes of embed markup (remark-embed-directive.ts): styling only, harmless wherever they appear. */
const EMBED_CLASS = ['className', /^embed(?:-[a-z0-9]+)*$/] as [string, RegExp];

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'abbr', 'aside', 'iframe'],
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), ['rel', 'noopener', 'noreferrer', 'nofollow']],
    img: [...(defaultSchema.attributes?.img ?? []), ['srcSet', RENDITION_SRCSET], ['sizes', BODY_PHOTO_SIZES], ['loading', 'lazy'], ['decoding', 'async']],
    source: [['srcSet', RENDITION_SRCSET], ['sizes', BODY_PHOTO_SIZES], ['type', 'image/avif']],
    // Pull quotes are hidden from screen readers (they repeat the text); boxes are named by their title.
    aside: [['className', 'pullquote', 'box'], ['ariaHidden', 'true'], 'ariaLabelledBy'],
    p: [['className', 'aside-title']],
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
