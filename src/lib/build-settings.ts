/**
 * Where a build reads and writes, and what time it is. One answer for
 * astro.config.mjs, the content layer (src/content.config.ts and its loader),
 * the validator, src/data and the render cache, so that a content tree kept
 * elsewhere validates against the same logo it builds with.
 *
 * Each setting is an environment variable or a default under the working
 * directory (the project's root, where every npm script runs):
 * - BROADSHEET_CONTENT_DIR: the articles, authors, sections and site.yaml; `content/`.
 * - BROADSHEET_PUBLIC_DIR: files published as they are (logo, favicon, share card); `public/`.
 * - BROADSHEET_CACHE_DIR: Astro's caches and ours; `node_modules/.astro`, which CI keeps between runs.
 * - BROADSHEET_NOW: the build's "now", pinned for tests and reproducible builds; the clock otherwise.
 * (BROADSHEET_BASE, the path the site is served under, is src/lib/build-target.ts's.)
 */
import path from 'node:path';

export type Environment = Record<string, string | undefined>;

export interface BuildSettings {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path of the folder of files published as they are. */
  publicDir: string;
  /** Absolute path of the folder of the build's caches. */
  cacheDir: string;
}

export function contentDir(env: Environment = process.env, cwd: string = process.cwd()): string {
  return path.resolve(cwd, env.BROADSHEET_CONTENT_DIR || 'content');
}

export function publicDir(env: Environment = process.env, cwd: string = process.cwd()): string {
  return path.resolve(cwd, env.BROADSHEET_PUBLIC_DIR || 'public');
}

/**
 * The folder of the build's caches: Astro's own (content store, incrementally
 * built pages) and Broadsheet's, under `broadsheet/` (rendered bodies, photo
 * renditions, search shards).
 */
export function cacheDir(env: Environment = process.env, cwd: string = process.cwd()): string {
  return path.resolve(cwd, env.BROADSHEET_CACHE_DIR || 'node_modules/.astro');
}

export function buildSettings(env: Environment = process.env, cwd: string = process.cwd()): BuildSettings {
  return { contentDir: contentDir(env, cwd), publicDir: publicDir(env, cwd), cacheDir: cacheDir(env, cwd) };
}

/** The build's notion of "now": BROADSHEET_NOW when set (an ISO date-time), the clock otherwise. */
export function buildNow(env: Environment = process.env): Date {
  const pinned = env.BROADSHEET_NOW;
  if (pinned) {
    const date = new Date(pinned);
    if (Number.isNaN(date.getTime())) throw new Error(`BROADSHEET_NOW="${pinned}" is not a date; use an ISO date-time`);
    return date;
  }
  return new Date();
}
