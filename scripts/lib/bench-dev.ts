/**
 * The `dev` step of `npm run bench`: the editor's preview on the corpus, with
 * the caches a build left. Starts `astro dev`, times the first article page,
 * then a saved edit until the page shows it, then a save that breaks the file:
 * the error must reach the terminal and the page must keep its last good
 * version.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TreeSampler } from './process-tree.ts';

export interface DevMeasure {
  firstPageSeconds: number;
  editSeconds: number;
  /** Seconds until the terminal named the broken file. */
  errorSeconds: number;
  /** Whether the page still answered with its last good text after the broken save. */
  keptLastGood: boolean;
  peakRssMb: number;
}

const PORT = 4399;

async function fetchText(url: string): Promise<{ status: number; text: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    return { status: response.status, text: await response.text() };
  } catch {
    return undefined;
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function measureDev(options: { repo: string; env: Record<string, string>; articleFile: string; slug: string }): Promise<DevMeasure> {
  const { repo, env, articleFile, slug } = options;
  const original = readFileSync(articleFile, 'utf8');
  const begin = performance.now();
  // What `npm run dev` runs.
  const child = spawn(path.join(repo, 'node_modules/.bin/node'), ['scripts/astro.ts', 'dev', '--port', String(PORT)], {
    cwd: repo,
    env: { ...process.env, PATH: `${path.join(repo, 'node_modules/.bin')}:${process.env.PATH}`, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const tree = new TreeSampler();
  const sampler = setInterval(() => tree.sample(child.pid!), 100);
  const url = `http://localhost:${PORT}/${slug}/`;
  try {
    await waitFor(async () => {
      const page = await fetchText(url);
      return page?.status === 200 ? page : undefined;
    }, 180_000);
    const firstPageSeconds = (performance.now() - begin) / 1000;

    const sentence = `An edit made in the preview at ${Date.now()}.`;
    const saved = performance.now();
    appendFileSync(articleFile, `\n${sentence}\n`);
    await waitFor(async () => ((await fetchText(url))?.text.includes(sentence) ? true : undefined), 60_000);
    const editSeconds = (performance.now() - saved) / 1000;

    const broken = performance.now();
    const outputBefore = output.length;
    writeFileSync(articleFile, readFileSync(articleFile, 'utf8').replace(/^title: .*$/m, 'title: "an unclosed quote'));
    const shown = path.relative(repo, articleFile);
    await waitFor(async () => (output.slice(outputBefore).includes(shown) ? true : undefined), 60_000);
    const errorSeconds = (performance.now() - broken) / 1000;
    const afterBreak = await fetchText(url);
    const keptLastGood = afterBreak?.status === 200 && afterBreak.text.includes(sentence);
    return { firstPageSeconds, editSeconds, errorSeconds, keptLastGood, peakRssMb: Math.round(tree.peakKb / 1024) };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    writeFileSync(articleFile, original);
  }
}
