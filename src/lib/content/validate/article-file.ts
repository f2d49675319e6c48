/**
 * One article file's own checks: its frontmatter against the schema and the
 * cross-field rules, its body, its photos. They depend on the file, its photos
 * and a little of the site (time zone, sections) and on nothing else, so they
 * run on either thread (see shared-work.ts) and their findings can be kept
 * between runs (ArticleFileCache in articles.ts).
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.ts';
import type { ParsedSource } from '../frontmatter.ts';
import { articleRuleFindings, articleSchema, photoPathProblem, type ArticleFrontmatter, type Section } from '../schema/index.ts';
import { findBodyHints, findHints } from '../placeholders.ts';
import { findInternalLinks, type InternalLink } from '../body-checks.ts';
import { checkBody, reportHints, withoutHints } from './body.ts';
import { checkBodyBlocks, checkPhoto, fileStat, type PhotoStat } from './photos.ts';
import { FileReporter } from './reporter.ts';
import { readMarkdown, ValidationRun } from './run.ts';

/**
 * A file's frontmatter data and where its body starts; its texts when they are
 * at hand (findings saved to disk go without them: the file holds them).
 */
export type ParsedFacts = Omit<ParsedSource, 'body' | 'frontmatterText'> & Partial<Pick<ParsedSource, 'body' | 'frontmatterText'>>;

/** What validating one article file found, on its own. */
export interface ArticleFileFacts {
  /** Problems in the file itself; messages about other files come later. */
  diagnostics: Diagnostic[];
  parsed?: ParsedFacts;
  data?: ArticleFrontmatter;
  /** The photo the checks read, with its size and time then. */
  photo?: PhotoStat;
  /** Body photos (`::figure`), with their files' size and time then: a photo added or renamed checks the piece again. */
  figurePhotos?: PhotoStat[];
  /** The `src` of each body figure, as written, for the renderer. */
  figures?: string[];
  /** Digest of the body's text (digestOf): what the render cache keys a body by, and how a body read again later is known to be the same. */
  bodyDigest?: string;
  /** Root-relative links of the body, for the rule across files that each leads somewhere. */
  internalLinks?: InternalLink[];
}

/** The site as the checks see it: plain data, so that it can be sent to a worker. */
export interface ArticleCheckContext {
  root: string;
  /** Paths in messages are relative to this folder. */
  cwd: string;
  timeZone: string;
  /** Sections by id, in the order sections.yaml gives them. */
  sections: [string, Section][];
  /** Whether to return the digest of the bytes checked, for the cache. */
  withDigest: boolean;
  /** Whether the findings keep the file's frontmatter text and body (see ValidateOptions.keepTexts). */
  keepTexts: boolean;
}

export interface ArticleFileJob {
  absolutePath: string;
  /** The path as messages show it. */
  file: string;
  /** What is wrong with the file name as an address, if anything. */
  slugIssue: string | null;
}

export interface CheckedArticleFile {
  facts: ArticleFileFacts;
  /** Digest of the bytes checked, when asked for and the file could be read. */
  digest?: string;
}

const schemaFor = (timeZone: string) => articleSchema({ timeZone });

interface Checker {
  run: ValidationRun;
  schema: ReturnType<typeof schemaFor>;
  sectionById: Map<string, Section>;
}

/** Built once per context object, in each thread. */
const checkers = new WeakMap<ArticleCheckContext, Checker>();

function checkerFor(context: ArticleCheckContext): Checker {
  let checker = checkers.get(context);
  if (!checker) {
    checker = { run: new ValidationRun(context.root, context.cwd), schema: schemaFor(context.timeZone), sectionById: new Map(context.sections) };
    checkers.set(context, checker);
  }
  return checker;
}

export function checkArticleFile(job: ArticleFileJob, context: ArticleCheckContext): CheckedArticleFile {
  const { run, schema, sectionById } = checkerFor(context);
  const { absolutePath, file, slugIssue } = job;
  let bytes: Uint8Array | undefined;
  try {
    bytes = readFileSync(absolutePath);
  } catch {
    // readMarkdown reports it.
  }
  const sink: Diagnostic[] = [];
  const parsed = readMarkdown(absolutePath, file, 'article', sink, bytes);
  const facts: ArticleFileFacts = { diagnostics: sink };
  if (parsed) {
    facts.parsed = context.keepTexts ? parsed : { data: parsed.data, bodyLine: parsed.bodyLine };
    facts.bodyDigest = digestOf(parsed.body);
    facts.internalLinks = findInternalLinks(parsed.body);
    const reporter = new FileReporter(sink, file, parsed.frontmatterText);
    if (slugIssue) reporter.atLine(1, 1, 'file', 'error', `name ${slugIssue}; the file name is the article's address`);
    const hints = findHints(parsed.data);
    const bodyHints = findBodyHints(parsed.body);
    const result = schema.safeParse(parsed.data);
    // A piece that still holds hints is checked, never loaded: its hints are no content.
    if (result.success && hints.length === 0 && bodyHints.length === 0) facts.data = result.data;
    else if (!result.success) reporter.zodIssues(withoutHints(result.error.issues, hints), schema);
    reportHints(reporter, parsed, hints, bodyHints);
    for (const finding of articleRuleFindings(parsed.data, context.timeZone, sectionById)) reporter.at(finding.path, finding.severity, finding.message);
    checkBody(reporter, parsed, 'article', bodyHints.length > 0);
    const figures = checkBodyBlocks(run, reporter, parsed, absolutePath);
    if (figures.length > 0) {
      facts.figures = [...new Set(figures.map((figure) => figure.src))];
      facts.figurePhotos = figures.flatMap((figure) => (figure.target ? [{ path: figure.target, ...fileStat(figure.target, run.photoStats) }] : []));
    }
    const hero = parsed.data.hero as { src?: unknown } | undefined;
    if (hero && typeof hero === 'object' && typeof hero.src === 'string' && photoPathProblem(hero.src) === null) {
      const target = checkPhoto(run, reporter, ['hero', 'src'], absolutePath, hero.src);
      if (target) facts.photo = { path: target, ...fileStat(target, run.photoStats) };
    }
  }
  return context.withDigest && bytes ? { facts, digest: digestOf(bytes) } : { facts };
}

/** Digest of a file's bytes or of a text (a body): what the cache compares. */
export function digestOf(content: Uint8Array | string): string {
  return createHash('sha1').update(content).digest('base64');
}
