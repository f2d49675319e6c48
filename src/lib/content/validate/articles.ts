/**
 * Stage five: articles, `content/articles/**\/<slug>.md`. Each file's own
 * checks (its frontmatter against the schema and the cross-field rules, its
 * body, its photos) are kept between runs in an ArticleFileCache; what it
 * names elsewhere (its section, authors and series) and the address it takes
 * are checked on every run, and handed to the cross-file stage.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { splitSource, type ParsedSource } from '../frontmatter.ts';
import { CONTENT_LAYOUT, listFiles } from '../content-files.ts';
import { articleRuleFindings, articleSchema, photoPathProblem, type ArticleFrontmatter } from '../schema/index.ts';
import { isReservedTopLevel, slugFromFileName, slugProblem } from '../../urls.ts';
import { closestName } from '../zod-issues.ts';
import { findBodyHints, findHints } from '../placeholders.ts';
import { checkBody, reportHints, withoutHints } from './body.ts';
import { checkBodyBlocks, checkPhoto, fileStat, photosUnchanged, type PhotoStat } from './photos.ts';
import { FileReporter } from './reporter.ts';
import { readMarkdown, type ValidationRun } from './run.ts';
import type { ArticleRecord } from './records.ts';
import type { SiteFiles } from './site.ts';

/** What validating one article file found, on its own. */
interface ArticleFileFacts {
  /** Problems in the file itself; messages about other files come later. */
  diagnostics: Diagnostic[];
  parsed?: ParsedSource;
  data?: ArticleFrontmatter;
  /** The photo the checks read, with its size and time then. */
  photo?: PhotoStat;
  /** Body photos (`::figure`), with their files' size and time then: a photo added or renamed checks the piece again. */
  figurePhotos?: PhotoStat[];
  /** The `src` of each body figure, as written, for the renderer. */
  figures?: string[];
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
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize({ fingerprint, files }));
    renameSync(temporary, file);
  }
}

/** A former slug an article lists, for the cross-file stage. */
export interface PreviousSlug {
  slug: string;
  reporter: FileReporter;
  index: number;
  file: string;
}

export interface SeriesPart {
  part: number;
  file: string;
  reporter: FileReporter;
}

export interface ArticleFiles {
  articles: ArticleRecord[];
  /** Each live address (slug in lower case) and the file that holds it. */
  slugOwners: Map<string, { file: string }>;
  previousSlugs: PreviousSlug[];
  /** Each series' part files, for the rules across them (duplicate and missing parts). */
  seriesParts: Map<string, SeriesPart[]>;
}

export function checkArticles(
  run: ValidationRun,
  siteFiles: SiteFiles,
  authorIds: ReadonlySet<string>,
  pageOwners: ReadonlyMap<string, string>,
  cache: ArticleFileCache | undefined,
): ArticleFiles {
  const { root, shown } = run;
  const { timeZone, sections, sectionById, seriesById } = siteFiles;
  const articles: ArticleRecord[] = [];
  const articlesDir = path.join(root, CONTENT_LAYOUT.articles);
  const schema = articleSchema({ timeZone });
  const sectionIds = [...sectionById.keys()];
  const knownAuthorIds = [...authorIds];
  const seriesIds = [...seriesById.keys()];
  const slugOwners = new Map<string, { file: string }>();
  const previousSlugs: PreviousSlug[] = [];
  const seriesParts = new Map<string, SeriesPart[]>();

  // Everything a file's own checks depend on besides the file and its photos.
  const context = createHash('sha1').update(JSON.stringify([timeZone, sections, root])).digest('base64');
  for (const relative of listFiles(articlesDir)) {
    const absolutePath = path.join(articlesDir, relative);
    if (run.isSkipped(relative, absolutePath, 'article')) continue;
    run.filesChecked++;
    const file = shown(absolutePath);
    const slug = slugFromFileName(relative);
    const slugIssue = slugProblem(slug);
    const facts = articleFileFacts(absolutePath, file, slugIssue);
    run.diagnostics.push(...facts.diagnostics);
    const parsed = facts.parsed;
    if (!parsed) continue;
    const reporter = new FileReporter(run.diagnostics, file, parsed.frontmatterText);

    const raw = parsed.data;
    if (typeof raw.section === 'string' && sectionById.size > 0 && !sectionById.has(raw.section)) {
      const suggestion = closestName(raw.section, sectionIds);
      reporter.at(['section'], 'error', `unknown section "${raw.section}"; ${suggestion ? `did you mean "${suggestion}"?` : `use one of ${sectionIds.join(', ')}`}`);
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
    if (siteFiles.seriesKnown && series && typeof series.id === 'string' && slugProblem(series.id) === null) {
      if (!seriesById.has(series.id)) {
        const suggestion = closestName(series.id, seriesIds);
        const seriesFile = shown(siteFiles.seriesPath);
        const fix = suggestion
          ? `did you mean "${suggestion}"?`
          : siteFiles.hasSeriesFile
            ? `add it to ${seriesFile} with id, title and description, or use one of ${seriesIds.join(', ') || 'the series listed there'}`
            : `create ${seriesFile} and list the series there with id, title and description`;
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
        if (typeof previous === 'string' && slugProblem(previous) === null) previousSlugs.push({ slug: previous, reporter, index, file });
      });
    }
    if (facts.data) {
      articles.push({ slug, file, absolutePath, raw, data: facts.data, body: parsed.body, bodyLine: parsed.bodyLine, figures: facts.figures ?? [] });
    }
  }
  return { articles, slugOwners, previousSlugs, seriesParts };

  /** One article file's own findings, from the cache when nothing they depend on changed. */
  function articleFileFacts(absolutePath: string, file: string, slugIssue: string | null): ArticleFileFacts {
    let bytes: Uint8Array | undefined;
    let digest: string | undefined;
    let stat: string | undefined;
    const unchangedPhotos = (facts: ArticleFileFacts) => photosUnchanged([facts.photo, ...(facts.figurePhotos ?? [])], run.photoStats);
    if (cache) {
      try {
        const info = statSync(absolutePath);
        stat = `${info.size}:${info.mtimeMs}:${info.ino}`;
      } catch {
        stat = undefined;
      }
      const known = cache.files.get(absolutePath);
      // Texts present: findings worked out in this process, not loaded from disk without them.
      if (stat && known?.stat === stat && known.context === context && known.facts.parsed?.frontmatterText && unchangedPhotos(known.facts)) {
        return known.facts;
      }
      try {
        bytes = readFileSync(absolutePath);
        digest = createHash('sha1').update(bytes).digest('base64');
      } catch {
        bytes = undefined;
      }
      const cached = digest !== undefined ? cache.files.get(absolutePath) : undefined;
      if (bytes && cached && cached.digest === digest && cached.context === context && unchangedPhotos(cached.facts)) {
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
      for (const finding of articleRuleFindings(parsed.data, timeZone, sectionById)) reporter.at(finding.path, finding.severity, finding.message);
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
    if (cache && digest !== undefined) {
      cache.files.set(absolutePath, { digest, context, facts, ...(stat ? { stat } : {}) });
      cache.checked++;
    }
    return facts;
  }
}
