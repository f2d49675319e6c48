/**
 * Astro's incremental build (experimental.incrementalBuild) keeps a copy of every page it
 * renders in its cache folder, to put back a page that a later build skips but finds missing
 * from the output folder (CI restores the cache, not `dist/`: .github/workflows/ci.yml). It
 * writes that copy after the page itself, so each page was written twice, and puts pages back
 * by copying them. Here both are hard links: the same bytes under a second name, one file in
 * the file system. A 10,000-article cold build with no copy at all (Astro's write skipped, by
 * hand) used 120 and 124 CPU-seconds where it used 137, and wrote its pages in 33.7 and 34.7 s
 * instead of 43.1 s; docs/performance.md has the runs with the links.
 *
 * Astro has no setting for this, so its cache class's `writeOutputFile` and `restoreOutputFile`
 * are wrapped, once per process, for builds. Where linking fails (the cache on another file
 * system, or no hard links) Astro's own copy runs. A page rendered again is rewritten in place
 * by Astro, so both names show its newest bytes; a page changed in the output folder otherwise
 * is dealt with where that folder is set aside (src/lib/page-cache-copies.ts).
 * tests/build/linked-page-cache.test.ts checks that copies are links and that pages are put
 * back from them, so an Astro release that changes the class shows there.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { hardLink } from '../lib/hard-link.ts';
import { pageCopyFile } from '../lib/page-cache-copies.ts';

type Settings = { config: { outDir: URL; cacheDir: URL } };
type WriteOutputFile = (settings: Settings, outputFile: string, body: string | Uint8Array) => Promise<void>;
type RestoreOutputFile = (settings: Settings, outputFile: string, destination: URL) => Promise<boolean>;

const WRAPPED = Symbol.for('broadsheet.linked-page-cache');

/** Folders this build has made in Astro's cache; emptied as each build starts, since a folder may be gone by then. */
const madeFolders = new Set<string>();

async function linkPageCopies(root: URL, logger: AstroIntegrationLogger): Promise<void> {
  const astroDir = path.dirname(createRequire(new URL('package.json', root)).resolve('astro/package.json'));
  let prototype: { writeOutputFile?: WriteOutputFile; restoreOutputFile?: RestoreOutputFile; [WRAPPED]?: true } | undefined;
  try {
    const module = (await import(pathToFileURL(path.join(astroDir, 'dist/core/build/incremental.js')).href)) as { IncrementalBuildCache?: { prototype: typeof prototype } };
    prototype = module.IncrementalBuildCache?.prototype;
  } catch {
    prototype = undefined;
  }
  const write = prototype?.writeOutputFile;
  const restore = prototype?.restoreOutputFile;
  if (!prototype || typeof write !== 'function' || typeof restore !== 'function') {
    logger.warn("Astro's incremental cache has changed shape: its page copies are written whole, not linked (src/integrations/linked-page-cache.ts)");
    return;
  }
  if (prototype[WRAPPED]) return;
  prototype.writeOutputFile = async function (this: unknown, settings, outputFile, body) {
    const page = fileURLToPath(new URL(outputFile, settings.config.outDir));
    if (hardLink(page, pageCopyFile(settings.config.cacheDir, outputFile), madeFolders)) return;
    await write.call(this, settings, outputFile, body);
  };
  prototype.restoreOutputFile = async function (this: unknown, settings, outputFile, destination) {
    if (hardLink(pageCopyFile(settings.config.cacheDir, outputFile), fileURLToPath(destination), madeFolders)) return true;
    return restore.call(this, settings, outputFile, destination);
  };
  prototype[WRAPPED] = true;
}

export default function linkedPageCache(): AstroIntegration {
  return {
    name: 'broadsheet-linked-page-cache',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command === 'build' && config.experimental.incrementalBuild) await linkPageCopies(config.root, logger);
      },
      'astro:build:start': () => madeFolders.clear(),
    },
  };
}
