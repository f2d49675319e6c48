/**
 * The body pipeline with some of its deliberate steps taken out, to tell why an
 * example's HTML differs from the spec's: a deviation belongs to the smallest
 * set of steps whose removal makes the example pass. The variants are built
 * from the same plugin lists as `createProcessor()` (src/markdown/pipeline.ts),
 * and the conformance test holds the variant with nothing removed to the
 * build's own renderer on every example, so the two cannot drift apart.
 */
import { unified, type PluggableList, type Processor } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import { toHtml } from 'hast-util-to-html';
import { markdownToMdast } from 'satteri';
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot } from 'hast';
import remarkSatteriParse from '../../../src/markdown/remark-satteri-parse.ts';
import remarkTypography from '../../../src/markdown/remark-typography.ts';
import rehypeRawHtml from '../../../src/markdown/rehype-raw-html.ts';
import rehypeUrlSchemes from '../../../src/markdown/rehype-url-schemes.ts';
import rehypeExternalLinks from '../../../src/markdown/rehype-external-links.ts';
import { remarkPlugins, rehypePlugins, type PipelineOptions } from '../../../src/markdown/pipeline.ts';

/** Steps of the pipeline that make it differ from a plain CommonMark + GFM renderer on purpose. */
export type Step = 'gfm' | 'typography' | 'url-schemes' | 'external-links' | 'sanitize' | 'raw-html';

/**
 * In preference order: when several single steps each explain an example, the
 * first names it. `raw-html` goes last because removing it removes sanitizing
 * too (the sanitizer drops raw HTML it was not given as elements).
 */
export const STEPS: readonly Step[] = ['gfm', 'typography', 'url-schemes', 'external-links', 'sanitize', 'raw-html'];

/** The plugin each step is, found in the pipeline's lists by identity. */
const PLUGIN_OF: Partial<Record<Step, unknown>> = {
  typography: remarkTypography,
  'url-schemes': rehypeUrlSchemes,
  'external-links': rehypeExternalLinks,
  sanitize: rehypeSanitize,
  'raw-html': rehypeRawHtml,
};

/** Satteri with GFM off: the pipeline's parser reading plain CommonMark. */
function remarkSatteriCommonmarkParse(this: Processor) {
  this.parser = (document: string) => markdownToMdast(document, { features: { gfm: false, frontmatter: false }, position: false }) as MdastRoot;
}

function pluginOf(entry: PluggableList[number]): unknown {
  return Array.isArray(entry) ? entry[0] : entry;
}

export type Renderer = (markdown: string) => string;

/** The body renderer without `removed`. Removing `raw-html` removes `sanitize` too and writes raw HTML out as the editor wrote it. */
export function rendererWithout(removed: ReadonlySet<Step>, options: PipelineOptions): Renderer {
  const withoutSanitize = removed.has('sanitize') || removed.has('raw-html');
  const dropped = new Set(
    [...removed, ...(withoutSanitize ? (['sanitize'] as const) : [])].map((step) => PLUGIN_OF[step]).filter(Boolean),
  );
  const keep = (list: PluggableList) => list.filter((entry) => !dropped.has(pluginOf(entry)));
  const processor = unified()
    .use(removed.has('gfm') ? remarkSatteriCommonmarkParse : remarkSatteriParse)
    .use(keep(remarkPlugins() as PluggableList))
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(keep(rehypePlugins(options) as PluggableList))
    .freeze();
  const allowDangerousHtml = removed.has('raw-html');
  return (markdown) => toHtml(processor.runSync(processor.parse(markdown) as never) as HastRoot, { allowDangerousHtml }).trim();
}
