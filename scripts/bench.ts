/**
 * npm run bench [-- --articles 10000] [--steps validate,build,pagefind,rebuild]
 *
 * Generates a deterministic corpus (in bench-corpus/, git-ignored) and reports,
 * per step, wall time, milliseconds per article and peak RSS of the process
 * that did the work. Budgets are in ../shared/DESIGN.md; numbers go in notes,
 * never in timed tests.
 */
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateArticles, writeCorpus } from './lib/corpus.ts';
import { RelatedIndex } from '../src/lib/related.ts';
import { plainTextDocument } from '../src/lib/related-input.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    steps: { type: 'string', default: 'related,validate,build,rebuild' },
    'related-sizes': { type: 'string', default: '10000,50000' },
  },
});
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

console.log(`generating ${count} articles...`);
const started = performance.now();
const contentDir = writeCorpus(corpusDir, {
  articles: count,
  photoDir: path.join(REPO, 'content/images'),
  sampleContent: path.join(REPO, 'content'),
});
console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

interface Measure {
  step: string;
  seconds: number;
  peakRssMb: number;
}
const results: Measure[] = [];

/** Runs one step as a child process; its peak RSS is reported by a preloaded hook (scripts/lib/report-peak-rss.cjs). */
function measure(step: string, command: string[], env: Record<string, string> = {}): Measure {
  const rssFile = path.join(corpusDir, `rss-${results.length}.txt`);
  writeFileSync(rssFile, '');
  const begin = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd: REPO,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${path.join(REPO, 'node_modules/.bin')}:${process.env.PATH}`,
      NODE_OPTIONS: `--require ${path.join(REPO, 'scripts/lib/report-peak-rss.cjs')}`,
      BENCH_RSS_FILE: rssFile,
      ...env,
    },
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - begin) / 1000;
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`${step} failed with exit code ${result.status}`);
  }
  const peaks = readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number);
  const peakRssMb = Math.round(Math.max(0, ...peaks) / 1024);
  const measured = { step, seconds, peakRssMb };
  console.log(`  ${step}: ${seconds.toFixed(2)} s, ${((seconds * 1000) / count).toFixed(2)} ms/article, peak RSS ${peakRssMb} MB`);
  results.push(measured);
  return measured;
}

const env = { BROADSHEET_CONTENT_DIR: contentDir, BROADSHEET_CACHE_DIR: path.join(corpusDir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
if (steps.includes('validate')) measure('validate', [node, 'scripts/validate.ts', contentDir], env);
if (steps.includes('build')) measure('cold build', ['astro', 'build', '--outDir', path.join(corpusDir, 'dist')], env);
if (steps.includes('rebuild')) {
  const first = path.join(contentDir, 'articles', 'middle-east', '0');
  const victim = spawnSync('bash', ['-c', `ls ${first} | head -1`], { encoding: 'utf8' }).stdout.trim();
  const file = path.join(first, victim);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\n$/, '\n\nAn edited closing paragraph for the rebuild benchmark.\n'));
  measure('rebuild after one edit', ['astro', 'build', '--outDir', path.join(corpusDir, 'dist')], env);
}
appendFileSync(path.join(corpusDir, 'results.jsonl'), `${JSON.stringify({ articles: count, results })}\n`);
