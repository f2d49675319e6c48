/**
 * The editors' validator: reads a whole content directory and reports every
 * problem in every file in one pass. The Astro build runs exactly this before
 * it loads anything, so the build and `npm run validate` can never disagree.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import type { z } from 'zod';
import { parseEditorialDate } from './dates.ts';
import { compareDiagnostics, type Diagnostic, type Severity } from './diagnostics.ts';
import { parseMarkdownSource, splitSource, type ParsedSource } from './frontmatter.ts';
import { CONTENT_LAYOUT, MARKDOWN_FILE, displayPath, listFiles } from './content-files.ts';
import { ImageFileCache, imageFileProblem, isInside } from './image-files.ts';
import { svgSize } from './logo-size.ts';
import {
  articleSchema,
  authorSchema,
  pageSchema,
  photoPathProblem,
  sectionsSchema,
  seriesListSchema,
  siteSchema,
  type ArticleFrontmatter,
  type AuthorFrontmatter,
  type PageFrontmatter,
  type Section,
  type Series,
  type SiteConfig,
} from './schema.ts';
import { isReservedTopLevel, SITE_PAGE_NAMES, slugFromFileName, slugProblem } from './urls.ts';
import { closestName, fieldName, issuesToProblems } from './zod-issues.ts';
import { YamlLocator } from './yaml-locate.ts';
import { loadYaml, YamlError } from './yaml.ts';
import { findInternalLinks, findSwallowingTags, findUnfinishedEnding, findUnsafeBodyUrls } from './body-checks.ts';
import { checkPhotoText } from './photo-text-checks.ts';
import { findBodyHints, findHints, isWithin, type HintAt } from './placeholders.ts';
import { numberingProblems } from './series.ts';

export interface ValidateOptions {
  /** Paths in messages are shown relative to this directory. Default: process.cwd(). */
  cwd?: string;
  /** The site's public/ directory, where the logo lives. Default: `<contentDir>/../public`. */
  publicDir?: string;
  /**
   * Findings about each article file, kept from one run to the next (the
   * editor's preview validates again on every save): a file whose size, time,
   * photo and context are unchanged is not read and checked again. The rules
   * across files (slugs, former slugs, links, sections and authors) always run.
   */
  cache?: ArticleFileCache;
}

/** What validating one article file found, on its own. */
interface ArticleFileFacts {
  /** Problems in the file itself; messages about other files come later. */
  diagnostics: Diagnostic[];
  parsed?: ParsedSource;
  data?: ArticleFrontmatter;
  /** The photo the checks read, with its size and time then. */
  photo?: { path: string; size: number; mtimeMs: number };
}

interface CachedFacts {
  /** Digest of the file's bytes when it was checked. */
  digest: string;
  context: string;
  facts: ArticleFileFacts;
  /**
   * Size, time and inode of the file when its digest was taken. While the
   * preview runs, a file whose stat is unchanged is not read again: a saved
   * edit then costs one file's reading, not the archive's.
   */
  stat?: string;
}

export class ArticleFileCache {
  readonly files = new Map<string, CachedFacts>();
  /** Files whose findings were worked out (not reused) since the cache was loaded. */
  checked = 0;

  /**
   * A cache saved by an earlier run, if `fingerprint` (the rules' code and
   * dependencies, see src/loaders/content-loader.ts) is what it was saved with.
   */
  static load(file: string, fingerprint: string): ArticleFileCache {
    const cache = new ArticleFileCache();
    try {
      const saved = deserialize(readFileSync(file)) as { fingerprint: string; files: [string, CachedFacts][] };
      if (saved.fingerprint === fingerprint) for (const [path, entry] of saved.files) cache.files.set(path, entry);
    } catch {
      // None yet, or unreadable: start empty.
    }
    return cache;
  }

  /** Saves the findings without the texts, which are read from the files again (every file is read to check its digest). */
  save(file: string, fingerprint: string): void {
    const files = [...this.files].map(([path, entry]): [string, CachedFacts] => [
      path,
      { ...entry, facts: { ...entry.facts, ...(entry.facts.parsed ? { parsed: { ...entry.facts.parsed, body: '', frontmatterText: '' } } : {}) } },
    ]);
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize({ fingerprint, files }));
    renameSync(temporary, file);
  }
}

export interface ArticleRecord {
  slug: string;
  /** Path as shown in messages. */
  file: string;
  absolutePath: string;
  /** Frontmatter exactly as the editor wrote it (dates as text), for Astro's own schema pass. */
  raw: Record<string, unknown>;
  data: ArticleFrontmatter;
  body: string;
  bodyLine: number;
}

export interface AuthorRecord {
  id: string;
  file: string;
  absolutePath: string;
  raw: Record<string, unknown>;
  data: AuthorFrontmatter;
  body: string;
}

/** A site page of `content/pages/` (About, Masthead...). */
export interface PageRecord {
  slug: string;
  file: string;
  absolutePath: string;
  raw: Record<string, unknown>;
  data: PageFrontmatter;
  body: string;
  bodyLine: number;
}

export interface ContentReport {
  contentDir: string;
  site?: SiteConfig;
  sections: Section[];
  /** The series of content/series.yaml, in file order; none when the file does not exist. */
  series: Series[];
  authors: AuthorRecord[];
  pages: PageRecord[];
  articles: ArticleRecord[];
  diagnostics: Diagnostic[];
  filesChecked: number;
}

export const DEK_WARN_LENGTH = 200;
export const TITLE_WARN_LENGTH = 110;
const FALLBACK_TIME_ZONE = 'UTC';
const IGNORED_LOOKALIKES = /\.(markdown|mdx|mdown|txt|html?)$/i;

/** Collects diagnostics for one file, locating fields in its YAML only when something is wrong. */
class FileReporter {
  private locator: YamlLocator | undefined;
  private readonly sink: Diagnostic[];
  private readonly file: string;
  private readonly yamlText: string | undefined;

  constructor(sink: Diagnostic[], file: string, yamlText: string | undefined) {
    this.sink = sink;
    this.file = file;
    this.yamlText = yamlText;
  }

  at(fieldPath: readonly (string | number)[], severity: Severity, message: string): void {
    // The YAML text's line 1 is the file's line 1 (frontmatter text starts right after "---").
    let line = 1;
    let column = 1;
    if (this.yamlText !== undefined && fieldPath.length > 0) {
      this.locator ??= new YamlLocator(this.yamlText);
      ({ line, column } = this.locator.locate(fieldPath));
    }
    this.sink.push({ file: this.file, line, column, severity, field: fieldName(fieldPath), message });
  }

  atLine(line: number, column: number, field: string, severity: Severity, message: string): void {
    this.sink.push({ file: this.file, line, column, severity, field, message });
  }

  zodIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): void {
    for (const problem of issuesToProblems(issues, schema)) this.at(problem.path, 'error', problem.message);
  }
}

export function validateContent(contentDir: string, options: ValidateOptions = {}): ContentReport {
  const cwd = options.cwd ?? process.cwd();
  const root = path.resolve(contentDir);
  const publicDir = options.publicDir ?? path.join(root, '..', 'public');
  const diagnostics: Diagnostic[] = [];
  const images = new ImageFileCache();
  const shown = (absolutePath: string) => displayPath(absolutePath, cwd);
  let filesChecked = 0;

  if (!existsSync(root)) {
    diagnostics.push(plain(shown(root), 'error', 'directory', 'does not exist; give the folder that holds site.yaml, sections.yaml, authors/ and articles/'));
    return { contentDir: root, sections: [], series: [], authors: [], pages: [], articles: [], diagnostics, filesChecked };
  }

  // --- site.yaml and sections.yaml -------------------------------------------------
  const site = readYamlFile(path.join(root, CONTENT_LAYOUT.site), siteSchema(), 'the publication settings (name, url, timeZone...)');
  filesChecked++;
  if (site.value) {
    const logoFile = path.join(publicDir, site.value.logo.src);
    if (!isInside(publicDir, logoFile) || !images.get(logoFile).exists) {
      site.reporter?.at(['logo', 'src'], 'error', `file "${shown(logoFile)}" does not exist; put the logo in public/`);
    } else if (logoFile.toLowerCase().endsWith('.svg') && !svgSize(readFileSync(logoFile, 'utf8'))) {
      site.reporter?.at(
        ['logo', 'src'],
        'warning',
        `"${shown(logoFile)}" gives no size, so the header cannot keep room for it and the page jumps when it loads; give its <svg> a viewBox (e.g. viewBox="0 0 360 48") or a width and height in pixels`,
      );
    }
    if (site.value.shareImage) {
      const shareFile = path.join(publicDir, site.value.shareImage.src);
      const facts = isInside(publicDir, shareFile) ? images.get(shareFile) : undefined;
      if (!facts?.exists) {
        site.reporter?.at(['shareImage', 'src'], 'error', `file "${shown(shareFile)}" does not exist; put the share image in public/`);
      } else if (facts.kind !== 'png' && facts.kind !== 'jpeg') {
        site.reporter?.at(['shareImage', 'src'], 'error', 'is not a PNG or JPEG file; social networks show only those, so export a 1200×630 PNG');
      }
    }
  }
  const timeZone = site.value?.timeZone ?? FALLBACK_TIME_ZONE;

  const sectionsFile = readYamlFile(path.join(root, CONTENT_LAYOUT.sections), sectionsSchema(), 'the list of sections');
  filesChecked++;
  // Navigation order: `order` when given (lower first), otherwise the order of the file.
  const sections = [...(sectionsFile.value ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const sectionById = new Map<string, Section>();
  sections.forEach((section, index) => {
    if (sectionById.has(section.id)) {
      sectionsFile.reporter?.at([index, 'id'], 'error', `section "${section.id}" is listed twice; give each section its own id`);
    }
    if (isReservedTopLevel(section.id)) {
      sectionsFile.reporter?.at([index, 'id'], 'error', `"${section.id}" is a fixed address of the site; choose another section id`);
    }
    if (section.kind === 'short-takes' && !section.label) {
      sectionsFile.reporter?.at([index], 'error', 'a short-takes brand needs its label, e.g. label: "SIGNAL"');
    }
    sectionById.set(section.id, section);
  });

  // --- series.yaml: optional, a publication without series has none --------------------
  const seriesPath = path.join(root, CONTENT_LAYOUT.series);
  const seriesFile = existsSync(seriesPath) ? readYamlFile(seriesPath, seriesListSchema(), 'the list of series') : undefined;
  if (seriesFile) filesChecked++;
  const seriesById = new Map<string, Series>();
  (seriesFile?.value ?? []).forEach((series, index) => {
    if (seriesById.has(series.id)) seriesFile?.reporter?.at([index, 'id'], 'error', `series "${series.id}" is listed twice; give each series its own id`);
    else seriesById.set(series.id, series);
  });
  const seriesIds = [...seriesById.keys()];
  /** Each series' part files, for the rules across them (duplicate and missing parts). */
  const seriesParts = new Map<string, { part: number; file: string; reporter: FileReporter }[]>();

  // --- authors ----------------------------------------------------------------------
  const authors: AuthorRecord[] = [];
  const authorsDir = path.join(root, CONTENT_LAYOUT.authors);
  const authorSchemaInstance = authorSchema();
  for (const { relative, absolutePath, file, parsed, reporter } of markdownFiles(authorsDir, 'author profile')) {
    const id = slugFromFileName(relative);
    const idProblem = slugProblem(id);
    if (idProblem) reporter.atLine(1, 1, 'file', 'error', `name ${idProblem}; the file name is the author id`);
    const result = authorSchemaInstance.safeParse(parsed.data);
    if (!result.success) reporter.zodIssues(result.error.issues, authorSchemaInstance);
    if (parsed.body.trim() === '') {
      reporter.atLine(parsed.bodyLine - 1, 1, 'body', 'error', 'is empty; write the author bio under the frontmatter');
    }
    const photo = parsed.data.photo as { src?: unknown } | undefined;
    if (photo && typeof photo === 'object' && typeof photo.src === 'string' && photoPathProblem(photo.src) === null) {
      checkPhoto(reporter, ['photo', 'src'], absolutePath, photo.src, root, images, shown);
    }
    if (result.success) {
      authors.push({ id, file, absolutePath, raw: parsed.data, data: result.data, body: parsed.body });
    }
  }
  const authorIds = new Set(authors.map((author) => author.id));

  // --- site pages -------------------------------------------------------------------
  // They share the top level with articles and sections: /about/, /masthead/.
  const pages: PageRecord[] = [];
  const pageOwners = new Map<string, string>();
  const kindOwners = new Map<string, string>();
  const pageSchemaInstance = pageSchema();
  for (const { relative, absolutePath, file, parsed, reporter } of markdownFiles(path.join(root, CONTENT_LAYOUT.pages), 'site page')) {
    const slug = slugFromFileName(relative);
    const slugIssue = slugProblem(slug);
    if (slugIssue) reporter.atLine(1, 1, 'file', 'error', `name ${slugIssue}; the file name is the page's address`);
    else if (sectionById.has(slug)) reporter.atLine(1, 1, 'file', 'error', `"${slug}" is the address of a section; rename the file`);
    else if (isReservedTopLevel(slug) && !SITE_PAGE_NAMES.includes(slug)) reporter.atLine(1, 1, 'file', 'error', `"${slug}" is a fixed address of the site; rename the file`);
    else if (pageOwners.has(slug)) reporter.atLine(1, 1, 'file', 'error', `slug "${slug}" is already used by ${pageOwners.get(slug)}; rename one of the files`);
    else pageOwners.set(slug, file);
    const result = pageSchemaInstance.safeParse(parsed.data);
    if (!result.success) reporter.zodIssues(result.error.issues, pageSchemaInstance);
    checkBody(reporter, parsed, 'page');
    if (result.success && result.data.kind !== 'other') {
      const owner = kindOwners.get(result.data.kind);
      if (owner) reporter.at(['kind'], 'error', `${owner} is already the ${result.data.kind} page; a publication has one, so give this page another kind or "other"`);
      else kindOwners.set(result.data.kind, file);
    }
    if (result.success && !slugIssue) pages.push({ slug, file, absolutePath, raw: parsed.data, data: result.data, body: parsed.body, bodyLine: parsed.bodyLine });
  }

  // --- articles ---------------------------------------------------------------------
  const articles: ArticleRecord[] = [];
  const articlesDir = path.join(root, CONTENT_LAYOUT.articles);
  const schema = articleSchema({ timeZone });
  const sectionIds = [...sectionById.keys()];
  const knownAuthorIds = [...authorIds];
  const slugOwners = new Map<string, { file: string }>();
  const pendingPreviousSlugs: { slug: string; reporter: FileReporter; index: number; file: string }[] = [];

  // Everything a file's own checks depend on besides the file and its photo.
  const context = createHash('sha1').update(JSON.stringify([timeZone, sections, root])).digest('base64');
  const photoStats = new Map<string, { size: number; mtimeMs: number }>();
  for (const relative of listFiles(articlesDir)) {
    const absolutePath = path.join(articlesDir, relative);
    if (!MARKDOWN_FILE.test(relative)) {
      if (IGNORED_LOOKALIKES.test(relative)) diagnostics.push(plain(shown(absolutePath), 'warning', 'file', 'is ignored; article files must end in ".md"'));
      continue;
    }
    filesChecked++;
    const file = shown(absolutePath);
    const slug = slugFromFileName(relative);
    const slugIssue = slugProblem(slug);
    const facts = articleFileFacts(absolutePath, file, slug, slugIssue, context);
    diagnostics.push(...facts.diagnostics);
    const parsed = facts.parsed;
    if (!parsed) continue;
    const reporter = new FileReporter(diagnostics, file, parsed.frontmatterText);

    const raw = parsed.data;
    if (typeof raw.section === 'string' && sectionById.size > 0 && !sectionById.has(raw.section)) {
      const suggestion = closestName(raw.section, sectionIds);
      reporter.at(
        ['section'],
        'error',
        `unknown section "${raw.section}"; ${suggestion ? `did you mean "${suggestion}"?` : `use one of ${sectionIds.join(', ')}`}`,
      );
    }
    if (Array.isArray(raw.authors)) {
      const seen = new Set<string>();
      raw.authors.forEach((authorId, index) => {
        if (typeof authorId !== 'string') return;
        if (seen.has(authorId)) reporter.at(['authors', index], 'error', `author "${authorId}" is named twice; list each author once`);
        seen.add(authorId);
        if (!authorIds.has(authorId) && slugProblem(authorId) === null) {
          const suggestion = closestName(authorId, knownAuthorIds);
          reporter.at(
            ['authors', index],
            'error',
            `unknown author "${authorId}"; ${suggestion ? `did you mean "${suggestion}"?` : `add content/authors/${authorId}.md or use an existing author id`}`,
          );
        }
      });
    }
    const series = raw.series && typeof raw.series === 'object' ? (raw.series as { id?: unknown; part?: unknown }) : undefined;
    // A series.yaml that failed its own checks has been reported; its parts are checked once it is fixed.
    const seriesKnown = !seriesFile || seriesFile.value !== undefined;
    if (seriesKnown && series && typeof series.id === 'string' && slugProblem(series.id) === null) {
      if (!seriesById.has(series.id)) {
        const suggestion = closestName(series.id, seriesIds);
        const fix = suggestion
          ? `did you mean "${suggestion}"?`
          : seriesFile
            ? `add it to ${shown(seriesPath)} with id, title and description, or use one of ${seriesIds.join(', ') || 'the series listed there'}`
            : `create ${shown(seriesPath)} and list the series there with id, title and description`;
        reporter.at(['series', 'id'], 'error', `unknown series "${series.id}"; ${fix}`);
      } else if (typeof series.part === 'number' && Number.isInteger(series.part) && series.part > 0) {
        let parts = seriesParts.get(series.id);
        if (!parts) seriesParts.set(series.id, (parts = []));
        parts.push({ part: series.part, file, reporter });
      }
    }
    // Compared ignoring case, so "Iran-SCO.md" is reported as a duplicate too, not only for its capitals.
    if (!slugIssue || slugProblem(slug.toLowerCase()) === null) {
      const key = slug.toLowerCase();
      const owner = slugOwners.get(key);
      if (owner) {
        reporter.atLine(1, 1, 'file', 'error', `slug "${slug}" is already used by ${owner.file}; rename one of the files`);
      } else if (sectionById.has(slug) || isReservedTopLevel(slug)) {
        reporter.atLine(1, 1, 'file', 'error', `slug "${slug}" is the address of ${sectionById.has(slug) ? 'a section' : 'a fixed page'}; rename the file`);
      } else if (pageOwners.has(key)) {
        reporter.atLine(1, 1, 'file', 'error', `slug "${slug}" is the address of the site page ${pageOwners.get(key)}; rename the file`);
      } else {
        slugOwners.set(key, { file });
      }
    }
    if (Array.isArray(raw.previousSlugs)) {
      raw.previousSlugs.forEach((previous, index) => {
        if (typeof previous === 'string' && slugProblem(previous) === null) {
          pendingPreviousSlugs.push({ slug: previous, reporter, index, file });
        }
      });
    }
    if (facts.data) {
      articles.push({ slug, file, absolutePath, raw, data: facts.data, body: parsed.body, bodyLine: parsed.bodyLine });
    }
  }

  // A series is numbered 1, 2, 3... over all its part files, drafts and scheduled parts included (src/lib/series.ts).
  for (const [seriesId, parts] of seriesParts) {
    for (const problem of numberingProblems(seriesId, parts)) parts[problem.index]!.reporter.at(['series', 'part'], 'error', problem.message);
  }

  // Former slugs become redirects: they must not shadow a live article, a section or another redirect.
  const redirectOwners = new Map<string, string>();
  for (const { slug, reporter, index, file } of pendingPreviousSlugs) {
    const liveOwner = slugOwners.get(slug);
    if (liveOwner) {
      reporter.at(['previousSlugs', index], 'error', `"${slug}" is the address of ${liveOwner.file === file ? 'this article itself' : liveOwner.file}; remove it from previousSlugs`);
    } else if (sectionById.has(slug) || isReservedTopLevel(slug) || pageOwners.has(slug)) {
      reporter.at(['previousSlugs', index], 'error', `"${slug}" is the address of a section or fixed page; remove it from previousSlugs`);
    } else if (redirectOwners.has(slug) && redirectOwners.get(slug) !== file) {
      reporter.at(['previousSlugs', index], 'error', `"${slug}" is also a former slug of ${redirectOwners.get(slug)}; one old address can point to one article only`);
    } else {
      redirectOwners.set(slug, file);
    }
  }

  // Links inside the site must lead to a page that exists: an article, a section, a site page or a fixed page.
  // A link to a piece taken down (a draft again, or withdrawn) shows as plain text, so a takedown is one change:
  // the pieces that cite it get a warning, not an error that would hold the takedown up.
  const takenDown = new Map<string, string>();
  for (const article of articles) {
    const state = article.data.draft ? 'a draft' : article.data.withdrawn ? 'withdrawn' : undefined;
    if (state) for (const slug of [article.slug, ...article.data.previousSlugs]) takenDown.set(slug, state);
  }
  for (const article of [...articles, ...pages]) {
    for (const link of findInternalLinks(article.body)) {
      const target = link.firstSegment;
      const line = article.bodyLine + link.line - 1;
      if (target === '' || sectionById.has(target) || isReservedTopLevel(target) || pageOwners.has(target)) continue;
      if (!slugOwners.has(target) && !redirectOwners.has(target)) {
        const suggestion = closestName(target, [...slugOwners.keys()]);
        const message = `link "${link.href}" leads nowhere: no article has the slug "${target}"${suggestion ? `; did you mean "/${suggestion}/"?` : ''}`;
        diagnostics.push({ file: article.file, line, column: link.column, severity: 'error', field: 'body', message });
      } else if (takenDown.has(target)) {
        const message = `link "${link.href}" leads to a piece that is ${takenDown.get(target)}; readers see its words as plain text until the piece is published again, or remove the link`;
        diagnostics.push({ file: article.file, line, column: link.column, severity: 'warning', field: 'body', message });
      }
    }
  }

  diagnostics.sort(compareDiagnostics);
  return {
    contentDir: root,
    ...(site.value ? { site: site.value } : {}),
    sections,
    series: [...seriesById.values()],
    authors,
    pages,
    articles,
    diagnostics,
    filesChecked,
  };

  /** One article file's own findings, from the cache when nothing they depend on changed. */
  function articleFileFacts(absolutePath: string, file: string, slug: string, slugIssue: string | null, context: string): ArticleFileFacts {
    const cache = options.cache;
    let bytes: Uint8Array | undefined;
    let digest: string | undefined;
    let stat: string | undefined;
    if (cache) {
      try {
        const info = statSync(absolutePath);
        stat = `${info.size}:${info.mtimeMs}:${info.ino}`;
      } catch {
        stat = undefined;
      }
      const known = cache.files.get(absolutePath);
      // Texts present: findings worked out in this process, not loaded from disk without them.
      if (stat && known?.stat === stat && known.context === context && known.facts.parsed?.frontmatterText && photoUnchanged(known.facts.photo, photoStats)) {
        return known.facts;
      }
      try {
        bytes = readFileSync(absolutePath);
        digest = createHash('sha1').update(bytes).digest('base64');
      } catch {
        bytes = undefined;
      }
      const cached = digest !== undefined ? cache.files.get(absolutePath) : undefined;
      if (bytes && cached && cached.digest === digest && cached.context === context && photoUnchanged(cached.facts.photo, photoStats)) {
        const parsed = cached.facts.parsed;
        // Findings from disk come without their texts: the file holds them, unchanged.
        if (parsed && parsed.body === '' && parsed.frontmatterText === '') {
          const texts = splitSource(bytes);
          if (texts) Object.assign(parsed, texts);
        }
        if (stat) cached.stat = stat;
        return cached.facts;
      }
    }
    const sink: Diagnostic[] = [];
    const parsed = readMarkdown(absolutePath, file, 'article', sink, bytes);
    const facts: ArticleFileFacts = { diagnostics: sink };
    if (parsed) {
      facts.parsed = parsed;
      const reporter = new FileReporter(sink, file, parsed.frontmatterText);
      if (slugIssue) reporter.atLine(1, 1, 'file', 'error', `name ${slugIssue}; the file name is the article's address`);
      const hints = findHints(parsed.data);
      const bodyHints = findBodyHints(parsed.body);
      const result = schema.safeParse(parsed.data);
      // A piece that still holds hints is checked, never loaded: its hints are no content.
      if (result.success && hints.length === 0 && bodyHints.length === 0) facts.data = result.data;
      else if (!result.success) reporter.zodIssues(withoutHints(result.error.issues, hints), schema);
      reportHints(reporter, parsed, hints, bodyHints);
      checkArticleRules(reporter, parsed.data, timeZone, sectionById);
      checkBody(reporter, parsed, 'article', bodyHints.length > 0);
      const hero = parsed.data.hero as { src?: unknown } | undefined;
      if (hero && typeof hero === 'object' && typeof hero.src === 'string' && photoPathProblem(hero.src) === null) {
        const target = checkPhoto(reporter, ['hero', 'src'], absolutePath, hero.src, root, images, shown);
        if (target) facts.photo = { path: target, ...fileStat(target, photoStats) };
      }
    }
    if (cache && digest !== undefined) {
      cache.files.set(absolutePath, { digest, context, facts, ...(stat ? { stat } : {}) });
      cache.checked++;
    }
    return facts;
  }

  /** Every Markdown file below `dir` that could be read and split; warns about look-alikes that would be skipped. */
  function* markdownFiles(dir: string, kind: string) {
    for (const relative of listFiles(dir)) {
      const absolutePath = path.join(dir, relative);
      if (!MARKDOWN_FILE.test(relative)) {
        if (IGNORED_LOOKALIKES.test(relative)) {
          diagnostics.push(plain(shown(absolutePath), 'warning', 'file', `is ignored; ${kind} files must end in ".md"`));
        }
        continue;
      }
      filesChecked++;
      const file = shown(absolutePath);
      const parsed = readMarkdown(absolutePath, file, kind, diagnostics);
      if (parsed) yield { relative, absolutePath, file, parsed, reporter: new FileReporter(diagnostics, file, parsed.frontmatterText) };
    }
  }

  function readYamlFile<S extends z.ZodType>(
    absolutePath: string,
    fileSchema: S,
    what: string,
  ): { value?: z.output<S>; reporter?: FileReporter } {
    const file = shown(absolutePath);
    let text: string;
    try {
      text = readFileSync(absolutePath, 'utf8');
    } catch {
      diagnostics.push(plain(file, 'error', 'file', `missing; create it with ${what} (see README, "Editors' guide")`));
      return {};
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const reporter = new FileReporter(diagnostics, file, text);
    let data: unknown;
    try {
      data = loadYaml(text);
    } catch (error) {
      if (!(error instanceof YamlError)) throw error;
      reporter.atLine((error.mark?.line ?? 0) + 1, (error.mark?.column ?? 0) + 1, 'yaml', 'error', `YAML error: ${error.reason}`);
      return { reporter };
    }
    const result = fileSchema.safeParse(data);
    if (!result.success) {
      reporter.zodIssues(result.error.issues, fileSchema);
      return { reporter };
    }
    return { value: result.data, reporter };
  }
}

function plain(file: string, severity: Severity, field: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity, field, message };
}

function readMarkdown(absolutePath: string, file: string, kind: string, diagnostics: Diagnostic[], alreadyRead?: Uint8Array): ParsedSource | undefined {
  let bytes: Uint8Array;
  try {
    bytes = alreadyRead ?? readFileSync(absolutePath);
  } catch (error) {
    diagnostics.push(plain(file, 'error', 'file', `cannot be read (${(error as NodeJS.ErrnoException).code}); check its permissions`));
    return undefined;
  }
  const outcome = parseMarkdownSource(bytes, kind);
  if (!outcome.ok) {
    const { line, column, field, message } = outcome.problem;
    diagnostics.push({ file, line, column, severity: 'error', field, message });
    return undefined;
  }
  return outcome.source;
}

/** Rules that involve more than one field; they run even when other fields are wrong. */
function checkArticleRules(reporter: FileReporter, raw: Record<string, unknown>, timeZone: string, sections: Map<string, Section>) {
  const published = typeof raw.published === 'string' ? parseEditorialDate(raw.published, timeZone) : undefined;
  const updated = typeof raw.updated === 'string' ? parseEditorialDate(raw.updated, timeZone) : undefined;
  if (published?.ok && updated?.ok && updated.date < published.date) {
    reporter.at(['updated'], 'error', `is before published (${raw.published}); an update cannot come before publication`);
  }
  const withdrawn = raw.withdrawn && typeof raw.withdrawn === 'object' ? (raw.withdrawn as { date?: unknown }) : undefined;
  if (withdrawn) {
    const date = typeof withdrawn.date === 'string' ? parseEditorialDate(withdrawn.date, timeZone) : undefined;
    if (published?.ok && date?.ok && date.date < published.date) {
      reporter.at(['withdrawn', 'date'], 'error', `is before published (${raw.published}); a piece is withdrawn after it came out`);
    }
    if (raw.draft === true) {
      reporter.at(['withdrawn'], 'warning', 'has no effect on a draft: draft: true takes the address down entirely (no notice); keep one of the two');
    }
  }
  if (published?.ok && Array.isArray(raw.corrections)) {
    raw.corrections.forEach((correction, index) => {
      const date = correction && typeof correction === 'object' ? (correction as { date?: unknown }).date : undefined;
      const parsed = typeof date === 'string' ? parseEditorialDate(date, timeZone) : undefined;
      if (parsed?.ok && parsed.date.getTime() < published.date.getTime() - 86_400_000) {
        reporter.at(['corrections', index, 'date'], 'warning', 'is before the publication date; check the year');
      }
    });
  }
  const type = raw.type;
  if (typeof type === 'string' && type !== 'short-take' && raw.hero === undefined) {
    reporter.at(['type'], 'error', 'every article except a short take needs a top photo; add hero: { src, alt, caption, credit }');
  }
  const section = typeof raw.section === 'string' ? sections.get(raw.section) : undefined;
  if (section && typeof type === 'string') {
    if (section.kind === 'short-takes' && type !== 'short-take') {
      reporter.at(['type'], 'error', `"${section.name}" is a short-takes brand; use type: short-take, or move the piece to a regular section`);
    }
    if (section.kind === 'section' && type === 'short-take') {
      reporter.at(['section'], 'error', `short takes belong in a short-takes brand (${[...sections.values()].filter((s) => s.kind === 'short-takes').map((s) => s.id).join(', ') || 'none is defined'}), not in "${section.id}"`);
    }
  }
  if (typeof raw.dek === 'string' && raw.dek.length > DEK_WARN_LENGTH) {
    reporter.at(['dek'], 'warning', `is ${raw.dek.length} characters; a dek reads best under ${DEK_WARN_LENGTH}`);
  }
  if (typeof raw.title === 'string' && raw.title.length > TITLE_WARN_LENGTH) {
    reporter.at(['title'], 'warning', `is ${raw.title.length} characters; headlines over ${TITLE_WARN_LENGTH} get cut in feeds and search results`);
  }
  if (raw.hero && typeof raw.hero === 'object') {
    for (const finding of checkPhotoText(raw.hero as Record<string, unknown>, raw.title)) reporter.at(['hero', finding.field], 'warning', finding.message);
  }
  if (Array.isArray(raw.tags)) {
    const seen = new Set<unknown>();
    raw.tags.forEach((tag, index) => {
      if (seen.has(tag)) reporter.at(['tags', index], 'warning', `tag "${String(tag)}" is listed twice`);
      seen.add(tag);
    });
  }
}

/** Zod's issues about fields that hold a hint are the hint's own message's business. */
function withoutHints(issues: readonly z.core.$ZodIssue[], hints: readonly HintAt[]): z.core.$ZodIssue[] {
  return issues.filter((issue) => !hints.some((hint) => isWithin(issue.path, hint.path)));
}

/** Hints from `npm run new`: a warning in a draft (which is then not loaded), an error in a piece meant for readers. */
function reportHints(reporter: FileReporter, parsed: ParsedSource, hints: readonly HintAt[], bodyHints: readonly { line: number; text: string }[]) {
  const draft = parsed.data.draft === true;
  const severity: Severity = draft ? 'warning' : 'error';
  const todo = draft
    ? 'replace it before publishing; the preview shows this draft once no hint is left'
    : 'replace it, or set draft: true until the piece is ready';
  for (const hint of hints) reporter.at(hint.path, severity, `still holds the hint "[[${hint.text}]]"; ${todo}`);
  for (const hint of bodyHints) reporter.atLine(parsed.bodyLine + hint.line - 1, 1, 'body', severity, `still holds the hint "[[${hint.text}]]"; ${todo}`);
}

/** `holdsHints`: the body still holds `npm run new`'s hints, so it is unwritten rather than cut off. */
function checkBody(reporter: FileReporter, parsed: ParsedSource, what: 'article' | 'page' = 'article', holdsHints = false) {
  if (parsed.body.trim() === '') {
    // Pointing at the closing "---": the text belongs right under it.
    reporter.atLine(parsed.bodyLine - 1, 1, 'body', 'error', `is empty; write the ${what} under the frontmatter`);
    return;
  }
  for (const unsafe of findUnsafeBodyUrls(parsed.body)) {
    reporter.atLine(parsed.bodyLine + unsafe.line - 1, unsafe.column, 'body', 'error', unsafe.message);
  }
  for (const tag of findSwallowingTags(parsed.body)) {
    reporter.atLine(parsed.bodyLine + tag.line - 1, tag.column, 'body', tag.severity, tag.message);
  }
  // Site pages may end in an address or a list of contacts; an article ends on a sentence.
  const unfinished = what === 'article' && !holdsHints ? findUnfinishedEnding(parsed.body) : null;
  if (unfinished) {
    reporter.atLine(
      parsed.bodyLine + unfinished.line - 1,
      1,
      'body',
      'warning',
      `ends mid-sentence ("...${unfinished.tail}"); finish the last sentence, or check that the end of the piece was not cut off`,
    );
  }
}

/** Checks a photo path; returns the file it names when that is inside the content folder. */
function checkPhoto(
  reporter: FileReporter,
  fieldPath: (string | number)[],
  markdownFile: string,
  src: string,
  root: string,
  images: ImageFileCache,
  shown: (absolutePath: string) => string,
): string | undefined {
  const target = path.resolve(path.dirname(markdownFile), src);
  if (!isInside(root, target)) {
    reporter.at(fieldPath, 'error', `"${src}" points outside the content folder; keep photos under ${shown(root)}/`);
    return undefined;
  }
  const problem = imageFileProblem(images.get(target), shown(target));
  if (problem) reporter.at(fieldPath, problem.severity, problem.message);
  return target;
}

/** Size and time of a file, looked up once per validation run: many pieces share a photo. */
function fileStat(file: string, seen: Map<string, { size: number; mtimeMs: number }>): { size: number; mtimeMs: number } {
  let stat = seen.get(file);
  if (!stat) {
    try {
      const { size, mtimeMs } = statSync(file);
      stat = { size, mtimeMs };
    } catch {
      stat = { size: -1, mtimeMs: -1 };
    }
    seen.set(file, stat);
  }
  return stat;
}

function photoUnchanged(photo: ArticleFileFacts['photo'], seen: Map<string, { size: number; mtimeMs: number }>): boolean {
  if (!photo) return true;
  const now = fileStat(photo.path, seen);
  return now.size === photo.size && now.mtimeMs === photo.mtimeMs;
}
