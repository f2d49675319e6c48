/**
 * Rendered article bodies live on disk, not in Astro's data store: the store is
 * bundled into one JavaScript module, which cannot hold a large archive
 * (withastro/astro #13360). Each body is rendered once per content hash and read
 * back by the article page.
 *
 * What list pages need of every body (its excerpt, word count and links) is
 * also kept in one summaries file, and the words related stories are ranked on
 * in another: a build reads each file once instead of one metadata file per
 * body (50,000 reads at 50,000 articles; see hash-lines-file.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Excerpt } from './presentation/teaser.ts';
import { cacheDir } from './build-settings.ts';
import { HashLinesFile } from './hash-lines-file.ts';

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

/** The ranking words file, for the related-story worker; named like the summaries file. */
export const BODY_TERMS_FILE = 'ranking-words.v1.ndjson';

export function renderHash(parts: readonly (string | number)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(String(part)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

export class RenderCache {
  readonly dir: string;
  readonly #summaries: HashLinesFile<RenderSummary>;
  readonly #bodyTerms: HashLinesFile<CachedRender['bodyTerms']>;

  constructor(dir = renderCacheDir()) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    this.#summaries = new HashLinesFile(path.join(dir, SUMMARIES_FILE), isSummary);
    this.#bodyTerms = new HashLinesFile(path.join(dir, BODY_TERMS_FILE), isBodyTerms);
  }

  htmlPath(hash: string): string {
    return path.join(this.dir, `${hash}.html`);
  }

  /** The rendered body. */
  html(hash: string): string {
    return readFileSync(this.htmlPath(hash), 'utf8');
  }

  /**
   * Every body in the cache, from one listing of its folder rather than a look for each body:
   * those looks were 0.5 s of content sync in profiles of the preview's start and of a
   * 50,000-article edit; 10,000 of them took 82 to 95 ms on a warm file cache, one listing 40 to
   * 61 ms. A body counts once its metadata is there, which put() writes last, and its HTML too.
   */
  renderedHashes(): Set<string> {
    const html = new Set<string>();
    const meta: string[] = [];
    for (const entry of readdirSync(this.dir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      if (entry.name.endsWith('.html')) html.add(entry.name.slice(0, -'.html'.length));
      else if (entry.name.endsWith('.json')) meta.push(entry.name.slice(0, -'.json'.length));
    }
    return new Set(meta.filter((hash) => html.has(hash)));
  }

  get(hash: string): CachedRender | undefined {
    try {
      return JSON.parse(readFileSync(path.join(this.dir, `${hash}.json`), 'utf8')) as CachedRender;
    } catch {
      return undefined;
    }
  }

  /** The summaries file's entries, by render hash (see summarize). */
  readSummaries(): Map<string, RenderSummary> {
    return this.#summaries.read();
  }

  /**
   * The summaries of exactly `hashes`: from the summaries file where it has them, from `fresh`
   * (bodies just rendered) or each body's metadata otherwise (src/lib/hash-lines-file.ts).
   */
  summarize(hashes: Iterable<string>, fresh: ReadonlyMap<string, RenderSummary> = new Map()): Map<string, RenderSummary> {
    const summaries = new Map<string, RenderSummary>();
    this.#summaries.complete(
      [...new Set(hashes)].sort(),
      (hash) => fresh.get(hash) ?? summaryOf(this.#stored(hash)),
      (hash, summary) => summaries.set(hash, summary),
    );
    return summaries;
  }

  /**
   * Hands `use` the ranking words of each of `hashes`, in their order, one at a time: from the
   * ranking words file where it has them, from each body's metadata otherwise. The related-story
   * worker reads them so (src/lib/related/ranking-worker.ts).
   */
  eachBodyTerms(hashes: Iterable<string>, use: (hash: string, bodyTerms: CachedRender['bodyTerms']) => void): void {
    this.#bodyTerms.complete(hashes, (hash) => this.#stored(hash).bodyTerms, use);
  }

  #stored(hash: string): CachedRender {
    const rendering = this.get(hash);
    if (!rendering) throw new Error(`the rendered body ${hash} is missing from ${this.dir}; delete that folder and build again`);
    return rendering;
  }

  /** Writes the HTML first and the metadata last, each atomically: metadata present means HTML present. */
  put(hash: string, html: string, meta: CachedRender): void {
    writeAtomic(this.htmlPath(hash), html);
    writeAtomic(path.join(this.dir, `${hash}.json`), JSON.stringify(meta));
  }
}

function isSummary(value: unknown): value is RenderSummary {
  if (!value || typeof value !== 'object') return false;
  const { excerpt, wordCount, siteLinkTargets, frameOrigins } = value as Partial<RenderSummary>;
  return typeof excerpt?.lead === 'string' && Array.isArray(excerpt.more) && typeof wordCount === 'number' && Array.isArray(siteLinkTargets) && Array.isArray(frameOrigins);
}

function isBodyTerms(value: unknown): value is CachedRender['bodyTerms'] {
  return Array.isArray(value) && value.every((term) => Array.isArray(term) && term.length === 2 && typeof term[0] === 'string' && typeof term[1] === 'number');
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
