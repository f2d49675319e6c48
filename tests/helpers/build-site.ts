/** Builds a site with the real Astro CLI into a temporary folder, as CI would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import { REPO } from './content-fixture.ts';
import { latestRailPath } from '../../src/lib/urls.ts';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** Runs `astro build` for `contentDir` with the build clock pinned to `now`; `env` adds settings (BROADSHEET_BASE...). */
export function buildSite(
  contentDir: string,
  now = '2026-11-01T12:00:00Z',
  outDir = mkdtempSync(path.join(tmpdir(), 'broadsheet-dist-')),
  env: Record<string, string | undefined> = {},
): BuildResult {
  const result = spawnSync(path.join(REPO, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    cwd: REPO,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${path.join(REPO, 'node_modules/.bin')}:${process.env.PATH}`,
      BROADSHEET_CONTENT_DIR: contentDir,
      BROADSHEET_NOW: now,
      ASTRO_TELEMETRY_DISABLED: '1',
      // A base path or preview flag exported in the shell must not change the sites tests build.
      BROADSHEET_BASE: undefined,
      BROADSHEET_PREVIEW: undefined,
      ...env,
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** HTML files that are not pages but fragments other pages load (the LATEST rail). */
export const PAGE_FRAGMENTS = [latestRailPath().slice(1)];

/** The editors' CMS (tests/build/cms-admin.test.ts): a page of the output, not of the publication. */
export const CMS_PAGES = ['admin/index.html'];

/** The HTML documents readers get: every .html file but the fragments and the CMS. */
export function htmlDocuments(files: readonly string[]): string[] {
  return files.filter((file) => file.endsWith('.html') && !PAGE_FRAGMENTS.includes(file) && !CMS_PAGES.includes(file));
}

/** Every file of a built site, relative, sorted. */
export function listOutput(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.[a-z0-9]+$/i.test(file))
    .sort();
}

export function readPage(outDir: string, file: string): { html: string; tree: Root } {
  const html = readFileSync(path.join(outDir, file), 'utf8');
  return { html, tree: fromHtml(html) };
}
