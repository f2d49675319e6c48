/**
 * Builds the sample publication once per test run, for every test file that
 * reads it (build output, browser and deploy tests), with the clock pinned.
 * Test files read the result with `inject('sampleSite')`.
 */
import path from 'node:path';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';
import { REPO } from './content-fixture.ts';

/** The build clock of the sample site: after every sample piece but the scheduled one. */
export const SAMPLE_NOW = process.env.SAMPLE_NOW ?? '2026-11-28T12:00:00Z';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSite: { outDir: string; now: string; output: string };
  }
}

export default function setup(project: TestProject) {
  const build = buildSite(path.join(REPO, 'content'), SAMPLE_NOW);
  if (build.status !== 0) throw new Error(`sample build failed:\n${build.output}`);
  project.provide('sampleSite', { outDir: build.outDir, now: SAMPLE_NOW, output: build.output });
  return () => rmSync(build.outDir, { recursive: true, force: true });
}
