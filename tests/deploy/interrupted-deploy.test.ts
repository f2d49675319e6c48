/**
 * A deploy killed halfway through its assets (the real CLI, SIGKILL) leaves
 * the previous site whole, and the next run converges on the new build,
 * keeping what the killed one stored. The CLI talks to s3rver through a
 * proxy that lets a few uploads through and then holds every request, so the
 * kill always lands mid-upload, whatever the timing. A deploy killed among
 * the pages: tests/deploy/publishing.test.ts.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { S3Client } from '@aws-sdk/client-s3';
import { parseManifest, scanSite } from '../../src/lib/deploy/manifest.ts';
import { deploy } from '../../src/lib/deploy/run.ts';
import { createS3Store } from '../../src/lib/deploy/store.ts';
import { parseTarget } from '../../src/lib/deploy/target.ts';
import { cacheControlFor, contentTypeFor } from '../../src/lib/distribution/http-headers.ts';
import {
  anArticle,
  copySite,
  getText,
  newBucket,
  runCli,
  snapshot,
  startCli,
  startProxy,
  startS3rver,
  testClient,
  type S3rverProcess,
} from './harness.ts';

const site = inject('sampleSite');
let s3: S3rverProcess;
let client: S3Client;
let next: string;

beforeAll(async () => {
  s3 = await startS3rver();
  client = testClient(s3.endpoint);
  // The new build: one article edited, the home page changed, 40 new hashed assets.
  next = copySite(site.outDir);
  const article = path.join(next, anArticle(next));
  writeFileSync(article, readFileSync(article, 'utf8').replace('</main>', '<p>Updated.</p></main>'));
  const home = path.join(next, 'index.html');
  writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<p>New today.</p></main>'));
  for (let i = 0; i < 40; i++) writeFileSync(path.join(next, `_astro/added-${i}.Q${String(i).padStart(7, '0')}.css`), `.added-${i}{}`);
});

afterAll(async () => {
  await s3?.stop();
  if (next) rmSync(next, { recursive: true, force: true });
});

/** Every `/_astro/...` address an HTML page refers to (src, href, srcset). */
function astroReferences(html: string): string[] {
  return [...html.matchAll(/\/_astro\/[^"'\s,)>]+/g)].map((match) => match[0].slice(1));
}

describe('a deploy killed halfway', () => {
  it('leaves the previous site fully served, and the next run converges', async () => {
    const bucket = await newBucket(client);
    const target = `s3://${bucket}/site`;
    await deploy({
      dir: site.outDir,
      target: parseTarget(target),
      store: createS3Store({ bucket, endpoint: s3.endpoint, region: 'us-east-1' }),
      concurrency: 16,
    });
    const previousManifestText = await getText(client, bucket, 'site/.broadsheet/manifest.json');
    const previous = parseManifest(previousManifestText);

    let puts = 0;
    const proxy = await startProxy(s3.port, (request) => {
      if (request.method !== 'PUT') return { kind: 'pass' };
      return ++puts <= 6 ? { kind: 'pass' } : { kind: 'stall' };
    });
    const run = startCli(['--dir', next, '--target', target, '--endpoint', proxy.endpoint, '--concurrency', '2']);
    try {
      const lines = await run.waitForLines((seen) => seen.filter((line) => / uploaded _astro\//.test(line)).length >= 3);
      expect(lines.some((line) => / uploaded (?!_astro\/)/.test(line))).toBe(false);
      run.child.kill('SIGKILL');
      const killed = await run.done;
      expect(killed.signal).toBe('SIGKILL');
    } finally {
      await proxy.close();
    }

    // The previous site, whole: its manifest, every file's bytes, and every asset its pages use.
    const afterKill = await snapshot(client, bucket);
    expect(await getText(client, bucket, 'site/.broadsheet/manifest.json')).toBe(previousManifestText);
    for (const [sitePath, entry] of Object.entries(previous.files)) {
      expect(afterKill.get(`site/${sitePath}`)?.sha256, sitePath).toBe(entry.sha256);
    }
    let pagesChecked = 0;
    for (const sitePath of Object.keys(previous.files).filter((p) => p.endsWith('.html'))) {
      const html = await getText(client, bucket, `site/${sitePath}`);
      for (const asset of astroReferences(html)) expect(afterKill.has(`site/${asset}`), `${sitePath} -> ${asset}`).toBe(true);
      pagesChecked++;
    }
    expect(pagesChecked).toBeGreaterThan(100);
    // Some of the new assets did arrive before the kill.
    expect([...afterKill.keys()].filter((key) => key.includes('/_astro/added-')).length).toBeGreaterThan(0);

    // The next run keeps what the killed one stored and verified by its sha256, and uploads the rest.
    const local = scanSite(next).files;
    const beforeRerun = await snapshot(client, bucket);
    const changed = Object.keys(local).filter((sitePath) => previous.files[sitePath]?.sha256 !== local[sitePath]!.sha256);
    expect(changed).toHaveLength(42);
    const kept = changed.filter((sitePath) => beforeRerun.get(`site/${sitePath}`)?.sha256 === local[sitePath]!.sha256);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    const rerun = await runCli(['--dir', next, '--target', target, '--endpoint', s3.endpoint]);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${kept.length} of them already stored by an interrupted deploy`);
    expect(rerun.stdout).toMatch(new RegExp(`✓ Deployed: ${42 - kept.length} uploaded, \\d+ unchanged, 0 removed`));
    for (const sitePath of kept) expect(rerun.stdout).not.toContain(` uploaded ${sitePath} `);

    const final = await snapshot(client, bucket);
    expect([...final.keys()].sort()).toEqual([...Object.keys(local).map((p) => `site/${p}`), 'site/.broadsheet/manifest.json'].sort());
    for (const [sitePath, entry] of Object.entries(local)) {
      const object = final.get(`site/${sitePath}`);
      expect([object?.sha256, object?.contentType, object?.cacheControl], sitePath).toEqual([
        entry.sha256,
        contentTypeFor(sitePath),
        cacheControlFor(sitePath),
      ]);
    }
    const manifest = parseManifest(await getText(client, bucket, 'site/.broadsheet/manifest.json'));
    expect(Object.fromEntries(Object.entries(manifest.files).map(([sitePath, { etag: _etag, ...entry }]) => [sitePath, entry]))).toEqual(local);
    expect(manifest.stale).toEqual({});
  });
});
