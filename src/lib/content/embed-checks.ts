/**
 * The validator's look at embed directives in a body: every `::embed` the
 * Markdown plugin would refuse (and so leave as text), with its line and the
 * attribute at fault. Bodies are parsed by the pipeline's own parser, so the
 * validator sees exactly the directives the page would; only bodies that
 * mention `:embed` are parsed, which keeps validation of a large archive fast.
 */
import { markdownToMdast } from 'satteri';
import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { directiveLabelText, EMBED_DIRECTIVE, readEmbedDirective } from '../media/embeds.ts';
import { withoutCode } from './body-checks.ts';

export interface EmbedFinding {
  /** 1-based line and column within the body. */
  line: number;
  column: number;
  /** `embed.url`, `embed.title`, `embed.quote`, `embed.author`, `embed.ratio`, `embed` */
  field: string;
  message: string;
  /** An embed written inline stays text on the page: a warning. Everything else stops the build. */
  severity: 'error' | 'warning';
}

type Directive = LeafDirective | TextDirective | ContainerDirective;

const INLINE_MESSAGE = 'is inside a line of text, so readers see it as text; an embed is a line of its own starting with two colons: ::embed[Title]{url="..."}';

export function findEmbedProblems(body: string): EmbedFinding[] {
  if (!body.includes(`:${EMBED_DIRECTIVE}`)) return [];
  const tree = markdownToMdast(body, { features: { gfm: true, frontmatter: false, directive: true }, position: true }) as Root;
  const findings: EmbedFinding[] = [];
  visit(tree, (node) => {
    if (node.type !== 'leafDirective' && node.type !== 'textDirective' && node.type !== 'containerDirective') return;
    const directive = node as Directive;
    if (directive.name !== EMBED_DIRECTIVE) return;
    const line = directive.position?.start.line ?? 1;
    const column = directive.position?.start.column ?? 1;
    if (directive.type === 'textDirective') {
      findings.push({ line, column, field: 'embed', severity: 'warning', message: INLINE_MESSAGE });
      return;
    }
    if (directive.type === 'containerDirective') {
      findings.push({ line, column, field: 'embed', severity: 'error', message: 'is written as a block (:::embed); an embed is one line starting with two colons: ::embed[Title]{url="..."}' });
      return;
    }
    const result = readEmbedDirective(directive.attributes ?? {}, directiveLabelText(directive.children));
    if (result.ok) return;
    for (const problem of result.problems) findings.push({ line, column, field: `embed.${problem.field}`, severity: 'error', message: problem.message });
  });
  // "::embed" after other text on its line is no directive at all: the parser reads it as text.
  const reported = new Set(findings.map((finding) => finding.line));
  const leafLines = new Set<number>();
  visit(tree, 'leafDirective', (node) => {
    if (node.position) leafLines.add(node.position.start.line);
  });
  withoutCode(body)
    .split('\n')
    .forEach((text, index) => {
      const at = text.search(/::embed[[{]/);
      if (at === -1 || leafLines.has(index + 1) || reported.has(index + 1)) return;
      findings.push({ line: index + 1, column: at + 1, field: 'embed', severity: 'warning', message: INLINE_MESSAGE });
    });
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
