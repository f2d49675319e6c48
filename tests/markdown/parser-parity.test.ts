/**
 * Two shortcuts of the pipeline, held to the plain unified pipeline they
 * replace: Satteri parses (src/markdown/remark-satteri-parse.ts) where
 * remark-parse with remark-gfm and remark-directive is the reference mdast the ecosystem's plugins
 * are written against, and raw HTML is re-parsed only where there is some
 * (src/markdown/rehype-raw-html.ts) where rehype-raw re-parses every tree. Both
 * must give the same HTML on every CommonMark spec example, our fixtures and
 * the sample publication, but for one difference of spelling: parse5's round
 * trip writes some empty attributes of GFM footnotes as `data-footnote-ref=""`
 * where the tree without it has `data-footnote-ref`, the same attribute in
 * HTML. The comparison therefore writes empty attributes in the short form.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';
import { commonmarkExamples } from './conformance/spec-examples.ts';
import remarkSatteriParse from '../../src/markdown/remark-satteri-parse.ts';
import remarkUnhandledDirectives from '../../src/markdown/remark-unhandled-directives.ts';
import { blockText } from '../../src/markdown/hast-text.ts';
import { createProcessor, remarkPlugins, REMARK_REHYPE_OPTIONS } from '../../src/markdown/pipeline.ts';
import rehypeFootnoteLabel from '../../src/markdown/rehype-footnote-label.ts';
import { EMBED_FRAME_NODE } from '../../src/markdown/remark-embed-directive.ts';
import rehypeEmbedFrames from '../../src/markdown/rehype-embed-frames.ts';
import rehypeExternalLinks from '../../src/markdown/rehype-external-links.ts';
import rehypeUrlSchemes from '../../src/markdown/rehype-url-schemes.ts';
import { sanitizeSchema } from '../../src/markdown/sanitize-schema.ts';

const REPO = path.join(import.meta.dirname, '../..');
const siteUrl = 'https://meridian-review.example';

/** Raw HTML kept, so the comparison sees exactly what the parser built. */
function rawRenderer(parser: PluggableList) {
  const processor = unified().use(parser).use(remarkRehype, { allowDangerousHtml: true });
  return (markdown: string) => toHtml(processor.runSync(processor.parse(markdown) as never) as Root, { allowDangerousHtml: true });
}

const reference = createReferenceProcessor();
function createReferenceProcessor() {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkPlugins() as PluggableList)
    .use(remarkRehype, REMARK_REHYPE_OPTIONS)
    .use(rehypeRaw, { passThrough: [EMBED_FRAME_NODE] })
    .use(rehypeFootnoteLabel)
    .use(rehypeEmbedFrames)
    .use(rehypeUrlSchemes)
    .use(rehypeExternalLinks, { siteUrl })
    .use(rehypeSanitize, sanitizeSchema);
  return (markdown: string) => toHtml(processor.runSync(processor.parse(markdown)) as Root, { collapseEmptyAttributes: true });
}
const pipeline = createProcessor({ siteUrl });
const render = (markdown: string) => toHtml(pipeline.runSync(pipeline.parse(markdown)), { collapseEmptyAttributes: true });

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name));
}
const withoutFrontmatter = (text: string) => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

describe('the pipeline renders as remark-parse, remark-gfm and rehype-raw do', () => {
  // Tabs restored: commonmark-spec hands examples over with spec.txt's "→" for a tab.
  const spec = commonmarkExamples;
  // Both read directives; the prose colons each parser reads as one ("10:30") go back to text.
  const satteri = rawRenderer([remarkSatteriParse, remarkUnhandledDirectives]);
  const micromark = rawRenderer([remarkParse, remarkGfm, remarkDirective, remarkUnhandledDirectives]);

  it('covers the whole CommonMark spec', () => expect(spec.length).toBeGreaterThan(600));
  it.each(spec.map((example) => [`${example.number} (${example.section})`, example.markdown] as const))('CommonMark example %s', (_, markdown) => {
    expect(satteri(markdown)).toBe(micromark(markdown));
  });

  const files = [...markdownFiles(path.join(REPO, 'content')), ...markdownFiles(path.join(REPO, 'tests'))];
  it('reads the sample publication and every fixture', () => expect(files.length).toBeGreaterThan(100));
  it.each(files.map((file) => [path.relative(REPO, file), file] as const))('%s through the whole pipeline', (_, file) => {
    const markdown = withoutFrontmatter(readFileSync(file, 'utf8'));
    expect(render(markdown)).toBe(reference(markdown));
  });
});

describe('block text is what the innerText algorithm gives', () => {
  const examples = commonmarkExamples.map((example) => example.markdown);
  const documents = [...examples, ...[...markdownFiles(path.join(REPO, 'content')), ...markdownFiles(path.join(REPO, 'tests'))].map((file) => withoutFrontmatter(readFileSync(file, 'utf8')))];
  it('for every block of the CommonMark examples, the sample publication and the fixtures', () => {
    let blocks = 0;
    for (const markdown of documents) {
      for (const child of pipeline.runSync(pipeline.parse(markdown)).children) {
        if (child.type !== 'element') continue;
        blocks++;
        expect(blockText(child)).toBe(toText(child).replace(/\s+/g, ' ').trim());
      }
    }
    expect(blocks).toBeGreaterThan(1000);
  });
});
