/**
 * `npm run new`: a new article file with every required field, the slug taken
 * from the headline, the time in the publication's time zone, `draft: true`,
 * and hints (src/lib/content/placeholders.ts) where the editor has something to
 * write, so that it validates as a draft with warnings only. The hints are the
 * schema's own (`.meta()` in src/lib/content/schema/), as in the CMS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { CONTENT_LAYOUT, MARKDOWN_FILE, listFiles } from './content-files.ts';
import { parseMarkdownSource } from './frontmatter.ts';
import { hint } from './placeholders.ts';
import { ARTICLE_TYPES, articleSchema, sectionsSchema, type ArticleType } from './schema/index.ts';
import { readSiteTimeZone } from './site-file.ts';
import { toZonedIso } from '../dates.ts';
import { isReservedTopLevel, slugFromFileName, slugProblem, suggestSlug } from '../urls.ts';
import { loadYaml } from './yaml.ts';

export interface NewArticleRequest {
  type: string;
  section: string;
  authors: string[];
  title: string;
  /** An address of the editor's choosing instead of the one made from the headline. */
  slug?: string | undefined;
}

/** What a content folder already holds, as far as a new article is concerned. */
export interface ContentFacts {
  timeZone: string;
  sections: { id: string; name: string; kind: 'section' | 'short-takes' }[];
  authorIds: string[];
  /** Every address in use, lowercased, with what uses it: articles, their former slugs, site pages, sections. */
  taken: Map<string, string>;
}

export interface PlannedArticle {
  slug: string;
  /** Path inside the content folder, with "/" separators. */
  file: string;
  text: string;
}

export type PlanResult = { ok: true; article: PlannedArticle } | { ok: false; problems: string[] };

/** Reads what a new article must not collide with; an unreadable sections.yaml is a problem to report, not a crash. */
export function readContentFacts(contentDir: string): { facts: ContentFacts; problems: string[] } {
  const problems: string[] = [];
  const taken = new Map<string, string>();
  const shown = (...parts: string[]) => path.join(contentDir, ...parts).split(path.sep).join('/');
  let sections: ContentFacts['sections'] = [];
  try {
    const result = sectionsSchema().safeParse(loadYaml(readFileSync(path.join(contentDir, CONTENT_LAYOUT.sections), 'utf8')));
    if (result.success) sections = result.data.map(({ id, name, kind }) => ({ id, name, kind }));
    else problems.push(`${shown(CONTENT_LAYOUT.sections)} has errors; run npm run validate and fix them first`);
  } catch (error) {
    problems.push(`${shown(CONTENT_LAYOUT.sections)} cannot be read (${(error as Error).message.split('\n')[0]}); run npm run validate`);
  }
  for (const section of sections) taken.set(section.id, `the section "${section.name}"`);
  const authorIds = listFiles(path.join(contentDir, CONTENT_LAYOUT.authors))
    .filter((file) => MARKDOWN_FILE.test(file))
    .map(slugFromFileName);
  for (const file of listFiles(path.join(contentDir, CONTENT_LAYOUT.pages))) {
    if (MARKDOWN_FILE.test(file)) taken.set(slugFromFileName(file).toLowerCase(), `the site page ${shown(CONTENT_LAYOUT.pages, file)}`);
  }
  for (const file of listFiles(path.join(contentDir, CONTENT_LAYOUT.articles))) {
    if (!MARKDOWN_FILE.test(file)) continue;
    const where = shown(CONTENT_LAYOUT.articles, file);
    taken.set(slugFromFileName(file).toLowerCase(), where);
    const parsed = parseMarkdownSource(readFileSync(path.join(contentDir, CONTENT_LAYOUT.articles, file)));
    const previous = parsed.ok ? parsed.source.data.previousSlugs : undefined;
    if (Array.isArray(previous)) {
      for (const slug of previous) if (typeof slug === 'string') taken.set(slug.toLowerCase(), `${where} (a former address, in previousSlugs)`);
    }
  }
  return { facts: { timeZone: readSiteTimeZone(contentDir), sections, authorIds, taken }, problems };
}

/** Label and hint of each article field, from the schema. */
function articleFieldHints(): Record<string, { title: string; description: string; properties?: Record<string, { title: string; description: string }> }> {
  const json = z.toJSONSchema(articleSchema({ timeZone: 'UTC' }), { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, { title: string; description: string; properties?: Record<string, { title: string; description: string }> }>;
  };
  return json.properties;
}

/** Checks a request against the content and writes the file's text; every problem at once. */
export function planNewArticle(request: NewArticleRequest, facts: ContentFacts, now: Date): PlanResult {
  const problems: string[] = [];
  const type = request.type as ArticleType;
  if (!(ARTICLE_TYPES as readonly string[]).includes(request.type)) {
    problems.push(`--type "${request.type}" is not a type; choose one of ${ARTICLE_TYPES.join(', ')}`);
  }
  const section = facts.sections.find((candidate) => candidate.id === request.section);
  if (!section) {
    problems.push(`--section "${request.section}" is not a section; choose one of ${facts.sections.map((s) => s.id).join(', ') || '(none: content/sections.yaml lists none)'}`);
  } else if (section.kind === 'short-takes' && request.type !== 'short-take' && problems.length === 0) {
    problems.push(`"${section.id}" is a short-takes brand; use --type short-take, or choose a regular section`);
  } else if (section.kind === 'section' && request.type === 'short-take') {
    const brands = facts.sections.filter((s) => s.kind === 'short-takes').map((s) => s.id);
    problems.push(`short takes go in a short-takes brand (${brands.join(', ') || 'none is defined'}), not in "${section.id}"`);
  }
  if (request.authors.length === 0) problems.push('--author is missing; name at least one author id, e.g. --author noor-haddad');
  const seen = new Set<string>();
  for (const author of request.authors) {
    if (seen.has(author)) problems.push(`--author "${author}" is named twice`);
    seen.add(author);
    if (!facts.authorIds.includes(author)) {
      problems.push(`--author "${author}" has no profile; add content/authors/${author}.md or use one of ${facts.authorIds.join(', ')}`);
    }
  }
  const title = request.title.trim();
  if (title === '') problems.push('the headline is missing; give it in quotes, e.g. "Iran\'s SCO seat buys less than Tehran hoped"');
  else if (title.length > 200) problems.push(`the headline is ${title.length} characters; keep it under 200 (110 reads best)`);
  const slug = request.slug ?? suggestSlug(title);
  const slugIssue = slugProblem(slug);
  if (title !== '' && (slugIssue || (request.slug === undefined && slug === 'untitled'))) {
    problems.push(`the address "${slug}" cannot be used${slugIssue ? `: ${slugIssue}` : ''}; choose one with --slug, e.g. --slug iran-sco-seat`);
  } else if (isReservedTopLevel(slug)) {
    problems.push(`the address "/${slug}/" is a fixed page of the site; choose another with --slug`);
  } else if (facts.taken.has(slug)) {
    problems.push(`the address "/${slug}/" is taken by ${facts.taken.get(slug)}; choose another headline or give --slug`);
  }
  if (problems.length > 0 || !section) return { ok: false, problems };
  return {
    ok: true,
    article: {
      slug,
      file: `${CONTENT_LAYOUT.articles}/${section.id}/${slug}.md`,
      text: articleText({ type, section: section.id, authors: request.authors, title, published: toZonedIso(now, facts.timeZone) }),
    },
  };
}

const quoted = (value: string) => JSON.stringify(value);

/** The new file: required fields first, hints where the editor writes, optional fields as comments. */
export function articleText(input: { type: ArticleType; section: string; authors: string[]; title: string; published: string }): string {
  const fields = articleFieldHints();
  const hero = fields.hero!.properties!;
  const lines = [
    '---',
    `title: ${quoted(input.title)}`,
    `dek: ${quoted(hint(fields.dek!.description))}`,
    `type: ${input.type}`,
    `section: ${input.section}`,
    `authors: [${input.authors.join(', ')}]`,
    `# published: ${fields.published!.description}`,
    `published: ${input.published}`,
  ];
  if (input.type !== 'short-take') {
    lines.push(
      'hero:',
      `  src: ${quoted(hint(`${hero.src!.description}, relative to this file, e.g. ../../images/harbour.jpg`))}`,
      `  alt: ${quoted(hint(hero.alt!.description))}`,
      `  caption: ${quoted(hint(`${hero.caption!.description}; or delete this line`))}`,
      `  credit: ${quoted(hint(hero.credit!.description))}`,
    );
  }
  lines.push(
    `tags: [] # ${fields.tags!.description}`,
    'draft: true',
    '# Optional, when they apply (README, "An article"):',
    `# updated: ${input.published}`,
    '# republished: { outlet: "The Harbor Quarterly", url: "https://harbor-quarterly.example/piece", author: "Jane Doe" }',
    '# canonical: "https://harbor-quarterly.example/piece"',
    '# corrections:',
    `#   - date: ${input.published.slice(0, 10)}`,
    '#     text: "An earlier version misstated ..."',
    '# previousSlugs: [old-address]',
    '# series: { id: chokepoints, part: 2 }   # a part of a series listed in content/series.yaml',
    '---',
    '',
    hint(
      input.type === 'short-take'
        ? 'Write the take here: two to four short paragraphs in Markdown'
        : 'Write the piece here, in Markdown: paragraphs, ## sub-headings, > quotes, [links](https://example.org)',
    ),
    '',
  );
  return lines.join('\n');
}

export interface PromptStreams {
  input: Readable;
  output: Writable;
}

/**
 * Asks for what the command line did not give, one question a line, offering
 * the choices; used when `npm run new` runs in a terminal without arguments.
 */
export async function askForArticle(facts: ContentFacts, streams: PromptStreams): Promise<NewArticleRequest> {
  const reader = createInterface({ input: streams.input, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  const ask = async (question: string, check: (answer: string) => string | null): Promise<string> => {
    for (;;) {
      streams.output.write(`${question} `);
      const next = await lines.next();
      if (next.done) throw new Error('no answer (input ended); nothing was written');
      const answer = String(next.value).trim();
      const problem = check(answer);
      if (problem === null) return answer;
      streams.output.write(`  ${problem}\n`);
    }
  };
  try {
    const choice = (options: readonly string[]) => (answer: string) =>
      options.includes(answer) ? null : `choose one of: ${options.join(', ')}`;
    const type = await ask(`Type (${ARTICLE_TYPES.join(', ')}):`, choice(ARTICLE_TYPES));
    const sections = facts.sections.filter((section) => (type === 'short-take') === (section.kind === 'short-takes')).map((section) => section.id);
    const section = await ask(`Section (${sections.join(', ')}):`, choice(sections));
    const authors = await ask('Authors, in byline order, separated by spaces or commas:', (answer) => {
      const ids = answer.split(/[\s,]+/).filter(Boolean);
      if (ids.length === 0) return 'name at least one author id';
      const unknown = ids.filter((id) => !facts.authorIds.includes(id));
      return unknown.length > 0 ? `no profile for ${unknown.join(', ')}; choose from ${facts.authorIds.join(', ')}` : null;
    });
    const title = await ask('Headline:', (answer) => (answer === '' ? 'write the headline' : null));
    return { type, section, authors: authors.split(/[\s,]+/).filter(Boolean), title };
  } finally {
    reader.close();
  }
}
