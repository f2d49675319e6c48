/**
 * The parser of the pipeline: Satteri's native CommonMark + GFM parser (the
 * engine behind Astro's default Markdown processor) builds the same mdast that
 * remark-parse with remark-gfm and remark-directive builds, so every remark and rehype plugin after
 * it runs unchanged. It parses a long article in ~0.5 ms where micromark took
 * ~15 ms, which was most of a cold build of a large archive (profiled at 10,000
 * articles: 57 s of body rendering). tests/markdown/parser-parity.test.ts holds
 * the two parsers to the same output on the CommonMark spec and our fixtures.
 */
import { markdownToMdast } from 'satteri';
import type { Root } from 'mdast';
import type { Processor } from 'unified';

export default function remarkSatteriParse(this: Processor) {
  this.parser = (document: string) =>
    // Bodies reach the pipeline without frontmatter; nothing downstream reads positions.
    markdownToMdast(document, { features: { gfm: true, frontmatter: false, directive: true }, position: false }) as Root;
}
