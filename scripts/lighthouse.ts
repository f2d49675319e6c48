/**
 * npm run lighthouse [-- --runs 3] [--write docs/quality.md] [--reports DIR] [/path/ ...]
 *
 * Lighthouse (mobile settings: its default config) on the built site in
 * Debian's chromium, the site served on loopback with the headers it ships.
 * Audits home, an article, a section, Latest and Search, each `--runs` times,
 * and prints the median per category: performance moves with the load on a
 * shared machine. Exits 1 when a median is below 100, except the search
 * page's SEO when only `is-crawlable` (its deliberate noindex) lost points;
 * exits 2 when the pages cannot be audited.
 * With the default pages it also audits a control page (a heading and a
 * sentence, nothing to load, served with the site's headers), never judged:
 * what the machine and the headers alone allow.
 * `--write FILE` puts the table in FILE's "Lighthouse" section; `--reports DIR`
 * keeps each run's HTML report. Paths given replace the default pages.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import lighthouse, { generateReport, type Result } from 'lighthouse';
import { launch } from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/browser.ts';
import { serveBuiltSite } from './lib/site-server.ts';
import {
  browserFromUserAgent,
  CATEGORIES,
  formatTable,
  isBadTraceRecording,
  pageProblems,
  readRun,
  renderSection,
  replaceSection,
  summarizePage,
  type PageRun,
  type PageSpec,
  type PageSummary,
} from './lib/lighthouse-report.ts';
import { contentDir } from '../src/lib/build-settings.ts';

/** The pages the quality goal names, in the sample publication. */
const DEFAULT_PAGES: PageSpec[] = [
  { label: 'home', path: '/' },
  { label: 'article', path: '/gulf-desalination-security-clauses/' },
  { label: 'section', path: '/middle-east/' },
  { label: 'latest', path: '/latest/' },
  { label: 'search', path: '/search/', noindex: true },
];

/** Audited after the site's pages: what an all but empty page scores on this machine at this moment. */
const CONTROL_PAGE: PageSpec = { label: 'control', path: '/', control: true };
const CONTROL_HTML =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Control page</title><link rel="icon" href="data:,"><meta name="description" content="A page with nothing to load, to measure the machine."></head>' +
  '<body><main><h1>Control page</h1><p>Nothing else is here.</p></main></body></html>';

const OUT_DIR = 'dist';
/** Runs of one page whose trace was recorded badly before the report gives up (see isBadTraceRecording). */
const RECORDING_ATTEMPTS = 3;

/** The browser's own version line; the user agent Lighthouse records gives only the major version. */
function browserVersion(): string | undefined {
  const version = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
  return version.status === 0 ? version.stdout.trim().split('\n')[0] || undefined : undefined;
}
const CONTENT_DIR = contentDir();

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    write: { type: 'string' },
    reports: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: true,
});

if (values.help) {
  console.log('usage: npm run lighthouse [-- --runs N] [--write docs/quality.md] [--reports DIR] [/path/ ...]');
  process.exit(0);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error(`--runs must be a whole number from 1 to 20, got ${JSON.stringify(values.runs)}`);
  process.exit(2);
}
const pages = positionals.length === 0 ? DEFAULT_PAGES : positionals.map((pagePath) => DEFAULT_PAGES.find((page) => page.path === pagePath) ?? { label: pagePath, path: pagePath });

if (!existsSync(path.join(OUT_DIR, 'index.html'))) {
  console.log(`${OUT_DIR}/ holds no built site; running \`npm run build\` first.`);
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
for (const page of pages) {
  const file = path.join(OUT_DIR, page.path, page.path.endsWith('/') ? 'index.html' : '');
  if (!page.path.startsWith('/') || !existsSync(file)) {
    console.error(`${page.path}: no such page in ${OUT_DIR}/ (expected ${file}); give site paths such as /latest/, and run \`npm run build\` after changing content`);
    process.exit(2);
  }
}

// Compressed as every host in the README serves it: uncompressed HTML would be
// timed on the simulated slow 4G link at several times the bytes readers get.
const server = await serveBuiltSite(OUT_DIR, CONTENT_DIR, { compress: true });
// The control page runs with the default pages only, as a yardstick for the whole report.
const controlDir = positionals.length === 0 ? mkdtempSync(path.join(tmpdir(), 'lighthouse-control-')) : undefined;
if (controlDir) writeFileSync(path.join(controlDir, 'index.html'), CONTROL_HTML);
// Served with the site's own headers: a header that costs performance (as the opener policy did,
// docs/quality.md) shows here too, not only on the site's pages.
const controlServer = controlDir ? await serveBuiltSite(controlDir, CONTENT_DIR, { compress: true }) : undefined;
const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
const summaries: PageSummary[] = [];
let sample: Result | undefined;
try {
  if (values.reports) mkdirSync(values.reports, { recursive: true });
  for (const page of controlServer ? [...pages, CONTROL_PAGE] : pages) {
    const origin = page.control ? controlServer!.url : server.url;
    const pageRuns: PageRun[] = [];
    for (let run = 1; run <= runs; run++) {
      const loadAverage = loadavg()[0]!;
      const audit = async (): Promise<Result> => {
        const outcome = await lighthouse(origin + page.path, { port: chrome.port, logLevel: 'error', onlyCategories: CATEGORIES.map((category) => category.id) });
        if (!outcome) throw new Error(`Lighthouse returned no result for ${page.path}`);
        return outcome.lhr;
      };
      let result = await audit();
      for (let attempt = 2; attempt <= RECORDING_ATTEMPTS && isBadTraceRecording(result); attempt++) {
        console.log(`${page.label} ${page.path} run ${run}/${runs}: ${result.runtimeError!.code}, the trace was recorded badly; running it again (attempt ${attempt} of ${RECORDING_ATTEMPTS})`);
        result = await audit();
      }
      if (result.configSettings.formFactor !== 'mobile') throw new Error(`expected Lighthouse's mobile settings, got ${result.configSettings.formFactor}`);
      sample ??= result;
      const pageRun = { ...readRun(result), loadAverage };
      pageRuns.push(pageRun);
      console.log(`${page.label} ${page.path} run ${run}/${runs}: ${CATEGORIES.map(({ id, label }) => `${label} ${pageRun.scores[id] ?? '-'}`).join(', ')} (load average ${loadAverage.toFixed(1)})`);
      if (values.reports) {
        const name = `${page.control ? 'control' : page.path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${run}.html`;
        writeFileSync(path.join(values.reports, name), generateReport(result, 'html'));
      }
    }
    summaries.push(summarizePage(page, pageRuns));
  }
} catch (error) {
  // Not a score below 100 (exit 1): the audit itself could not be run.
  console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  chrome.kill();
  await server.close();
  await controlServer?.close();
  if (controlDir) rmSync(controlDir, { recursive: true, force: true });
}

if (process.exitCode === 2) process.exit(2);
console.log(`\n${formatTable(summaries)}\n`);
for (const summary of summaries) {
  for (const audit of summary.lost) console.log(`lost points: ${summary.page.label}, ${audit.category}: ${audit.id} (${audit.title}${audit.displayValues.length > 0 ? ` ${audit.displayValues.join(', ')}` : ''}) in ${audit.runs} of ${summary.runs} runs`);
  for (const warning of summary.warnings) console.log(`warning: ${summary.page.label}: ${warning}`);
}

if (values.write && sample) {
  const section = renderSection(summaries, {
    lighthouseVersion: sample.lighthouseVersion,
    browser: browserVersion() ?? browserFromUserAgent(sample.environment.hostUserAgent),
    formFactor: sample.configSettings.formFactor,
    throttlingMethod: sample.configSettings.throttlingMethod,
    runsPerPage: runs,
    date: sample.fetchTime.slice(0, 10),
    cores: availableParallelism(),
  });
  const existing = existsSync(values.write) ? readFileSync(values.write, 'utf8') : undefined;
  mkdirSync(path.dirname(values.write), { recursive: true });
  writeFileSync(values.write, replaceSection(existing, 'Lighthouse', section));
  console.log(`wrote the Lighthouse section of ${values.write}`);
}

const busiest = Math.max(...summaries.map((summary) => summary.loadAverage?.max ?? 0));
if (busiest > availableParallelism()) {
  console.warn(`note: the machine was busy (load average up to ${busiest.toFixed(1)} on ${availableParallelism()} cores); performance scores drop with load, so re-run when it is quiet`);
}

const problems = summaries.flatMap(pageProblems);
if (problems.length > 0) {
  console.error(`\nbelow 100 (median of ${runs} run${runs === 1 ? '' : 's'}):\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`every page at 100${summaries.some((summary) => summary.page.noindex) ? ' (SEO of noindex pages: only is-crawlable may fail)' : ''}`);
