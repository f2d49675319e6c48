/**
 * Rendered article bodies live on disk, not in Astro's data store: the store is
 * bundled into one JavaScript module, which cannot hold a large archive
 * (withastro/astro #13360). Each body is rendered once per content hash and read
 * back by the article page.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

  /** Writes the HTML first and the metadata last, each atomically: metadata present means HTML present. */
  put(hash: string, html: string, meta: CachedRender): void {
    writeAtomic(this.htmlPath(hash), html);
    writeAtomic(path.join(this.dir, `${hash}.json`), JSON.stringify(meta));
  }
}

function writeAtomic(file: string, contents: string) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}
