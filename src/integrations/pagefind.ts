/**
 * Site search: once Astro has written every page, Pagefind indexes the output
 * into `<outDir>/pagefind/`, which the search page loads in the browser.
 * Only elements marked `data-pagefind-body` (the article) are indexed, so
 * lists, redirects, the 404 and the search page itself never show up as results.
 *
 * Uses Pagefind's Node API, which drives Pagefind's own binary as a child
 * process: `close()` stops it, or the build would never exit.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export const PAGEFIND_DIRECTORY = 'pagefind';
/** Top-level pages only: every article, plus section fronts and redirect pages, which are not indexed. */
export const ARTICLE_PAGES_GLOB = '*/index.html';

export interface SearchIndexSummary {
  /** Pages in the index: those with a `data-pagefind-body`. */
  pageCount: number;
  /** HTML files Pagefind read, indexed or not. */
  scannedCount: number;
  outputPath: string;
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** Indexes the built site in `siteDir` into `siteDir/pagefind/`, replacing any earlier index. */
export async function indexSite(siteDir: string): Promise<SearchIndexSummary> {
  const outputPath = path.join(siteDir, PAGEFIND_DIRECTORY);
  // Fragments of pages that no longer exist must not outlive a re-index.
  rmSync(outputPath, { recursive: true, force: true });
  try {
    const created = await pagefind.createIndex();
    if (!created.index) throw new SearchIndexError(`Pagefind could not start an index: ${describe(created.errors)}`);
    // Articles live at /<slug>/index.html (src/lib/urls.ts); reading only that level skips the
    // thousands of list, tag and author pages, which carry no data-pagefind-body anyway. At
    // 10,000 articles this halved the indexing time (49 s to 25 s, measured with the CLI).
    const added = await created.index.addDirectory({ path: siteDir, glob: ARTICLE_PAGES_GLOB });
    if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${siteDir}: ${describe(added.errors)}`);
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write the index to ${outputPath}: ${describe(written.errors)}`);
    return { pageCount: indexedPageCount(outputPath), scannedCount: added.page_count, outputPath };
  } finally {
    await pagefind.close();
  }
}

/** `addDirectory` counts every HTML file it read; the bundle's entry file counts what was indexed, per language. */
function indexedPageCount(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

function describe(errors: string[]): string {
  return errors.length > 0 ? errors.join('; ') : 'no reason given';
}

/**
 * Astro inlines a bundled script or stylesheet smaller than
 * `vite.build.assetsInlineLimit` into the page, and the search page's
 * Content-Security-Policy (`script-src 'self'`, `style-src 'self'`) would block
 * it. Other assets keep Vite's default (undefined = decide by size).
 */
export function keepScriptsAndStylesExternal(filePath: string): boolean | undefined {
  return /\.(?:js|mjs|css)$/.test(filePath) ? false : undefined;
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'broadsheet-pagefind',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { assetsInlineLimit: keepScriptsAndStylesExternal } } });
      },
      // `dir` is the real output folder, also under `astro build --outDir X`.
      'astro:build:done': async ({ dir, logger }) => {
        const began = performance.now();
        let summary: SearchIndexSummary;
        try {
          summary = await indexSite(fileURLToPath(dir));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          // Thrown, so the build fails and nothing half-indexed is published.
          throw new SearchIndexError(`Search index failed: ${reason}`, { cause: error });
        }
        const seconds = ((performance.now() - began) / 1000).toFixed(1);
        if (summary.pageCount === 0) {
          logger.warn(`search index is empty: none of ${summary.scannedCount} pages has data-pagefind-body (${seconds} s)`);
        } else {
          logger.info(`indexed ${summary.pageCount} of ${summary.scannedCount} pages for search in ${seconds} s`);
        }
      },
    },
  };
}
