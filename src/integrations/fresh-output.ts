/**
 * The output folder from one build to the next, at the cost of what changed.
 *
 * Astro empties the output folder before every build, file by file (5 s for
 * the 25,000 files of a 10,000-article site), then copies every page its
 * incremental cache restores back into it (14,500 copies). When the folder is
 * exactly what the previous build of this cache left, this keeps it instead:
 * Astro then leaves restored pages where they are, and this removes, when the
 * build is done, every file the build did not write or keep. When the folder
 * is anything else (first build, another cache, a file changed or added by
 * hand), it is moved aside and deleted in the background, and the build
 * starts from an empty folder as Astro's own would.
 *
 * Astro's `vite.build.emptyOutDir` is off (astro.config.mjs) so that this
 * integration decides.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderCacheDir } from '../lib/render-cache.ts';
import { isAsLeft, removeStale, type OutputRecord } from '../lib/output-record.ts';
import { dropChangedPageCopies } from '../lib/page-cache-copies.ts';
import { SEARCH_DIRECTORY } from '../lib/search/shards.ts';
import { PHOTO_DIRECTORY } from '../lib/media/photos.ts';
import { CMS_BUNDLE_DIRECTORY } from '../lib/cms/formats.ts';

/** Folders other integrations keep (src/integrations/pagefind.ts, photos.ts, cms.ts). */
const OWNED_BY_OTHERS = [SEARCH_DIRECTORY, PHOTO_DIRECTORY, CMS_BUNDLE_DIRECTORY];

/** What the last build left, in the build cache (v2: with every folder's time). */
function recordFile(): string {
  return path.join(renderCacheDir(), 'output.v2.json');
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function readRecord(): OutputRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordFile(), 'utf8')) as OutputRecord;
  } catch {
    return undefined;
  }
}

export default function freshOutput(): AstroIntegration {
  let outDir: string | undefined;
  let astroCacheDir: URL | undefined;
  let removing: Promise<void> | undefined;
  let previous: OutputRecord | undefined;
  return {
    name: 'broadsheet-fresh-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        astroCacheDir = config.experimental.incrementalBuild ? config.cacheDir : undefined;
      },
      'astro:build:start': ({ logger }) => {
        const record = readRecord();
        // Written again when this build succeeds: a build that stops half-way leaves none.
        rmSync(recordFile(), { force: true });
        if (!outDir || !existsSync(outDir)) return;
        const began = performance.now();
        if (isAsLeft(outDir, record)) {
          previous = record;
          logger.info(`keeping the output folder of the previous build (${record!.files.length} files checked in ${seconds(began)} s); restored pages stay in place`);
          return;
        }
        // Its pages share their bytes with Astro's copies (src/integrations/linked-page-cache.ts).
        const dropped = astroCacheDir ? dropChangedPageCopies(astroCacheDir) : 0;
        if (dropped > 0) logger.info(`${dropped} ${dropped === 1 ? 'page' : 'pages'} changed in the output folder since the last build that succeeded: rendered again, not restored`);
        const aside = path.join(path.dirname(outDir), `.${path.basename(outDir)}-previous-${process.pid}`);
        renameSync(outDir, aside);
        mkdirSync(outDir);
        removing = rm(aside, { recursive: true, force: true });
        // Awaited when the build is done; a failure meanwhile must not go unhandled.
        removing.catch(() => undefined);
      },
      // Runs after the search integration has installed its shards: this is the last writer.
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const kept = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) kept.add(path.relative(root, fileURLToPath(url)));
        const began = performance.now();
        const { record, removed } = removeStale(root, previous, kept, OWNED_BY_OTHERS);
        logger.info(`output folder recorded in ${seconds(began)} s${removed > 0 ? `; removed ${removed} files the previous build wrote and this one did not` : ''}`);
        mkdirSync(path.dirname(recordFile()), { recursive: true });
        writeFileSync(recordFile(), JSON.stringify(record));
        await removing;
      },
    },
  };
}
