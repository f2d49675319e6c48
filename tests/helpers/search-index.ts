/** Reads a built site's search index back: every shard and every page it holds, as Pagefind's browser code would. */
import { gunzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ShardList } from '../../src/lib/search/shards.ts';

export interface IndexedPage {
  /** Base path of the shard that holds it, e.g. "/pagefind/" or "/pagefind/archive/2025/". */
  shard: string;
  url: string;
  meta: Record<string, string>;
  content: string;
}

/** Pagefind's files are gzip with a signature, or the signature alone when stored uncompressed. */
function decode(file: string): string {
  let bytes = readFileSync(file);
  if (bytes.subarray(0, 12).toString() !== 'pagefind_dcd') bytes = gunzipSync(bytes);
  return bytes.subarray(12).toString('utf8');
}

/** `base`: the path the site was built for (BROADSHEET_BASE); shard paths are given without it. */
export function readSearchIndex(outDir: string, base = '/'): { shards: string[]; pageCounts: Record<string, number>; pages: IndexedPage[] } {
  const list = JSON.parse(readFileSync(path.join(outDir, 'pagefind/shards.json'), 'utf8')) as ShardList;
  const shards = ['/pagefind/', ...list.archive.map((shard) => `/${shard.slice(base.length)}`)];
  const pages: IndexedPage[] = [];
  const pageCounts: Record<string, number> = {};
  for (const shard of shards) {
    const dir = path.join(outDir, shard);
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    pageCounts[shard] = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    const fragments = path.join(dir, 'fragment');
    for (const name of existsSync(fragments) ? readdirSync(fragments).sort() : []) {
      const fragment = JSON.parse(decode(path.join(fragments, name))) as { url: string; meta: Record<string, string>; content: string };
      pages.push({ shard, url: fragment.url, meta: fragment.meta, content: fragment.content });
    }
  }
  return { shards, pageCounts, pages };
}
