/**
 * Builds the sample publication once per test run, for every test file that
 * reads it (the build, browser and deploy projects), with the clock pinned.
 * Test files read the result with `inject('sampleSite')`.
 *
 * Also two later states of the same publication, for the deploy tests that
 * publish and take down a piece: `inject('sampleVariants')`. They are built
 * here, one after another, because concurrent Astro builds of one project
 * share its cache folder (node_modules/.astro).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';
import { REPO } from './content-fixture.ts';

/** The build clock of the sample site: after every sample piece but the scheduled one. */
export const SAMPLE_NOW = process.env.SAMPLE_NOW ?? '2026-11-28T12:00:00Z';

/** The sample's scheduled piece, and a clock after its time. */
const SCHEDULED = { slug: 'baltic-offshore-wind-hybrid-hub-preview', now: '2031-03-03T12:00:00Z' };
/** A published sample piece that the withdrawn variant marks `draft: true`. */
const WITHDRAWN_SLUG = 'iran-sco-brics-sanctions-interview';

export interface SampleVariants {
  /** The sample content built after the scheduled piece's time: one new article, with everything that lists it. */
  published: { outDir: string; now: string; slug: string };
  /** The sample content with one article set to `draft: true`, built at SAMPLE_NOW: a takedown. */
  withdrawn: { outDir: string; slug: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSite: { outDir: string; now: string; output: string };
    sampleVariants: SampleVariants;
    /** `npm run newsletter -- --week <week>` run on the sample at SAMPLE_NOW: the site with that week's issue. */
    sampleNewsletter: { outDir: string; week: string; now: string; output: string };
  }
}

function findArticle(contentDir: string, slug: string): string {
  for (const file of readdirSync(path.join(contentDir, 'articles'), { recursive: true, encoding: 'utf8' })) {
    if (path.basename(file) === `${slug}.md`) return path.join(contentDir, 'articles', file);
  }
  throw new Error(`no article ${slug} in ${contentDir}`);
}

function built(what: string, result: ReturnType<typeof buildSite>, page: string, present: boolean): string {
  if (result.status !== 0) throw new Error(`${what} build failed:\n${result.output}`);
  if (existsSync(path.join(result.outDir, page)) !== present) throw new Error(`${what} build: ${page} should${present ? '' : ' not'} exist`);
  return result.outDir;
}

interface SampleBuilds {
  sampleSite: { outDir: string; now: string; output: string };
  sampleVariants: SampleVariants;
  sampleNewsletter: { outDir: string; week: string; now: string; output: string };
  /** Folders to remove when the run ends. */
  folders: string[];
}

function buildSamples(): SampleBuilds {
  const build = buildSite(path.join(REPO, 'content'), SAMPLE_NOW);
  if (build.status !== 0) throw new Error(`sample build failed:\n${build.output}`);

  const scheduledPage = `${SCHEDULED.slug}/index.html`;
  built('sample', build, scheduledPage, false);
  const published = built('published variant', buildSite(path.join(REPO, 'content'), SCHEDULED.now), scheduledPage, true);

  const site = mkdtempSync(path.join(tmpdir(), 'broadsheet-withdrawn-'));
  cpSync(path.join(REPO, 'content'), path.join(site, 'content'), { recursive: true });
  const article = findArticle(path.join(site, 'content'), WITHDRAWN_SLUG);
  writeFileSync(article, readFileSync(article, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
  const withdrawnPage = `${WITHDRAWN_SLUG}/index.html`;
  built('sample', build, withdrawnPage, true);
  const withdrawn = built('withdrawn variant', buildSite(path.join(site, 'content'), SAMPLE_NOW), withdrawnPage, false);

  // The week of the sample's draft: the issue must leave it out. Built after the sample, so most pages are restored.
  const newsletterWeek = '2026-W48';
  const newsletterOut = mkdtempSync(path.join(tmpdir(), 'broadsheet-newsletter-'));
  const newsletter = spawnSync(path.join(REPO, 'node_modules/.bin/node'), [path.join(REPO, 'scripts/newsletter.ts'), '--week', newsletterWeek, '--out', newsletterOut], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${path.join(REPO, 'node_modules/.bin')}:${process.env.PATH}`, BROADSHEET_NOW: SAMPLE_NOW, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (newsletter.status !== 0) throw new Error(`npm run newsletter failed:\n${newsletter.stdout}\n${newsletter.stderr}`);

  return {
    sampleSite: { outDir: build.outDir, now: SAMPLE_NOW, output: build.output },
    sampleVariants: {
      published: { outDir: published, now: SCHEDULED.now, slug: SCHEDULED.slug },
      withdrawn: { outDir: withdrawn, slug: WITHDRAWN_SLUG },
    },
    sampleNewsletter: { outDir: newsletterOut, week: newsletterWeek, now: SAMPLE_NOW, output: newsletter.stdout },
    folders: [build.outDir, published, withdrawn, site, newsletterOut],
  };
}

/** The builds of this run, shared by the projects that name this setup file (build, browser, deploy: see vitest.config.ts). */
const run = globalThis as typeof globalThis & { broadsheetSampleBuilds?: SampleBuilds };

export default function setup(project: TestProject) {
  const samples = (run.broadsheetSampleBuilds ??= buildSamples());
  project.provide('sampleSite', samples.sampleSite);
  project.provide('sampleVariants', samples.sampleVariants);
  project.provide('sampleNewsletter', samples.sampleNewsletter);
  return () => {
    for (const dir of samples.folders) rmSync(dir, { recursive: true, force: true });
  };
}
