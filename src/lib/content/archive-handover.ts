/**
 * The articles pass from content sync (src/loaders/content-loader.ts) to the site's data module
 * (src/data/content.ts) directly, not through Astro's data store. Astro serializes its store whole
 * after every change, Vite bundles it as one JSON string and the pages parse it again: at 10,000
 * pieces that was seconds of every build and of every saved edit in the preview, and the biggest
 * share of a rebuild's memory besides the pages. The two run in one process but in different
 * module graphs, so the articles pass on `globalThis`. The store keeps one entry for the whole
 * archive (`archiveMarker`), whose key changes with any piece: the preview still reloads on every
 * saved edit, and the data module can tell it got the articles of this very sync.
 */
import { createHash } from 'node:crypto';
import type { PhotoFacts } from '../media/photos.ts';
import type { ArticleFrontmatter } from './schema/index.ts';

/** An article as the validator checked it, with what content sync derived from its files. */
export interface ArticleEntry {
  slug: string;
  /** The frontmatter as the validator parsed it: dates are Dates, section and authors their ids. */
  data: ArticleFrontmatter;
  /** Key of the rendered body in the render cache (src/lib/render-cache.ts). */
  bodyHash: string;
  /** What was read of the top photo's file, when the piece has one. */
  hero?: PhotoFacts;
}

/** The store's entry for the archive: its key and size. */
export interface ArchiveMarker {
  key: string;
  pieces: number;
}

export interface Archive extends ArchiveMarker {
  entries: readonly ArticleEntry[];
}

/** The id of the archive's one entry in the store's `archive` collection. */
export const ARCHIVE_ID = 'articles';

const HANDOFF = Symbol.for('broadsheet.archive');
type Holder = typeof globalThis & { [HANDOFF]?: Archive };

/**
 * The archive's key: a digest over what each piece's page is made from (its file, its frontmatter
 * as written, its body's rendering and its top photo's bytes), in the validator's order.
 */
export class ArchiveKey {
  readonly #hash = createHash('sha256');

  add(file: string, raw: Record<string, unknown>, bodyHash: string, heroHash: string | undefined): void {
    this.#hash.update(`${file}\0${bodyHash}\0${heroHash ?? ''}\0${JSON.stringify(raw)}\0\0`);
  }

  digest(): string {
    return this.#hash.digest('base64url');
  }
}

export function handOverArchive(archive: Archive): void {
  (globalThis as Holder)[HANDOFF] = archive;
}

/**
 * The articles of the content sync the store's marker comes from. The preview takes the newest
 * ones even when the marker is a save behind (a second save landed while the first reloaded):
 * the next reload brings the marker level again. A build has exactly one sync, so any other
 * archive than the marker's is a defect, stopped here rather than published.
 */
export function articlesOf(marker: ArchiveMarker | undefined, options: { preview: boolean }): readonly ArticleEntry[] {
  const archive = (globalThis as Holder)[HANDOFF];
  if (!archive) {
    throw new Error('no articles were handed over by content sync in this process; run `astro build` or `astro dev`, which load the content first');
  }
  if (!options.preview && (!marker || marker.key !== archive.key || marker.pieces !== archive.pieces)) {
    throw new Error(`the articles handed over (${archive.pieces}, key ${archive.key}) are not those of the data store (${marker ? `${marker.pieces}, key ${marker.key}` : 'none'}); delete node_modules/.astro and build again`);
  }
  return archive.entries;
}
