/**
 * The one Markdown pipeline. Our article loader renders bodies with
 * `createProcessor()`; `astro.config.mjs` gives the same plugin lists to Astro's
 * `unified()` processor, so every Markdown file follows the same rules.
 *
 * Satteri's CommonMark + GFM + directives parser (remark-satteri-parse.ts) -> directive plugins
 * (body photos, pull quotes, boxed asides; embeds: remark-embed-directive.ts)
 * -> unclaimed directives back to text (remark-unhandled-directives.ts) -> typography
 * -> remark-rehype -> raw HTML parsed (rehype-raw-html.ts) -> the footnotes' heading id (rehype-footnote-label.ts)
 * -> embed frames in, raw iframes out (rehype-embed-frames.ts) -> URL schemes in lower case -> external links
 * -> links under the base path (rehype-base-links.ts, only when the site is not at the root)
 * -> rehype-sanitize (always last before stringify). Our loader's processor then notes the body's
 * links into the site (rehype-site-link-targets.ts), which changes nothing.
 */
import { unified, type PluggableList, type Processor } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import type { Root as HastRoot } from 'hast';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import remarkSatteriParse from './remark-satteri-parse.ts';
import remarkTypography from './remark-typography.ts';
import remarkUnhandledDirectives from './remark-unhandled-directives.ts';
import remarkFigure from './remark-figure.ts';
import remarkPullquote from './remark-pullquote.ts';
import remarkAside from './remark-aside.ts';
import remarkEmbedDirective from './remark-embed-directive.ts';
import rehypeEmbedFrames from './rehype-embed-frames.ts';
import type { PhotoFacts } from '../lib/media/photos.ts';
import rehypeRawHtml from './rehype-raw-html.ts';
import rehypeFootnoteLabel from './rehype-footnote-label.ts';
import rehypeUrlSchemes from './rehype-url-schemes.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeBaseLinks from './rehype-base-links.ts';
import rehypeSiteLinkTargets from './rehype-site-link-targets.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { blockTexts } from './hast-text.ts';

export interface PipelineOptions {
  /** The publication's base URL, to tell our own links from external ones. */
  siteUrl: string;
  /** The path the site is served under (src/lib/build-target.ts); root-relative links go under it. Default `/`. */
  base?: string;
}

/** Bumped whenever the output of the pipeline changes (HTML, excerpt, or the body terms related stories rank by), so cached bodies are rendered again. */
export const PIPELINE_VERSION = 11;

/**
 * remark plugins after remark-gfm (which Astro's `unified({ gfm: true })` adds itself). Plugins that
 * build figures, embeds or boxes from block directives go before remarkUnhandledDirectives, which
 * turns every directive left unclaimed back into the text it was written as.
 */
export function remarkPlugins(): RemarkPlugins {
  return [remarkFigure, remarkPullquote, remarkAside, remarkEmbedDirective, remarkUnhandledDirectives, remarkTypography];
}

/** rehype plugins; sanitize comes last so nothing after it can reintroduce markup. */
export function rehypePlugins(options: PipelineOptions): RehypePlugins {
  const base = options.base ?? '/';
  return [
    rehypeRawHtml,
    rehypeFootnoteLabel,
    rehypeEmbedFrames,
    rehypeUrlSchemes,
    [rehypeExternalLinks, { siteUrl: options.siteUrl }],
    ...(base === '/' ? [] : [[rehypeBaseLinks, { base }] as const]),
    [rehypeSanitize, sanitizeSchema],
  ] as RehypePlugins;
}

/** Raw HTML is kept for rehype-raw-html; the footnotes' heading is shown (src/styles/global.css), not given a class the page does not define. */
export const REMARK_REHYPE_OPTIONS = { allowDangerousHtml: true, footnoteLabelProperties: {} } as const;

type MarkdownToHast = Processor<import('mdast').Root, import('mdast').Root, HastRoot, undefined, undefined>;

export function createProcessor(options: PipelineOptions): MarkdownToHast {
  return unified()
    .use(remarkSatteriParse)
    .use(remarkPlugins() as PluggableList)
    .use(remarkRehype, REMARK_REHYPE_OPTIONS)
    .use(rehypePlugins(options) as PluggableList)
    .use(rehypeSiteLinkTargets, { siteUrl: options.siteUrl, base: options.base ?? '/' })
    .freeze() as unknown as MarkdownToHast;
}

export interface RenderedBody {
  html: string;
  /** Plain text of the top-level blocks (paragraphs, headings, quotes...), in order, for excerpts and ranking. */
  blocks: { tag: string; text: string }[];
  wordCount: number;
  /** Pieces, sections and pages the body links to inside the site (first path segments), sorted. */
  siteLinkTargets: string[];
  /** Origins the body's embeds frame (sorted): the page's CSP `frame-src` (src/lib/distribution/http-headers.ts). */
  frameOrigins: string[];
}

/**
 * Renders one Markdown body. Synchronous: every plugin here is. `photos`: the
 * body's photos (`::figure`), by their src as written; the caller's render
 * hash must cover them.
 */
export function renderBody(processor: MarkdownToHast, markdown: string, photos?: Record<string, PhotoFacts>): RenderedBody {
  const file = new VFile();
  if (photos) file.data.bodyPhotos = photos;
  const tree = processor.runSync(processor.parse(markdown), file) as HastRoot;
  const blocks = blockTexts(tree);
  let wordCount = 0;
  for (const block of blocks) wordCount += block.text.split(/\s+/).filter(Boolean).length;
  return { html: toHtml(tree).trim(), blocks, wordCount, siteLinkTargets: file.data.siteLinkTargets ?? [], frameOrigins: file.data.frameOrigins ?? [] };
}
