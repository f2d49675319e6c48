/**
 * Rendered article bodies live on disk, not in Astro's data store: the store is
 * bundled into one JavaScript module, which cannot hold a large archive
 * (withastro/astro #13360). Each body is rendered once per content hash and read
 * back by the article page.
 *
 * What list pages need of every body (its excerpt, word count and links) is
 * also kept in one summaries file: a build reads that file once instead of one
 * metadata file per body (50,000 reads at 50,000 articles, with the ranking
 * words that only the related-story worker wants).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Excerpt } from './presentation/teaser.ts';
import { cacheDir } from './build-settings.ts';

export function renderCacheDir(): string {
  return path.join(cacheDir(), 'broadsheet');
}

export interface CachedRender {
  excerpt: Excerpt;
  wordCount: number;
  /** The body's most frequent words, for ranking related stories. */
  bodyTerms: [string, number][];
  /** Pieces, sections and pages the body links to inside the site: links to a piece taken down show as text. */
  siteLinkTargets: string[];
  /** Origins the body's embeds frame: the page's CSP `frame-src` (src/lib/distribution/http-headers.ts). */
  frameOrigins: string[];
}

/** What pages show of a rendering without its HTML: everything but the ranking words. */
export type RenderSummary = Omit<CachedRender, 'bodyTerms'>;

export function summaryOf({ excerpt, wordCount, siteLinkTargets, frameOrigins }: CachedRender): RenderSummary {
  return { excerpt, wordCount, siteLinkTargets, frameOrigins };
}

/** The summaries file; its name changes with RenderSummary's shape, so an older file is never read as a newer one. */
export const SUMMARIES_FILE = 'renderings.v1.ndjson';

export function renderHash(parts: readonly (string | number)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(String(part)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

export class RenderCache {
  readonly dir: string;
  constructor(dir = renderCacheDir()) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  htmlPath(hash: string): string {
    return path.join(this.dir, `${hash}.html`);
  }

  /** The rendered body. */
  html(hash: string): string {
    return readFileSync(this.htmlPath(hash), 'utf8');
  }

  /** Metadata is written last, so its presence means the HTML is there too. */
  has(hash: string): boolean {
    return existsSync(path.join(this.dir, `${hash}.json`));
  }

  get(hash: string): CachedRender | undefined {
    try {
      return JSON.parse(readFileSync(path.join(this.dir, `${hash}.json`), 'utf8')) as CachedRender;
    } catch {
      return undefined;
    }
  }

  /**
   * The summaries file's entries, by render hash: one `[hash, summary]` per line, a later line
   * winning. A rendering never changes under its hash, so any entry there is right; a line that
   * does not parse (the end of an append cut short) or holds something else is skipped, and a
   * missing file reads as empty.
   */
  readSummaries(): Map<string, RenderSummary> {
    return this.#readSummaryLines().summaries;
  }

  #readSummaryLines(): { summaries: Map<string, RenderSummary>; lines: number; endsWithNewline: boolean } {
    let text: string;
    try {
      text = readFileSync(path.join(this.dir, SUMMARIES_FILE), 'utf8');
    } catch {
      return { summaries: new Map(), lines: 0, endsWithNewline: true };
    }
    const summaries = new Map<string, RenderSummary>();
    const lines = text.split('\n').filter((line) => line !== '');
    for (const line of lines) {
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && isSummary(entry[1])) summaries.set(entry[0], entry[1]);
    }
    return { summaries, lines: lines.length, endsWithNewline: text === '' || text.endsWith('\n') };
  }

  /**
   * The summaries of exactly `hashes`: from the summaries file where it has them, from `fresh`
   * (bodies just rendered) or each body's metadata otherwise. A rebuild adds a line per new
   * body to the file rather than writing it whole again (about 45 MB at 50,000 articles); the
   * file is rewritten, in hash order, once a quarter of its lines are of no use.
   */
  summarize(hashes: Iterable<string>, fresh: ReadonlyMap<string, RenderSummary> = new Map()): Map<string, RenderSummary> {
    const file = path.join(this.dir, SUMMARIES_FILE);
    const known = this.#readSummaryLines();
    const summaries = new Map<string, RenderSummary>();
    const added: string[] = [];
    for (const hash of [...new Set(hashes)].sort()) {
      let summary = known.summaries.get(hash);
      if (!summary) {
        summary = fresh.get(hash) ?? this.#storedSummary(hash);
        added.push(summaryLine(hash, summary));
      }
      summaries.set(hash, summary);
    }
    const useless = known.lines + added.length - summaries.size;
    if (useless > summaries.size / 4) writeAtomic(file, [...summaries].map(([hash, summary]) => summaryLine(hash, summary)).join(''));
    else if (added.length > 0) appendFileSync(file, (known.endsWithNewline ? '' : '\n') + added.join(''));
    return summaries;
  }

  #storedSummary(hash: string): RenderSummary {
    const rendering = this.get(hash);
    if (!rendering) throw new Error(`the rendered body ${hash} is missing from ${this.dir}; delete that folder and build again`);
    return summaryOf(rendering);
  }

  /** Writes the HTML first and the metadata last, each atomically: metadata present means HTML present. */
  put(hash: string, html: string, meta: CachedRender): void {
    writeAtomic(this.htmlPath(hash), html);
    writeAtomic(path.join(this.dir, `${hash}.json`), JSON.stringify(meta));
  }
}

function summaryLine(hash: string, summary: RenderSummary): string {
  return `${JSON.stringify([hash, summary])}\n`;
}

function isSummary(value: unknown): value is RenderSummary {
  if (!value || typeof value !== 'object') return false;
  const { excerpt, wordCount, siteLinkTargets, frameOrigins } = value as Partial<RenderSummary>;
  return typeof excerpt?.lead === 'string' && Array.isArray(excerpt.more) && typeof wordCount === 'number' && Array.isArray(siteLinkTargets) && Array.isArray(frameOrigins);
}

const HANDOFF = Symbol.for('broadsheet.render-summaries');
type Holder = typeof globalThis & { [HANDOFF]?: ReadonlyMap<string, RenderSummary> };

/**
 * Content sync (src/loaders/content-loader.ts) and the site's data module run in one process
 * but in different module graphs, so the summaries the loader made pass on `globalThis`.
 */
export function handOverSummaries(summaries: ReadonlyMap<string, RenderSummary>): void {
  (globalThis as Holder)[HANDOFF] = summaries;
}

/** The summaries content sync handed over, once: whoever takes them keeps them no longer than it needs. */
export function takeSummaries(): ReadonlyMap<string, RenderSummary> | undefined {
  const holder = globalThis as Holder;
  const summaries = holder[HANDOFF];
  delete holder[HANDOFF];
  return summaries;
}

function writeAtomic(file: string, contents: string) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}
