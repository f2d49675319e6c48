/**
 * Publishing and taking down a piece, against s3rver, with real builds of
 * the sample publication (see tests/helpers/sample-site-setup.ts): the
 * scheduled piece going live, and a published piece set to `draft: true`.
 * What readers can reach is checked by crawling the stored site from its
 * entry points, as a reader or crawler would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { S3Client } from '@aws-sdk/client-s3';
import { invalidationPaths } from '../../src/lib/deploy/cdn.ts';
import { parseManifest, scanSite } from '../../src/lib/deploy/manifest.ts';
import { deploy } from '../../src/lib/deploy/run.ts';
import { createS3Store } from '../../src/lib/deploy/store.ts';
import { parseTarget } from '../../src/lib/deploy/target.ts';
import { readSiteUrl } from '../../src/lib/content/site-file.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { startFakeCloudFront, type FakeCloudFront } from './fake-cloudfront.ts';
import { getText, newBucket, runCli, snapshot, startCli, startProxy, useS3rver } from './harness.ts';

const site = inject('sampleSite');
const { published, withdrawn } = inject('sampleVariants');
const server = useS3rver(site.outDir);
const origin = new URL(readSiteUrl(path.join(REPO, 'content'))).origin;
/** Pagefind's content-hashed files, in the primary index or in a month's or year's shard under pagefind/archive/. */
const SEARCH_HASHED = /^pagefind\/(?:archive\/[^/]+\/)?(?:(?:fragment|index|filter)\/|[^/]+\.pf_meta$)/;
const SEARCH_ENTRY = /^pagefind\/(?:archive\/[^/]+\/)?pagefind-entry\.json$/;
const SEARCH_RECORD = /^pagefind\/(?:archive\/[^/]+\/)?fragment\//;

let cloudfront: FakeCloudFront;
beforeAll(async () => {
  cloudfront = await startFakeCloudFront();
});
afterAll(async () => {
  await cloudfront?.close();
});

/** The site paths a page, feed or sitemap links to or loads, on this site. */
function linksOf(text: string): string[] {
  const urls = [
    ...[...text.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((match) => match[1]!),
    ...[...text.matchAll(/\ssrcset="([^"]+)"/g)].flatMap((match) => match[1]!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!)),
    ...[...text.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)].map((match) => match[1]!.trim()),
  ];
  const paths = new Set<string>();
  for (const raw of urls) {
    const url = new URL(raw.replaceAll('&amp;', '&'), `${origin}/`);
    if (url.origin !== origin) continue;
    const pathname = decodeURIComponent(url.pathname);
    paths.add((pathname.endsWith('/') ? `${pathname}index.html` : pathname).slice(1));
  }
  return [...paths];
}

const isDocument = (sitePath: string) => /\.(?:html|xml)$/.test(sitePath);

/**
 * Crawls a stored site from its entry points (home page, feed, sitemaps),
 * following links between pages, feeds and sitemaps; returns every link from
 * a reachable file to a file that is not there, and what it reached.
 */
function crawl(files: ReadonlyMap<string, string | null>): { broken: string[]; reached: Set<string> } {
  const queue = ['index.html', 'rss.xml', 'sitemap.xml', 'news-sitemap.xml'].filter((entry) => files.has(entry));
  const reached = new Set(queue);
  const broken: string[] = [];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const to of linksOf(files.get(from) ?? '')) {
      if (!files.has(to)) broken.push(`${from} -> ${to}`);
      else if (isDocument(to) && !reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  return { broken: broken.sort(), reached };
}

/** Every object under the bucket's `site/` prefix, with the text of its pages, feeds and sitemaps. */
async function storedSite(client: S3Client, bucket: string): Promise<Map<string, string | null>> {
  const files = new Map<string, string | null>();
  for (const key of (await snapshot(client, bucket)).keys()) {
    if (!key.startsWith('site/') || key.startsWith('site/.broadsheet/')) continue;
    const sitePath = key.slice('site/'.length);
    files.set(sitePath, isDocument(sitePath) ? await getText(client, bucket, key) : null);
  }
  return files;
}

function deployTo(bucket: string, dir: string) {
  return deploy({
    dir,
    target: parseTarget(`s3://${bucket}/site`),
    store: createS3Store({ bucket, endpoint: server.s3.endpoint, region: 'us-east-1' }),
    concurrency: 16,
  });
}

const previous = scanSite(site.outDir).files;
const nextSite = scanSite(published.outDir);
const next = nextSite.files;
/** What publishing the scheduled piece uploads: every file of the new build whose bytes or headers differ. */
const changing = Object.keys(next).filter((sitePath) => previous[sitePath]?.sha256 !== next[sitePath]!.sha256);
const newArticle = `${published.slug}/index.html`;

describe('the crawl these tests rely on', () => {
  it('finds a link to a missing page, and reaches pages only through links', () => {
    const files = new Map<string, string | null>([
      ['index.html', '<a href="/a/">A</a> <a href="https://meridian-review.example/b/">B</a> <img src="/_astro/x.avif">'],
      ['a/index.html', '<link rel="stylesheet" href="/_astro/s.css">'],
      ['_astro/s.css', null],
      ['orphan/index.html', '<a href="/gone/">x</a>'],
    ]);
    expect(crawl(files).broken).toEqual(['index.html -> _astro/x.avif', 'index.html -> b/index.html']);
    expect([...crawl(files).reached].sort()).toEqual(['a/index.html', 'index.html']);
  });
});

describe('publishing a piece', () => {
  it('uploads in dependency order: assets, the article, then what links to it, the sitemap index and search entry last', async () => {
    const bucket = await newBucket(server.client);
    await deployTo(bucket, site.outDir);
    const proxy = await startProxy(server.s3.port, () => ({ kind: 'pass' }));
    try {
      await deploy({
        dir: published.outDir,
        target: parseTarget(`s3://${bucket}/site`),
        store: createS3Store({ bucket, endpoint: proxy.endpoint, region: 'us-east-1' }),
        concurrency: 16,
      });
    } finally {
      await proxy.close();
    }
    const order = proxy.requests
      .filter((request) => request.method === 'PUT' && !request.path.endsWith('/.broadsheet/manifest.json'))
      .map((request) => request.path.slice(`/${bucket}/site/`.length));
    expect([...order].sort()).toEqual([...changing].sort());
    const at = (sitePath: string) => order.indexOf(sitePath);

    // Nothing already live goes up before a new file it links to.
    const early: string[] = [];
    for (const sitePath of order.filter((p) => isDocument(p) && previous[p])) {
      const text = readFileSync(path.join(published.outDir, sitePath), 'utf8');
      for (const target of linksOf(text)) {
        if (!previous[target] && next[target] && at(target) > at(sitePath)) early.push(`${sitePath} -> ${target}`);
      }
    }
    expect(early).toEqual([]);

    // Whatever links to the new article, new pages included, goes up after it.
    const linking = order.filter((p) => isDocument(p) && p !== newArticle && linksOf(readFileSync(path.join(published.outDir, p), 'utf8')).includes(newArticle));
    expect(linking).toEqual(expect.arrayContaining(['index.html', 'latest/index.html', 'rss.xml', 'sitemaps/articles-2031.xml']));
    for (const sitePath of linking) expect(at(sitePath), sitePath).toBeGreaterThan(at(newArticle));

    // Hashed assets before any page; the sitemap index after its parts; the search entry after every page and index file.
    const firstPage = Math.min(...order.filter((p) => p.endsWith('.html')).map(at));
    for (const asset of order.filter((p) => p.startsWith('_astro/') || SEARCH_HASHED.test(p))) {
      expect(at(asset), asset).toBeLessThan(firstPage);
    }
    for (const part of order.filter((p) => p.startsWith('sitemaps/') || p === 'news-sitemap.xml')) expect(at('sitemap.xml')).toBeGreaterThan(at(part));
    const entry = at('pagefind/pagefind-entry.json');
    for (const other of order.filter((p) => p.endsWith('.html') || p.endsWith('.xml') || p.startsWith('pagefind/'))) {
      if (!['pagefind/pagefind-entry.json', 'pagefind/shards.json', 'sitemap.xml'].includes(other)) expect(entry, other).toBeGreaterThan(at(other));
    }
    // The list of shards the search page merges goes last, after every shard's entry it names.
    if (order.includes('pagefind/shards.json')) {
      for (const other of order.filter((p) => p.startsWith('pagefind/') && p !== 'pagefind/shards.json')) expect(at('pagefind/shards.json'), other).toBeGreaterThan(at(other));
    }
  });

  it('killed during the pages phase, leaves every page readers can reach linking only to live files; the next run uploads only the rest', async () => {
    const bucket = await newBucket(server.client);
    const target = `s3://${bucket}/site`;
    await deployTo(bucket, site.outDir);
    const previousManifest = await getText(server.client, bucket, 'site/.broadsheet/manifest.json');
    expect(crawl(await storedSite(server.client, bucket)).broken).toEqual([]);

    // Every article of the new build goes through; the first list page is held, and the deploy killed.
    let held = false;
    const proxy = await startProxy(server.s3.port, (request) => {
      const sitePath = request.path.slice(`/${bucket}/site/`.length);
      if (request.method === 'PUT' && (held || (sitePath.endsWith('.html') && !nextSite.articles.has(sitePath)))) {
        held = true;
        return { kind: 'stall' };
      }
      return { kind: 'pass' };
    });
    const run = startCli(['--dir', published.outDir, '--target', target, '--endpoint', proxy.endpoint, '--concurrency', '4']);
    try {
      await run.waitForLines((lines) => lines.some((line) => line.startsWith('-- lists:')));
      while (!held) await new Promise((resolve) => setTimeout(resolve, 20));
      run.child.kill('SIGKILL');
      expect((await run.done).signal).toBe('SIGKILL');
    } finally {
      await proxy.close();
    }

    const afterKill = await storedSite(server.client, bucket);
    expect(await getText(server.client, bucket, 'site/.broadsheet/manifest.json')).toBe(previousManifest);
    // The articles are live (changed ones may already link to the new one, which is
    // there); the lists, sitemaps and search entry are still the previous build's.
    expect(afterKill.get(newArticle)).toBe(readFileSync(path.join(published.outDir, newArticle), 'utf8'));
    expect(crawl(afterKill).broken).toEqual([]);
    expect(afterKill.get('index.html')).toBe(readFileSync(path.join(site.outDir, 'index.html'), 'utf8'));
    expect(await getText(server.client, bucket, 'site/pagefind/pagefind-entry.json')).toBe(readFileSync(path.join(site.outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(afterKill.get('sitemap.xml')).toBe(readFileSync(path.join(site.outDir, 'sitemap.xml'), 'utf8'));
    expect(afterKill.has('sitemaps/articles-2031.xml')).toBe(false);

    const stored = await snapshot(server.client, bucket);
    const alreadyThere = changing.filter((sitePath) => stored.get(`site/${sitePath}`)?.sha256 === next[sitePath]!.sha256);
    expect(alreadyThere).toContain(newArticle);
    const rerun = await runCli(['--dir', published.outDir, '--target', target, '--endpoint', server.s3.endpoint]);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${alreadyThere.length} of them already stored by an interrupted deploy`);
    expect(rerun.stdout).toMatch(new RegExp(`✓ Deployed: ${changing.length - alreadyThere.length} uploaded, `));
    const final = await storedSite(server.client, bucket);
    expect(crawl(final).broken).toEqual([]);
    expect(crawl(final).reached.has(newArticle)).toBe(true);
    const manifest = parseManifest(await getText(server.client, bucket, 'site/.broadsheet/manifest.json'));
    for (const [sitePath, entry] of Object.entries(next)) expect(manifest.files[sitePath]?.sha256, sitePath).toBe(entry.sha256);
  });
});

describe('taking down a piece', () => {
  it('removes its page, search record and what listed only it within one deploy, and tells CloudFront exactly what changed or went', async () => {
    const bucket = await newBucket(server.client);
    const target = `s3://${bucket}/site`;
    const cli = (dir: string) =>
      runCli(['--dir', dir, '--target', target, '--endpoint', server.s3.endpoint, '--cloudfront-distribution', 'ETAKEDOWN1234'], {
        AWS_ENDPOINT_URL_CLOUDFRONT: cloudfront.endpoint,
      });
    const first = await cli(site.outDir);
    expect(first.status, first.stderr).toBe(0);
    const before = cloudfront.invalidations.length;
    // Nothing was live before: nothing to invalidate.
    expect(before).toBe(0);

    cloudfront.busyFor(1);
    const takedown = await cli(withdrawn.outDir);
    expect(takedown.status, takedown.stderr).toBe(0);
    expect(takedown.stderr).toMatch(/retry INVALIDATE \d+ paths in [\d.]+ s \(attempt 2 of 10\): TooManyInvalidationsInProgress, HTTP 400/);

    const after = scanSite(withdrawn.outDir).files;
    const gone = Object.keys(previous).filter((sitePath) => !after[sitePath]);
    const hashed = (sitePath: string) => sitePath.startsWith('_astro/') || (SEARCH_HASHED.test(sitePath) && !SEARCH_RECORD.test(sitePath));
    const goneDocuments = gone.filter((sitePath) => !hashed(sitePath));
    expect(goneDocuments).toEqual(
      expect.arrayContaining([`${withdrawn.slug}/index.html`, 'tag/brics/index.html', expect.stringMatching(SEARCH_RECORD)]),
    );

    const stored = await snapshot(server.client, bucket);
    for (const sitePath of goneDocuments) expect(stored.has(`site/${sitePath}`), sitePath).toBe(false);
    // Hashed assets the old pages used stay through the grace period.
    for (const sitePath of gone.filter(hashed)) expect(stored.has(`site/${sitePath}`), sitePath).toBe(true);
    const manifest = parseManifest(await getText(server.client, bucket, 'site/.broadsheet/manifest.json'));
    expect(Object.keys(manifest.stale).sort()).toEqual(gone.filter(hashed).sort());
    expect(crawl(await storedSite(server.client, bucket)).broken).toEqual([]);

    const changed = Object.keys(after).filter((sitePath) => previous[sitePath] && previous[sitePath]!.sha256 !== after[sitePath]!.sha256 && !hashed(sitePath));
    // The search entry that changes is the one of the shard (month or year) that held the piece.
    expect(changed).toEqual(expect.arrayContaining(['index.html', 'middle-east/index.html', 'rss.xml', expect.stringMatching(SEARCH_ENTRY)]));
    expect(cloudfront.refused).toBe(1);
    expect(cloudfront.invalidations).toHaveLength(1);
    const [invalidation] = cloudfront.invalidations;
    expect(invalidation).toMatchObject({ distributionId: 'ETAKEDOWN1234', signed: true });
    expect(invalidation!.quantity).toBe(invalidation!.paths.length);
    expect(invalidation!.paths).toEqual(invalidationPaths([...changed, ...goneDocuments]));
    expect(invalidation!.paths).toEqual(expect.arrayContaining([`/${withdrawn.slug}/`, `/${withdrawn.slug}/index.html`, '/', '/tag/brics/']));
    expect(invalidation!.paths.filter((p) => p.startsWith('/_astro/'))).toEqual([]);
    expect(takedown.stdout).toMatch(/✓ CloudFront distribution ETAKEDOWN1234: invalidation I\d+ for \d+ paths/);

    // Deployed again, nothing changed: CloudFront is not asked again.
    const again = await cli(withdrawn.outDir);
    expect(again.status, again.stderr).toBe(0);
    expect(cloudfront.invalidations).toHaveLength(1);
  });
});
