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
import { splitSource } from '../frontmatter.ts';
import { CONTENT_LAYOUT, listFiles } from '../content-files.ts';
import { isReservedTopLevel, slugFromFileName, slugProblem } from '../../urls.ts';
import { closestName } from '../zod-issues.ts';
import { checkArticleFile, digestOf, type ArticleCheckContext, type ArticleFileFacts, type ArticleFileJob, type CheckedArticleFile, type ParsedFacts } from './article-file.ts';
import { photosUnchanged } from './photos.ts';
import { FileReporter } from './reporter.ts';
import type { ValidationRun } from './run.ts';
import { computeShared } from './shared-work.ts';
import type { ArticleRecord } from './records.ts';
import type { SiteFiles } from './site.ts';

interface CachedFacts {
  /** Digest of the file's bytes when it was checked. */
  digest: string;
  context: string;
  facts: ArticleFileFacts;
  /**
   * Size, time and inode of the file when its digest was taken. A file whose
   * stat is unchanged is not read again, in the preview after a saved edit or
   * in the next build: the texts are read only if something asks for them.
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

  /** Saves the findings without the texts, which the files hold. */
  save(file: string, fingerprint: string): void {
    const withoutTexts = ({ body: _body, frontmatterText: _frontmatterText, ...rest }: ParsedFacts): ParsedFacts => rest;
    const files = [...this.files].map(([path, entry]): [string, CachedFacts] => [
      path,
      { ...entry, facts: { ...entry.facts, ...(entry.facts.parsed ? { parsed: withoutTexts(entry.facts.parsed) } : {}) } },
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

/** Below this many files to check, starting a worker costs more than it saves. */
const SHARED_WORK_THRESHOLD = 400;
/** Files per claim (about 7 ms of checks each): small enough that both threads finish together. */
const FILES_PER_CLAIM = 32;

/** The worker that checks article files alongside the calling thread. */
export const ARTICLE_WORKER_URL = new URL('./article-worker.ts', import.meta.url);

/** An article file met in the folder, with its own findings once known. */
interface ListedArticle extends ArticleFileJob {
  slug: string;
  facts?: ArticleFileFacts;
  stat?: string;
}

export function checkArticles(
  run: ValidationRun,
  siteFiles: SiteFiles,
  authorIds: ReadonlySet<string>,
  pageOwners: ReadonlyMap<string, string>,
  cache: ArticleFileCache | undefined,
  { shareWork = true, keepTexts = true }: { shareWork?: boolean; keepTexts?: boolean } = {},
): ArticleFiles {
  const { root, shown } = run;
  const { timeZone, sections, sectionById, seriesById } = siteFiles;
  const articles: ArticleRecord[] = [];
  const articlesDir = path.join(root, CONTENT_LAYOUT.articles);
  const sectionIds = [...sectionById.keys()];
  const knownAuthorIds = [...authorIds];
  const seriesIds = [...seriesById.keys()];
  const slugOwners = new Map<string, { file: string }>();
  const previousSlugs: PreviousSlug[] = [];
  const seriesParts = new Map<string, SeriesPart[]>();

  // Everything a file's own checks depend on besides the file and its photos.
  const contextKey = createHash('sha1').update(JSON.stringify([timeZone, sections, root])).digest('base64');
  const checkContext: ArticleCheckContext = { root, cwd: run.cwd, timeZone, sections: [...sectionById], withDigest: cache !== undefined, keepTexts };

  // Each file's own findings: from the cache where nothing they depend on changed, the rest worked out (on two threads when there are many).
  const listed: ListedArticle[] = [];
  for (const relative of listFiles(articlesDir)) {
    const absolutePath = path.join(articlesDir, relative);
    if (run.isSkipped(relative, absolutePath, 'article')) continue;
    run.filesChecked++;
    const slug = slugFromFileName(relative);
    const article: ListedArticle = { absolutePath, file: shown(absolutePath), slug, slugIssue: slugProblem(slug) };
    if (cache) Object.assign(article, cachedFacts(absolutePath));
    listed.push(article);
  }
  const unchecked = listed.filter((article) => !article.facts);
  const checked = checkFiles(unchecked.map(({ absolutePath, file, slugIssue }) => ({ absolutePath, file, slugIssue })));
  unchecked.forEach((article, index) => {
    const { facts, digest } = checked[index]!;
    article.facts = facts;
    if (cache && digest !== undefined) {
      cache.files.set(article.absolutePath, { digest, context: contextKey, facts, ...(article.stat ? { stat: article.stat } : {}) });
      cache.checked++;
    }
  });

  for (const { file, slug, slugIssue, absolutePath, facts: found } of listed) {
    // Every listed file has its findings by now, from the cache or just worked out.
    const facts = found!;
    run.diagnostics.push(...facts.diagnostics);
    const parsed = facts.parsed;
    if (!parsed) continue;
    const texts = textsReader(absolutePath, file, parsed, facts.bodyDigest!);
    const reporter = new FileReporter(run.diagnostics, file, () => texts().frontmatterText);

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
      articles.push({
        slug,
        file,
        absolutePath,
        raw,
        data: facts.data,
        get body() {
          return texts().body;
        },
        bodyDigest: facts.bodyDigest!,
        bodyLine: parsed.bodyLine,
        figures: facts.figures ?? [],
        internalLinks: facts.internalLinks ?? [],
      });
    }
  }
  return { articles, slugOwners, previousSlugs, seriesParts };

  function checkFiles(jobs: ArticleFileJob[]): CheckedArticleFile[] {
    if (jobs.length < SHARED_WORK_THRESHOLD || !shareWork) return jobs.map((job) => checkArticleFile(job, checkContext));
    return computeShared(jobs, checkArticleFile, { workerUrl: ARTICLE_WORKER_URL, context: checkContext, chunkSize: FILES_PER_CLAIM });
  }

  /** A file's findings from the cache when neither it, its photos nor the site they depend on changed; its stat either way. */
  function cachedFacts(absolutePath: string): { facts?: ArticleFileFacts; stat?: string } {
    let stat: string | undefined;
    try {
      const info = statSync(absolutePath);
      stat = `${info.size}:${info.mtimeMs}:${info.ino}`;
    } catch {
      return {};
    }
    const known = cache!.files.get(absolutePath);
    if (!known || known.context !== contextKey || !photosUnchanged([known.facts.photo, ...(known.facts.figurePhotos ?? [])], run.photoStats)) return { stat };
    if (known.stat === stat) return { facts: known.facts, stat };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(absolutePath);
    } catch {
      return { stat };
    }
    if (known.digest !== digestOf(bytes)) return { stat };
    const parsed = known.facts.parsed;
    // Findings from disk come without their texts; the bytes are at hand, and kept when texts are.
    if (keepTexts && parsed && parsed.body === undefined) {
      const texts = splitSource(bytes);
      if (texts) Object.assign(parsed, texts);
    }
    known.stat = stat;
    return { facts: known.facts, stat };
  }
}

/**
 * A file's texts as its findings knew them: at hand, or read again from the
 * file each time they are asked for. A file that no longer holds that body
 * (it was saved again meanwhile) stops the run rather than mix versions.
 */
function textsReader(absolutePath: string, file: string, parsed: ParsedFacts, bodyDigest: string): () => { frontmatterText: string; body: string } {
  const kept = parsed.body !== undefined && parsed.frontmatterText !== undefined ? { body: parsed.body, frontmatterText: parsed.frontmatterText } : undefined;
  // Texts that were not kept are read at each call, never held: a build asks for each body once,
  // and holding what it read would keep every body of the archive in memory to the end of the run.
  return () => kept ?? readTexts();

  function readTexts(): { frontmatterText: string; body: string } {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(absolutePath);
    } catch (error) {
      throw new Error(`${file}: cannot be read again (${(error as NodeJS.ErrnoException).code}); check it is still there and build again`);
    }
    const split = splitSource(bytes);
    if (!split || digestOf(split.body) !== bodyDigest) throw new Error(`${file}: changed while it was being read; build again`);
    return split;
  }
}
