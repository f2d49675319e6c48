/**
 * Astro's incremental build keeps a copy of each page it renders under `<cacheDir>/dist/`, and
 * puts it back into an output folder that lacks the page when the page's key is unchanged. Here
 * those copies are hard links to the output's pages (src/integrations/linked-page-cache.ts), so
 * a page changed in place in the output folder, by hand or by a build that failed after writing
 * it, changes its copy too. Before such a folder is set aside (src/integrations/fresh-output.ts),
 * every copy changed since Astro last recorded a successful build is dropped, so Astro renders
 * that page again instead of putting the changed bytes back.
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Astro's record of its last successful build: `getManifestFile` in astro/dist/core/build/incremental.js. */
const MANIFEST_FILE = 'incremental-build.json';
/** Where Astro keeps its copies: `getCachedOutputFile` in the same file. */
const COPIES_FOLDER = 'dist/';

export function pageCopyFile(cacheDir: URL, outputFile: string): string {
  return fileURLToPath(new URL(outputFile, new URL(COPIES_FOLDER, cacheDir)));
}

/** Removes the copies modified after Astro's last successful build; returns how many. */
export function dropChangedPageCopies(cacheDir: URL): number {
  let since: number;
  try {
    since = statSync(new URL(MANIFEST_FILE, cacheDir)).mtimeMs;
  } catch {
    // No record: Astro restores nothing.
    return 0;
  }
  let dropped = 0;
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.isFile() && statSync(file).mtimeMs > since) {
        unlinkSync(file);
        dropped++;
      }
    }
  };
  visit(fileURLToPath(new URL(COPIES_FOLDER, cacheDir)));
  return dropped;
}
