/**
 * Photo renditions (src/lib/media/photos.ts): made from the plan the content loader
 * leaves (every file that the site's visible photos need), kept in the build
 * cache by name (a name carries the digest of the photo's bytes), and linked
 * into `<outDir>/images/`. Missing ones are made as soon as the loader has
 * written the plan, by sharp in a process of their own, while bodies render and
 * Astro bundles and renders pages. In the preview, a rendition is made when a page
 * first asks for it.
 */
import { buildBase, stripBase } from '../lib/build-target.ts';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import { PHOTO_DIRECTORY, PHOTO_ENCODINGS, type RenditionFile } from '../lib/media/photos.ts';
import { runApart } from '../lib/apart.ts';
import { renderCacheDir } from '../lib/render-cache.ts';
import { onPlanWritten } from './build-plans.ts';

/** What the loader leaves: each rendition file the site needs, with the photo it is made from. */
export interface PhotoPlan {
  files: Record<string, RenditionFile & { source: string }>;
}

export function photoCachePaths(cacheDir: string) {
  return { plan: path.join(cacheDir, 'photos-plan.json'), renditions: path.join(cacheDir, 'renditions') };
}

export function readPhotoPlan(cacheDir: string): PhotoPlan | undefined {
  try {
    return JSON.parse(readFileSync(photoCachePaths(cacheDir).plan, 'utf8')) as PhotoPlan;
  } catch {
    return undefined;
  }
}

const CONTENT_TYPES = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' } as const;

/** Makes one rendition into the cache, written whole or not at all. */
export async function makeRendition(planned: RenditionFile & { source: string }, renditionsDir: string): Promise<string> {
  const target = path.join(renditionsDir, path.basename(planned.file));
  if (existsSync(target)) return target;
  mkdirSync(renditionsDir, { recursive: true });
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  // rotate(): turn by the photo's EXIF orientation, as the dimensions in the plan assume.
  const image = sharp(planned.source).rotate().resize({ width: planned.width, height: planned.height, fit: 'cover' });
  const encoded =
    planned.format === 'avif' ? image.avif(PHOTO_ENCODINGS.avif) : planned.format === 'webp' ? image.webp(PHOTO_ENCODINGS.webp) : image.jpeg(PHOTO_ENCODINGS.jpeg);
  await encoded.toFile(temporary);
  renameSync(temporary, target);
  return target;
}

/** The planned renditions the cache lacks. */
export function missingRenditions(plan: PhotoPlan, cacheDir: string): PhotoPlan['files'][string][] {
  const { renditions } = photoCachePaths(cacheDir);
  return Object.values(plan.files).filter((planned) => !existsSync(path.join(renditions, path.basename(planned.file))));
}

/** Makes every planned rendition the cache lacks, a few at a time (sharp runs each on its own threads). */
export async function makeRenditions(plan: PhotoPlan, cacheDir: string): Promise<number> {
  const { renditions } = photoCachePaths(cacheDir);
  const missing = missingRenditions(plan, cacheDir);
  const queue = [...missing];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await makeRendition(next, renditions);
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  return missing.length;
}

/** What the renditions' process reports when it succeeds. */
export interface RenditionsReport {
  made: number;
}

const RENDITIONS_PROCESS = fileURLToPath(new URL('./photos-process.ts', import.meta.url));

/**
 * makeRenditions in a Node process of its own (photos-process.ts): libvips and its encoders
 * left about 200 MB in the build's process, which it kept through the pages (10,000 articles:
 * the build's peak 1,216 MB with the renditions already made, 1,424 MB making them).
 */
export function makeRenditionsApart(cacheDir: string): Promise<RenditionsReport> {
  return runApart<RenditionsReport>(RENDITIONS_PROCESS, [cacheDir], { name: 'the photo renditions process', error: (message, options) => new Error(message, options) });
}

/** Links every planned rendition into `<siteDir>/images/` (already-linked files stay) and removes the others. */
export function installRenditions(plan: PhotoPlan, cacheDir: string, siteDir: string): void {
  const { renditions } = photoCachePaths(cacheDir);
  const outputDir = path.join(siteDir, PHOTO_DIRECTORY);
  mkdirSync(outputDir, { recursive: true });
  const wanted = new Set(Object.keys(plan.files).map((file) => path.basename(file)));
  for (const name of readdirSync(outputDir)) if (!wanted.has(name)) rmSync(path.join(outputDir, name), { force: true });
  for (const name of wanted) {
    const source = path.join(renditions, name);
    const target = path.join(outputDir, name);
    if (existsSync(target) && statSync(target).ino === statSync(source).ino) continue;
    rmSync(target, { force: true });
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
  if (wanted.size === 0) rmSync(outputDir, { recursive: true, force: true });
}

export default function photosIntegration(): AstroIntegration {
  /** Read once, when making starts: the loader has written it by then, and an archive's plan is large. */
  let plan: PhotoPlan | undefined;
  let making: Promise<{ made: number; seconds: number }> | undefined;
  let stopListening: (() => void) | undefined;
  const startMaking = () => {
    plan = readPhotoPlan(renderCacheDir());
    const began = performance.now();
    // A rebuild whose renditions are all in the cache starts no process for them.
    const report = plan && missingRenditions(plan, renderCacheDir()).length > 0 ? makeRenditionsApart(renderCacheDir()) : Promise.resolve({ made: 0 });
    const started = plan ? report.then(({ made }) => ({ made, seconds: (performance.now() - began) / 1000 })) : undefined;
    // Awaited in astro:build:done; a failure meanwhile must not go unhandled.
    started?.catch(() => undefined);
    return started;
  };
  return {
    name: 'broadsheet-photos',
    hooks: {
      'astro:config:setup': ({ command }) => {
        making = undefined;
        plan = undefined;
        if (command === 'build') stopListening = onPlanWritten('photos', () => (making ??= startMaking()));
      },
      // The folder belongs to the renditions: a build links exactly the planned files into it and removes the rest.
      'astro:config:done': ({ config }) => {
        const taken = path.join(fileURLToPath(config.publicDir), PHOTO_DIRECTORY);
        if (existsSync(taken)) {
          throw new Error(`${path.relative(process.cwd(), taken)}/ is where the build publishes photo renditions; move its files to another folder of public/`);
        }
      },
      'astro:build:start': () => {
        stopListening?.();
        making ??= startMaking();
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!plan || !making) return;
        const { made, seconds } = await making;
        installRenditions(plan, renderCacheDir(), fileURLToPath(dir));
        logger.info(`photos: ${Object.keys(plan.files).length} renditions, ${made} made in ${seconds.toFixed(1)} s, the rest from the cache`);
      },
      // The preview makes a rendition when a page first asks for it.
      'astro:server:setup': ({ server }) => {
        // A page asks for a dozen photos at once; the plan is read again only when the loader has written a new one.
        let known: { mtimeMs: number; plan: PhotoPlan | undefined } | undefined;
        const currentPlan = () => {
          const mtimeMs = statSync(photoCachePaths(renderCacheDir()).plan, { throwIfNoEntry: false })?.mtimeMs ?? 0;
          if (known?.mtimeMs !== mtimeMs) known = { mtimeMs, plan: readPhotoPlan(renderCacheDir()) };
          return known.plan;
        };
        // Pages ask under the base path (BROADSHEET_BASE), which Vite may or may not have taken off yet.
        const base = buildBase();
        server.middlewares.use((request, response, next) => {
          const prefix = `/${PHOTO_DIRECTORY}/`;
          const url = request.url === undefined ? undefined : (stripBase(request.url, base) ?? request.url);
          if (!url?.startsWith(prefix)) return next();
          const name = decodeURIComponent(url.slice(prefix.length).split('?')[0]!);
          const planned = currentPlan()?.files[`${PHOTO_DIRECTORY}/${name}`];
          if (!planned) return next();
          makeRendition(planned, photoCachePaths(renderCacheDir()).renditions).then(
            (file) => {
              response.setHeader('Content-Type', CONTENT_TYPES[planned.format]);
              response.end(readFileSync(file));
            },
            (error: unknown) => next(error),
          );
        });
      },
    },
  };
}
