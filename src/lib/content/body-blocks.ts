/**
 * Checks the block directives (src/lib/content/block-directives.ts) and images of a
 * Markdown body: unknown names, a directive written in the wrong form,
 * unknown or missing attributes, and Markdown images, which would ship as
 * written (an unoptimised or broken `<img>` with no credit). Whether a
 * figure's file exists is the caller's business: it knows the folders.
 */
import { markdownToMdast } from 'satteri';
import type { Root, RootContent, Definition } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { BLOCK_DIRECTIVE_USAGE, FIGURE_ATTRIBUTES, KNOWN_BLOCK_DIRECTIVES, knownDirectivesList } from './block-directives.ts';
import { closestName } from './zod-issues.ts';

export interface BodyBlockProblem {
  /** 1-based line within the body. */
  line: number;
  column: number;
  field: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface FigureAt {
  src: string;
  line: number;
  column: number;
}

export interface BodyBlocks {
  problems: BodyBlockProblem[];
  /** Figures whose attributes are complete; their files are still to be checked. */
  figures: FigureAt[];
}

/** What a body needs to hold any directive or image at all: most bodies skip the parse. */
function mayHoldBlocks(body: string): boolean {
  return body.includes('::') || body.includes('![');
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

type BlockDirective = LeafDirective | ContainerDirective;

/** Plain text of a directive's label or content, to tell empty ones. */
function textOf(nodes: readonly RootContent[]): string {
  let text = '';
  for (const node of nodes) {
    if ('value' in node && typeof node.value === 'string') text += node.value;
    if ('children' in node) text += textOf(node.children as RootContent[]);
  }
  return text;
}

function figureSyntax(src = '../../images/map.jpg'): string {
  return `::figure[Caption]{src="${src}" alt="What the photo shows" credit="Jane Doe/Reuters"}`;
}

/**
 * `features: false` (author bios): bios are plain text shown in every byline
 * box, so any block directive is refused there.
 */
export function findBodyBlocks(body: string, { features = true }: { features?: boolean } = {}): BodyBlocks {
  const found: BodyBlocks = { problems: [], figures: [] };
  if (!mayHoldBlocks(body)) return found;
  const tree = markdownToMdast(body, { features: { gfm: true, frontmatter: false, directive: true }, position: true }) as Root;
  const definitions = new Map<string, string>();
  const images: { url: string | undefined; node: RootContent }[] = [];
  const directives: BlockDirective[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'definition') definitions.set((node as Definition).identifier.toLowerCase(), (node as Definition).url);
      else if (node.type === 'image') images.push({ url: node.url, node });
      else if (node.type === 'imageReference') images.push({ url: undefined, node });
      else if (node.type === 'leafDirective' || node.type === 'containerDirective') directives.push(node as BlockDirective);
      if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);

  const problem = (node: { position?: { start: { line: number; column: number } } | undefined }, field: string, message: string, severity: 'error' | 'warning' = 'error') =>
    found.problems.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, field, severity, message });

  for (const { url: written, node } of images) {
    const url = written ?? (node.type === 'imageReference' ? definitions.get(node.identifier.toLowerCase()) : undefined) ?? '';
    if (REMOTE.test(url)) {
      problem(node, 'body', `image "${url.slice(0, 80)}" is on another site; photos must be files in the repository: save it under content/images/ (when you have the right to publish it) and write ${figureSyntax()}`);
    } else {
      problem(node, 'body', `a Markdown image is published as written, without sizes, formats or a credit line; write ${figureSyntax(url || undefined)} instead`);
    }
  }

  for (const node of directives) {
    const marker = node.type === 'leafDirective' ? '::' : ':::';
    const written = `${marker}${node.name}`;
    if (!features) {
      problem(node, 'body', `"${written}" cannot be used in an author bio, which is shown as plain text under every piece; write the bio as paragraphs`);
      continue;
    }
    if (!KNOWN_BLOCK_DIRECTIVES.includes(node.name)) {
      const suggestion = closestName(node.name, KNOWN_BLOCK_DIRECTIVES);
      const hint = suggestion ? `did you mean "${suggestion}" (${BLOCK_DIRECTIVE_USAGE[suggestion] ?? `::${suggestion}`})? ` : '';
      problem(node, 'body', `unknown block "${written}"; ${hint}the known ones are ${knownDirectivesList()}; to show the colons as text, write "\\${written}"`);
      continue;
    }
    // Names another feature added to the list are checked by that feature.
    if (node.name === 'figure') checkFigure(node, problem, found);
    else if (node.name === 'pullquote') checkPullQuote(node, problem, body);
    else if (node.name === 'aside') checkAside(node, problem);
  }
  found.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return found;
}

type Report = (node: BlockDirective, field: string, message: string, severity?: 'error' | 'warning') => void;

/** Words only, for comparing a pull quote with the text: quotes, dashes, emphasis and line breaks do not count. */
function words(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

function unknownAttributes(node: BlockDirective, known: readonly string[], field: string, problem: Report, extra: Record<string, string> = {}): void {
  for (const name of Object.keys(node.attributes ?? {})) {
    if (known.includes(name)) continue;
    if (extra[name]) {
      problem(node, `${field}.${name}`, extra[name]);
      continue;
    }
    const suggestion = closestName(name, known);
    const what = name === 'id' ? '"#..." (an id)' : name === 'class' ? '".name" (a class)' : `attribute "${name}"`;
    const instead = known.length === 0 ? `"${node.name}" takes no attributes; remove it` : suggestion ? `did you mean "${suggestion}"?` : `use ${known.join(', ')}`;
    problem(node, `${field}.${name}`, `unknown ${what}; ${instead}`);
  }
}

function checkFigure(node: BlockDirective, problem: Report, found: BodyBlocks): void {
  if (node.type === 'containerDirective') {
    problem(node, 'figure', `a figure is written on one line, with two colons: ${figureSyntax()}`);
    return;
  }
  const attributes = node.attributes ?? {};
  unknownAttributes(node, FIGURE_ATTRIBUTES, 'figure', problem, {
    caption: `write the caption in the brackets: ::figure[The caption]{src=... alt=... credit=...}`,
  });
  const src = attributes.src?.trim();
  const alt = attributes.alt?.trim();
  const credit = attributes.credit?.trim();
  if (!src) problem(node, 'figure.src', `missing; name the photo file relative to this file: ${figureSyntax()}`);
  if (!alt) problem(node, 'figure.alt', 'missing; describe what the photo shows for readers who cannot see it, e.g. alt="Map of the Strait of Hormuz with shipping lanes"');
  if (!credit) problem(node, 'figure.credit', 'missing; every photo needs a credit line, e.g. credit="Jane Doe/Reuters" or credit="Map by Meridian Studio"');
  if (src) found.figures.push({ src, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
}

function checkPullQuote(node: BlockDirective, problem: Report, body: string): void {
  unknownAttributes(node, [], 'pullquote', problem);
  const quoted = textOf(node.children as RootContent[]);
  if (quoted.trim() === '') {
    problem(node, 'pullquote', 'is empty; put the sentence to repeat in the brackets: ::pullquote[A sentence from the text]');
    return;
  }
  // Hidden from screen readers as a repetition (src/markdown/remark-pullquote.ts): its words must be in the text.
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  if (!words(body.slice(0, start) + ' ' + body.slice(end)).includes(words(quoted))) {
    problem(node, 'pullquote', 'repeats words that are not in the text; screen readers skip a pull quote, so quote a sentence of the piece as it stands there', 'warning');
  }
}

function checkAside(node: BlockDirective, problem: Report): void {
  if (node.type === 'leafDirective') {
    problem(node, 'aside', 'an aside is a box of paragraphs: open it with ":::aside[Title]" on its own line, write the text, and close it with ":::"');
    return;
  }
  unknownAttributes(node, [], 'aside', problem);
  const content = node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel));
  if (textOf(content as RootContent[]).trim() === '') problem(node, 'aside', 'is empty; write its text between ":::aside[Title]" and the closing ":::"');
}
