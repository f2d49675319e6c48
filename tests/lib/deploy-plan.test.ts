import { describe, expect, it } from 'vitest';
import { emptyManifest, type FileEntry, type Manifest } from '../../src/lib/deploy/manifest.ts';
import { phaseOf, planDeploy } from '../../src/lib/deploy/plan.ts';
import { cacheControlFor, contentTypeFor } from '../../src/lib/http-headers.ts';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-28T12:00:00Z');

function entry(path: string, content = path): FileEntry {
  return {
    sha256: Buffer.from(content).toString('hex').padEnd(64, '0').slice(0, 64),
    size: content.length,
    contentType: contentTypeFor(path),
    cacheControl: cacheControlFor(path),
  };
}

function site(...paths: string[]): Record<string, FileEntry> {
  return Object.fromEntries(paths.map((path) => [path, entry(path)]));
}

function manifest(files: Record<string, FileEntry>, stale: Manifest['stale'] = {}): Manifest {
  return { version: 1, deployedAt: '2026-11-27T12:00:00.000Z', files, stale };
}

const SITE = site(
  'index.html',
  '404.html',
  'iran-sco/index.html',
  'latest/index.html',
  '_astro/BaseLayout.CP_7bYDd.css',
  '_astro/hero.1CuvZnUy.avif',
  'logo.svg',
  'rss.xml',
  'sitemap.xml',
  'pagefind/pagefind-entry.json',
  'pagefind/fragment/en_1.pf_fragment',
);

describe('phaseOf', () => {
  it('puts hashed assets first, then other files, pages, then feeds and sitemaps', () => {
    expect(Object.keys(SITE).map((path) => [path, phaseOf(path, SITE[path]!)])).toEqual([
      ['index.html', 'pages'],
      ['404.html', 'pages'],
      ['iran-sco/index.html', 'pages'],
      ['latest/index.html', 'pages'],
      ['_astro/BaseLayout.CP_7bYDd.css', 'assets'],
      ['_astro/hero.1CuvZnUy.avif', 'assets'],
      ['logo.svg', 'files'],
      ['rss.xml', 'indexes'],
      ['sitemap.xml', 'indexes'],
      ['pagefind/pagefind-entry.json', 'files'],
      ['pagefind/fragment/en_1.pf_fragment', 'assets'],
    ]);
  });
});

describe('planDeploy on a first deploy', () => {
  const plan = planDeploy({ local: SITE, remote: emptyManifest(), now: NOW, graceMs: 48 * HOUR });

  it('uploads everything, in phase order, the home page last among pages', () => {
    expect(plan.uploads.map((upload) => upload.path)).toEqual([
      '_astro/BaseLayout.CP_7bYDd.css',
      '_astro/hero.1CuvZnUy.avif',
      'pagefind/fragment/en_1.pf_fragment',
      'logo.svg',
      'pagefind/pagefind-entry.json',
      '404.html',
      'iran-sco/index.html',
      'latest/index.html',
      'index.html',
      'rss.xml',
      'sitemap.xml',
    ]);
    expect(plan.uploads.every((upload) => upload.reason === 'new')).toBe(true);
    expect(plan.bytes).toBe(Object.values(SITE).reduce((sum, file) => sum + file.size, 0));
  });

  it('records every file in the next manifest, with the deploy time', () => {
    expect(plan.manifest.files).toEqual(SITE);
    expect(plan.manifest.stale).toEqual({});
    expect(plan.manifest.deployedAt).toBe(NOW.toISOString());
  });
});

describe('planDeploy against a previous deploy', () => {
  const listingOf = (files: Record<string, FileEntry>) => new Map(Object.entries(files).map(([path, file]) => [path, file.size]));

  it('uploads nothing when nothing changed', () => {
    const plan = planDeploy({ local: SITE, remote: manifest(SITE), listing: listingOf(SITE), now: NOW, graceMs: 48 * HOUR });
    expect(plan.uploads).toEqual([]);
    expect(plan.unchanged).toHaveLength(Object.keys(SITE).length);
    expect(plan.bytes).toBe(0);
  });

  it('uploads changed and new files, new pages before changed ones', () => {
    const local = {
      ...SITE,
      'iran-sco/index.html': entry('iran-sco/index.html', 'edited'),
      'index.html': entry('index.html', 'new list'),
      'new-article/index.html': entry('new-article/index.html'),
      '_astro/hero-2.Zx81.avif': entry('_astro/hero-2.Zx81.avif'),
    };
    const plan = planDeploy({ local, remote: manifest(SITE), listing: listingOf(SITE), now: NOW, graceMs: 48 * HOUR });
    expect(plan.uploads.map((upload) => [upload.path, upload.reason])).toEqual([
      ['_astro/hero-2.Zx81.avif', 'new'],
      ['new-article/index.html', 'new'],
      ['iran-sco/index.html', 'changed'],
      ['index.html', 'changed'],
    ]);
    expect(plan.unchanged).toHaveLength(Object.keys(SITE).length - 2);
  });

  it('re-uploads a file whose content type or cache policy changed, bytes unchanged', () => {
    const remote = manifest({ ...SITE, 'logo.svg': { ...entry('logo.svg'), cacheControl: 'public, max-age=60' } });
    const plan = planDeploy({ local: SITE, remote, listing: listingOf(SITE), now: NOW, graceMs: 48 * HOUR });
    expect(plan.uploads.map((upload) => [upload.path, upload.reason])).toEqual([['logo.svg', 'headers']]);
  });

  it('re-uploads a file the manifest lists but the store lacks or holds at another size', () => {
    const listing = listingOf(SITE);
    listing.delete('rss.xml');
    listing.set('logo.svg', 3);
    const plan = planDeploy({ local: SITE, remote: manifest(SITE), listing, now: NOW, graceMs: 48 * HOUR });
    expect(plan.uploads.map((upload) => [upload.path, upload.reason])).toEqual([
      ['logo.svg', 'missing'],
      ['rss.xml', 'missing'],
    ]);
  });
});

describe('stale files', () => {
  const previous = { ...SITE, 'old-article/index.html': entry('old-article/index.html'), '_astro/old.B1.css': entry('_astro/old.B1.css') };
  const listing = new Map(Object.entries(previous).map(([path, file]) => [path, file.size]));

  it('keeps files that left the site, recording since when', () => {
    const plan = planDeploy({ local: SITE, remote: manifest(previous), listing, now: NOW, graceMs: 48 * HOUR });
    expect(plan.leaving).toEqual(['_astro/old.B1.css', 'old-article/index.html']);
    expect(plan.removals).toEqual([]);
    expect(plan.manifest.stale['_astro/old.B1.css']).toEqual({ ...previous['_astro/old.B1.css'], since: NOW.toISOString() });
    expect(plan.manifest.files).toEqual(SITE);
  });

  it('removes them once older than the grace period, not before', () => {
    const since = new Date(NOW.getTime() - 48 * HOUR).toISOString();
    const stale = { '_astro/old.B1.css': { ...previous['_astro/old.B1.css']!, since } };
    const remote = manifest(SITE, stale);
    const within = planDeploy({ local: SITE, remote, listing, now: new Date(NOW.getTime() - 1), graceMs: 48 * HOUR });
    expect(within.removals).toEqual([]);
    expect(within.keptStale).toEqual(['_astro/old.B1.css']);
    expect(within.manifest.stale).toEqual(stale);
    const after = planDeploy({ local: SITE, remote, listing, now: NOW, graceMs: 48 * HOUR });
    expect(after.removals).toEqual([{ path: '_astro/old.B1.css', since }]);
    expect(after.manifest.stale).toEqual({});
  });

  it('un-stales a file that comes back, uploading it only if the store lost it', () => {
    const since = '2026-11-27T00:00:00.000Z';
    const remote = manifest(SITE, { '_astro/old.B1.css': { ...previous['_astro/old.B1.css']!, since } });
    const local = { ...SITE, '_astro/old.B1.css': previous['_astro/old.B1.css']! };
    const kept = planDeploy({ local, remote, listing, now: NOW, graceMs: 48 * HOUR });
    expect(kept.revived).toEqual(['_astro/old.B1.css']);
    expect(kept.uploads).toEqual([]);
    expect(kept.manifest.stale).toEqual({});
    expect(kept.manifest.files['_astro/old.B1.css']).toEqual(previous['_astro/old.B1.css']);
    const lost = new Map(listing);
    lost.delete('_astro/old.B1.css');
    const restored = planDeploy({ local, remote, listing: lost, now: NOW, graceMs: 48 * HOUR });
    expect(restored.uploads.map((upload) => [upload.path, upload.reason])).toEqual([['_astro/old.B1.css', 'revived']]);
  });

  it('adopts objects an interrupted deploy left outside any manifest', () => {
    const orphans = { '_astro/half.Q9.css': entry('_astro/half.Q9.css') };
    const plan = planDeploy({ local: SITE, remote: manifest(SITE), listing, orphans, now: NOW, graceMs: 48 * HOUR });
    expect(plan.adopted).toEqual(['_astro/half.Q9.css']);
    expect(plan.manifest.stale['_astro/half.Q9.css']?.since).toBe(NOW.toISOString());
  });

  it('forgets a file that left the site when the store no longer has it', () => {
    const gone = new Map(listing);
    gone.delete('old-article/index.html');
    const plan = planDeploy({ local: SITE, remote: manifest(previous), listing: gone, now: NOW, graceMs: 48 * HOUR });
    expect(plan.leaving).toEqual(['_astro/old.B1.css']);
  });
});
