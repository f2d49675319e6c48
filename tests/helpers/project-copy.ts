/**
 * A throwaway copy of the project (sources, public files, configuration; the
 * repository's node_modules linked in), for tests that change templates or
 * styles and build with caches of their own.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './content-fixture.ts';
import { countPaths } from '../../scripts/lib/astro-log.ts';
import { writeCorpus } from '../../scripts/lib/corpus.ts';

export interface ProjectCopy {
  root: string;
  remove(): void;
}

export function copyProject(): ProjectCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-project-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(REPO, entry), path.join(root, entry), { recursive: true });
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface ProjectBuild {
  status: number | null;
  output: string;
  /** Paths (pages and endpoints) Astro restored from its incremental cache rather than rendered. */
  restored: number;
  /** Paths Astro rendered. */
  rendered: number;
}

/** `astro build` in a project copy, with its own content, caches and clock. */
export function buildProject(root: string, options: { contentDir: string; cacheDir: string; outDir: string; now: string; env?: Record<string, string> }): ProjectBuild {
  const result = spawnSync(path.join(REPO, 'node_modules/.bin/astro'), ['build', '--outDir', options.outDir], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${path.join(REPO, 'node_modules/.bin')}:${process.env.PATH}`,
      BROADSHEET_CONTENT_DIR: options.contentDir,
      BROADSHEET_CACHE_DIR: options.cacheDir,
      BROADSHEET_NOW: options.now,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...options.env,
    },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  return { status: result.status, output, ...countPaths(output) };
}

/** A generated corpus of `articles` pieces in `<work>/site`, with the sample site's settings, authors and photos; returns its content folder. */
export function writeTestCorpus(work: string, articles: number, wordsPerArticle: number): string {
  return writeCorpus(path.join(work, 'site'), {
    articles,
    wordsPerArticle,
    photoDir: path.join(REPO, 'content/images'),
    sampleContent: path.join(REPO, 'content'),
  });
}
