/**
 * npm run bench [-- --articles 10000] [--steps related,validate,build,noop,edit,publish,dev] [--compare hugo]
 * npm run bench -- --chart docs/performance.svg
 *
 * Generates a deterministic corpus shaped like a real archive (bench-corpus/,
 * git-ignored) and measures, per step, as a newsroom meets them:
 * - validate: `npm run validate` on the corpus;
 * - build: a cold build, every cache empty;
 * - noop: a build with nothing changed;
 * - edit: a build after one sentence is appended to an old article;
 * - publish: a build after one new article;
 * - dev: the preview (`astro dev`): its first article page, a saved edit
 *   until the page shows it, and a broken save until the terminal says so;
 * and for each: wall time, CPU time and peak memory of the whole process tree
 * (Astro, its workers and Pagefind's binary), pages rendered and restored, and the files
 * of dist/ the build changed (what a deploy uploads), search shards apart.
 * `related` ranks in-memory corpora of 10,000 and 50,000 articles.
 * `--compare hugo` builds the same articles with a minimal Hugo site, where
 * `hugo` is installed. Results go to bench-results/<articles>.json; `--chart`
 * draws time and memory against corpus size from them. Budgets are in
 * docs/performance.md; numbers go in notes, never in timed tests.
 */
import { parseArgs } from 'node:util';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { articleFile, articlePathIn, generateArticles, writeCorpus, type GeneratedArticle } from './lib/corpus.ts';
import { RelatedIndex } from '../src/lib/related/ranking.ts';
import { plainTextDocument } from '../src/markdown/related-document.ts';
import { benchChart, type BenchRun } from './lib/bench-chart.ts';
import { buildHugoSite } from './lib/bench-hugo.ts';
import { countPaths } from './lib/astro-log.ts';
import { measureDev } from './lib/bench-dev.ts';
import { TreeSampler } from './lib/process-tree.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(REPO, 'bench-results');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    steps: { type: 'string', default: 'related,validate,build,noop,edit,publish' },
    'related-sizes': { type: 'string', default: '10000,50000' },
    compare: { type: 'string' },
    /** Print the files each step changed. */
    'list-changed': { type: 'boolean', default: false },
    chart: { type: 'string' },
  },
});

if (values.chart) {
  const runs = existsSync(RESULTS)
    ? readdirSync(RESULTS)
        .filter((name) => name.endsWith('.json'))
        .map((name) => JSON.parse(readFileSync(path.join(RESULTS, name), 'utf8')) as BenchRun)
    : [];
  if (runs.length === 0) {
    console.error(`no results in ${RESULTS}; run the bench first`);
    process.exit(2);
  }
  writeFileSync(values.chart, benchChart(runs));
  console.log(`wrote ${values.chart} from ${runs.length} runs (${runs.map((run) => run.articles).join(', ')} articles)`);
  process.exit(0);
}

const count = Number(values.articles);
if (!Number.isInteger(count) || count < 1) {
  console.error('--articles takes a whole number');
  process.exit(2);
}
const steps = values.steps!.split(',');
const corpusDir = path.join(REPO, 'bench-corpus');
const node = path.join(REPO, 'node_modules/.bin/node');

/**
 * Related-story ranking alone, in this process, on corpora built in memory:
 * term extraction is done by the loader once per body and cached, so it is
 * timed apart from the ranking.
 */
if (steps.includes('related')) {
  for (const size of values['related-sizes']!.split(',').map(Number)) {
    let begin = performance.now();
    // One article at a time, so the corpus text is garbage before the ranking is timed.
    const documents = [];
    for (const article of generateArticles(size)) {
      documents.push(plainTextDocument({ ...article, published: new Date(article.published), text: article.body }));
    }
    const termSeconds = (performance.now() - begin) / 1000;
    begin = performance.now();
    const related = new RelatedIndex(documents).all();
    const rankSeconds = (performance.now() - begin) / 1000;
    const counts = [...related.values()].map((matches) => matches.length);
    console.log(
      `  related at ${size}: ranking ${rankSeconds.toFixed(2)} s (terms extracted beforehand in ${termSeconds.toFixed(1)} s); ` +
        `${Math.min(...counts)}-${Math.max(...counts)} teasers per article; heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB`,
    );
  }
}
if (!steps.some((step) => step !== 'related')) process.exit(0);

/**
 * The previous run's corpus (up to 250,000 files at 50,000 articles) is moved aside now and
 * deleted once this run is measured: deleted just before, it slowed the file writes of the steps
 * that followed. Writing 14,500 pages took 10.5 to 12.3 s right after a tree like it had been
 * deleted, and 3.8 to 4.0 s with nothing deleted in the minute before.
 */
const SET_ASIDE_PREFIX = 'bench-corpus.old-';
if (existsSync(corpusDir)) renameSync(corpusDir, path.join(REPO, `${SET_ASIDE_PREFIX}${process.pid}`));
const removeSetAside = () => {
  for (const name of readdirSync(REPO)) if (name.startsWith(SET_ASIDE_PREFIX)) rmSync(path.join(REPO, name), { recursive: true, force: true });
};

console.log(`generating ${count} articles...`);
const started = performance.now();
const contentDir = writeCorpus(corpusDir, {
  articles: count,
  photoDir: path.join(REPO, 'content/images'),
  sampleContent: path.join(REPO, 'content'),
});
console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

export interface Measure {
  step: string;
  seconds: number;
  /** Highest sum of resident memory over the process and all its descendants, sampled. */
  peakRssMb: number;
  /** CPU seconds (user and system) of the process and all its descendants, on every core. */
  cpuSeconds?: number;
  /** CPU seconds by process (scripts/lib/process-tree.ts names them), largest first. */
  cpuByProcess?: [string, number][];
  /** What each process held at the peak, in MB, largest first. */
  peakRssByProcess?: [string, number][];
  rendered?: number;
  restored?: number;
  /** Files of dist/ added, changed or removed, outside the search index. */
  filesChanged?: number;
  searchFilesChanged?: number;
}
const results: Measure[] = [];

/** Runs one step as a child process, sampling the memory and CPU time of its process tree. */
async function run(command: string[], env: Record<string, string>): Promise<{ seconds: number; tree: TreeSampler; output: string; status: number | null }> {
  const begin = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: REPO,
    env: { ...process.env, PATH: `${path.join(REPO, 'node_modules/.bin')}:${process.env.PATH}`, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const tree = new TreeSampler();
  const sampler = setInterval(() => tree.sample(child.pid!), 100);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  return { seconds: (performance.now() - begin) / 1000, tree, output, status };
}

/** Every file of a built site with a digest of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), createHash('sha1').update(readFileSync(file)).digest('hex'));
  }
  return files;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after].filter(([file, digest]) => before.get(file) !== digest).map(([file]) => file);
  return [...changed, ...[...before.keys()].filter((file) => !after.has(file))];
}

async function measure(step: string, command: string[], env: Record<string, string> = {}, outDir?: string): Promise<Measure> {
  const before = outDir ? snapshot(outDir) : undefined;
  const { seconds, tree, output, status } = await run(command, env);
  const cpuSeconds = tree.cpuSeconds;
  if (status !== 0) {
    console.error(output.slice(-6000));
    throw new Error(`${step} failed with exit code ${status}`);
  }
  const measured: Measure = {
    step,
    seconds,
    cpuSeconds: Math.round(cpuSeconds * 10) / 10,
    peakRssMb: Math.round(tree.peakKb / 1024),
    cpuByProcess: tree.cpuByProcess(),
    peakRssByProcess: tree.peakByProcess(),
  };
  if (outDir) {
    Object.assign(measured, countPaths(output));
    const changed = changedFiles(before!, snapshot(outDir));
    measured.searchFilesChanged = changed.filter((file) => file.startsWith('pagefind/')).length;
    measured.filesChanged = changed.length - measured.searchFilesChanged;
    if (values['list-changed'] && step !== 'cold build') for (const file of changed.filter((name) => !name.startsWith('pagefind/')).sort()) console.log(`      changed: ${file}`);
    const search = /search: .*$/m.exec(output)?.[0];
    if (search) console.log(`    ${search}`);
  }
  const pages = measured.rendered === undefined ? '' : `; pages rendered ${measured.rendered}, restored ${measured.restored}; files changed ${measured.filesChanged} (+${measured.searchFilesChanged} search)`;
  console.log(`  ${step}: ${seconds.toFixed(2)} s, ${cpuSeconds.toFixed(1)} CPU-s (${(cpuSeconds / seconds).toFixed(2)} cores busy on average), ${((seconds * 1000) / count).toFixed(2)} ms/article, peak RSS ${measured.peakRssMb} MB${pages}`);
  const list = (parts: [string, number][]) => parts.map(([name, amount]) => `${name} ${amount}`).join(', ');
  console.log(`    CPU-s by process: ${list(measured.cpuByProcess!)}; at the memory peak, MB: ${list(measured.peakRssByProcess!)}`);
  results.push(measured);
  return measured;
}

const outDir = path.join(corpusDir, 'dist');
// Every cache in one folder of the corpus (Astro's and Broadsheet's), so the cold build is really cold.
const env = { BROADSHEET_CONTENT_DIR: contentDir, BROADSHEET_CACHE_DIR: path.join(corpusDir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
// What `npm run build` runs (scripts/astro.ts).
const build = [node, 'scripts/astro.ts', 'build', '--outDir', outDir];
// The articles the edit and publish steps start from (the corpus is deterministic).
const wanted = new Set([Math.floor(count / 3), Math.max(0, count - 2), count - 1]);
const corpus = new Map<number, GeneratedArticle>();
let index = 0;
for (const article of generateArticles(count)) if (wanted.has(index++)) corpus.set(index - 1, article);

if (steps.includes('validate')) await measure('validate', [node, 'scripts/validate.ts', contentDir], env);
if (steps.includes('build')) await measure('cold build', build, env, outDir);
if (steps.includes('noop')) await measure('rebuild, nothing changed', build, env, outDir);
if (steps.includes('edit')) {
  // An old piece, a third of the way into the archive: a typo fixed, a sentence added.
  const file = articlePathIn(contentDir, corpus.get(Math.floor(count / 3))!);
  appendFileSync(file, '\nThis sentence was added after publication, as an editor fixing a piece would.\n');
  await measure('rebuild after one edit', build, env, outDir);
}
if (steps.includes('publish')) {
  const template = corpus.get(Math.max(0, count - 2))!;
  const newest = corpus.get(count - 1)!;
  const published = new Date(Date.parse(newest.published) + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const article = { ...template, slug: 'bench-newly-published-piece', title: 'A newly published piece for the benchmark', published };
  const file = articlePathIn(contentDir, article);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, articleFile(article));
  await measure('rebuild after one publish', build, env, outDir);
}

if (steps.includes('dev')) {
  const article = corpus.get(Math.floor(count / 3))!;
  const dev = await measureDev({ repo: REPO, env, articleFile: articlePathIn(contentDir, article), slug: article.slug });
  for (const [step, seconds] of [
    ['preview: first article page', dev.firstPageSeconds],
    ['preview: a saved edit shown', dev.editSeconds],
    ['preview: a broken save reported', dev.errorSeconds],
  ] as const) {
    results.push({ step, seconds, peakRssMb: dev.peakRssMb });
    console.log(`  ${step}: ${seconds.toFixed(2)} s, peak RSS ${dev.peakRssMb} MB`);
  }
  console.log(`  preview: after the broken save the page ${dev.keptLastGood ? 'kept its last good version' : 'did NOT keep its last good version'}`);
}

if (values.compare === 'hugo') {
  if (spawnSync('hugo', ['version']).status !== 0) {
    console.log('  hugo: not installed (apt-get install hugo), comparison skipped');
  } else {
    const site = buildHugoSite(corpusDir, contentDir);
    const hugo = await measure('hugo build', ['hugo', '--source', site, '--destination', path.join(corpusDir, 'hugo-dist'), '--quiet']);
    const cold = results.find((result) => result.step === 'cold build');
    if (cold) console.log(`  cold build / hugo: ${(cold.seconds / hugo.seconds).toFixed(1)}x the time`);
  }
}

mkdirSync(RESULTS, { recursive: true });
const record: BenchRun = { articles: count, date: new Date().toISOString(), results };
writeFileSync(path.join(RESULTS, `${count}.json`), `${JSON.stringify(record, null, 2)}\n`);
appendFileSync(path.join(corpusDir, 'results.jsonl'), `${JSON.stringify(record)}\n`);
removeSetAside();
