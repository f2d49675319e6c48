import { describe, expect, it } from 'vitest';
import { emptyManifest, isArticlePage, type FileEntry, type Manifest } from '../../src/lib/deploy/manifest.ts';
import {
  isDocument,
  objectsToVerify,
  phaseOf,
  planDeploy,
  uploadSteps,
  type RemoteObject,
  type VerifiedObject,
} from '../../src/lib/deploy/plan.ts';
import { cacheControlFor, contentTypeFor } from '../../src/lib/distribution/http-headers.ts';

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

/** A manifest entry as a deploy records it: with the ETag of the verified object. */
function recorded(path: string, content = path): FileEntry {
  return { ...entry(path, content), etag: `"etag-of-${content}"` };
}

function site(...paths: string[]): Record<string, FileEntry> {
  return Object.fromEntries(paths.map((path) => [path, entry(path)]));
}

function manifest(files: Record<string, FileEntry>, stale: Manifest['stale'] = {}): Manifest {
  const withEtags = Object.fromEntries(Object.entries(files).map(([path, file]) => [path, { etag: `"etag-of-${path}"`, ...file }]));
  return { version: 1, deployedAt: '2026-11-27T12:00:00.000Z', files: withEtags, stale };
}

/** The listing of a store holding exactly what a manifest recorded. */
function listingOf(remote: Manifest): Map<string, RemoteObject> {
  return new Map(Object.entries({ ...remote.stale, ...remote.files }).map(([path, file]) => [path, { size: file.size, etag: file.etag }]));
}

/** What HEAD says about an object a deploy stored from this entry. */
function head(file: FileEntry, etag = '"fresh"'): VerifiedObject {
  return { size: file.size, sha256: file.sha256, contentType: file.contentType, cacheControl: file.cacheControl, etag };
}

const SITE = site(
  'index.html',
  '404.html',
  'iran-sco/index.html',
  'latest/index.html',
  'latest/rail.html',
  'middle-east/index.html',
  '_astro/BaseLayout.CP_7bYDd.css',
  '_astro/hero.1CuvZnUy.avif',
  'logo.svg',
  'rss.xml',
  'middle-east/rss.xml',
  'sitemap.xml',
  'sitemaps/articles-2026.xml',
  'news-sitemap.xml',
  'robots.txt',
  'pagefind/pagefind.js',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind.en_42918849ed.pf_meta',
  'pagefind/fragment/en_1.pf_fragment',
  'pagefind/index/en_2.pf_index',
  'pagefind/archive/2019/pagefind-entry.json',
  'pagefind/archive/2019/fragment/en_3.pf_fragment',
  'pagefind/archive/2019/filter/en_4.pf_filter',
  'pagefind/archive/2019/pagefind.en_5.pf_meta',
  'pagefind/shards.json',
);
const ARTICLES = new Set(['iran-sco/index.html']);

describe('phaseOf', () => {
  it('orders hashed assets, fixed-name files, articles, lists and feeds, sitemaps, then entries', () => {
    expect(Object.keys(SITE).map((path) => [path, phaseOf(path, SITE[path]!, ARTICLES.has(path))])).toEqual([
      ['index.html', 'lists'],
      ['404.html', 'lists'],
      ['iran-sco/index.html', 'articles'],
      ['latest/index.html', 'lists'],
      ['latest/rail.html', 'lists'],
      ['middle-east/index.html', 'lists'],
      ['_astro/BaseLayout.CP_7bYDd.css', 'assets'],
      ['_astro/hero.1CuvZnUy.avif', 'assets'],
      ['logo.svg', 'files'],
      ['rss.xml', 'lists'],
      ['middle-east/rss.xml', 'lists'],
      ['sitemap.xml', 'entries'],
      ['sitemaps/articles-2026.xml', 'indexes'],
      ['news-sitemap.xml', 'indexes'],
      ['robots.txt', 'entries'],
      ['pagefind/pagefind.js', 'files'],
      ['pagefind/pagefind-entry.json', 'entries'],
      ['pagefind/pagefind.en_42918849ed.pf_meta', 'assets'],
      ['pagefind/fragment/en_1.pf_fragment', 'assets'],
      ['pagefind/index/en_2.pf_index', 'assets'],
      ['pagefind/archive/2019/pagefind-entry.json', 'entries'],
      ['pagefind/archive/2019/fragment/en_3.pf_fragment', 'assets'],
      ['pagefind/archive/2019/filter/en_4.pf_filter', 'assets'],
      ['pagefind/archive/2019/pagefind.en_5.pf_meta', 'assets'],
      ['pagefind/shards.json', 'entries'],
    ]);
  });

  it('takes archive shards as hashed whatever their cache policy says', () => {
    // Until the cache rules name the archive shards they are served revalidated;
    // the deploy's order and clean-up must not depend on that.
    const revalidated = { ...entry('x'), cacheControl: 'public, max-age=0, s-maxage=300, must-revalidate' };
    expect(phaseOf('pagefind/archive/2021/index/en_9.pf_index', revalidated)).toBe('assets');
    expect(isDocument('pagefind/archive/2021/index/en_9.pf_index', revalidated)).toBe(false);
  });

  it('counts pages, feeds, sitemaps and search records as documents, other hashed assets not', () => {
    const documents = Object.keys(SITE).filter((path) => isDocument(path, SITE[path]!));
    expect(documents).toEqual([
      'index.html',
      '404.html',
      'iran-sco/index.html',
      'latest/index.html',
      'latest/rail.html',
      'middle-east/index.html',
      'logo.svg',
      'rss.xml',
      'middle-east/rss.xml',
      'sitemap.xml',
      'sitemaps/articles-2026.xml',
      'news-sitemap.xml',
      'robots.txt',
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'pagefind/fragment/en_1.pf_fragment',
      'pagefind/archive/2019/pagefind-entry.json',
      'pagefind/archive/2019/fragment/en_3.pf_fragment',
      'pagefind/shards.json',
    ]);
  });
});

describe('isArticlePage', () => {
  it.each([
    ['<html><head><meta property="og:type" content="article"></head>', true],
    ["<head><meta content='article' property='og:type'/></head>", true],
    ['<head><meta property="og:type" content="website"></head><p>og:type article</p>', false],
    ['<head><meta property="og:type" content="articles"></head>', false],
    ['<head><title>x</title></head><body><meta property="og:type" content="article"></body>', false],
    ['<div class="rail"><a href="/iran-sco/">Iran</a></div>', false],
  ])('%s: %s', (html, article) => {
    expect(isArticlePage(html)).toBe(article);
  });
});

describe('planDeploy on a first deploy', () => {
  const plan = planDeploy({ local: SITE, articles: ARTICLES, remote: emptyManifest(), now: NOW, graceMs: 48 * HOUR });

  it('uploads everything by phase: assets, files, articles, lists and feeds, sitemaps, entries', () => {
    expect(uploadSteps(plan.uploads).map((step) => [step[0]!.phase, step[0]!.wave, step.map((upload) => upload.path)])).toEqual([
      [
        'assets',
        0,
        [
          '_astro/BaseLayout.CP_7bYDd.css',
          '_astro/hero.1CuvZnUy.avif',
          'pagefind/archive/2019/filter/en_4.pf_filter',
          'pagefind/archive/2019/fragment/en_3.pf_fragment',
          'pagefind/archive/2019/pagefind.en_5.pf_meta',
          'pagefind/fragment/en_1.pf_fragment',
          'pagefind/index/en_2.pf_index',
          'pagefind/pagefind.en_42918849ed.pf_meta',
        ],
      ],
      ['files', 0, ['logo.svg', 'pagefind/pagefind.js']],
      ['articles', 0, ['iran-sco/index.html']],
      ['lists', 0, ['404.html', 'latest/index.html', 'latest/rail.html', 'middle-east/index.html', 'middle-east/rss.xml', 'rss.xml']],
      ['lists', 2, ['index.html']],
      ['indexes', 0, ['news-sitemap.xml', 'sitemaps/articles-2026.xml']],
      ['entries', 0, ['pagefind/archive/2019/pagefind-entry.json', 'pagefind/pagefind-entry.json', 'pagefind/shards.json', 'robots.txt', 'sitemap.xml']],
    ]);
    expect(plan.uploads.every((upload) => upload.reason === 'new')).toBe(true);
    expect(plan.bytes).toBe(Object.values(SITE).reduce((sum, file) => sum + file.size, 0));
    // Nothing was live, so nothing is cached to refresh.
    expect(plan.refreshed).toEqual([]);
  });

  it('records every file in the next manifest, with the deploy time', () => {
    expect(plan.manifest.files).toEqual(SITE);
    expect(plan.manifest.stale).toEqual({});
    expect(plan.manifest.deployedAt).toBe(NOW.toISOString());
  });
});

describe('planDeploy against a previous deploy', () => {
  const remote = manifest(SITE);
  const listing = listingOf(remote);

  it('uploads nothing when the listing shows every recorded ETag, without asking for any HEAD', () => {
    expect(objectsToVerify(SITE, remote, listing)).toEqual([]);
    const plan = planDeploy({ local: SITE, remote, listing, now: NOW, graceMs: 48 * HOUR });
    expect(plan.uploads).toEqual([]);
    expect(plan.unchanged).toHaveLength(Object.keys(SITE).length);
    expect(plan.manifest.files).toEqual(remote.files);
    expect(plan.bytes).toBe(0);
  });

  it('publishes a new article before the changed articles that link to it, and before any list', () => {
    const local = {
      ...SITE,
      'iran-sco/index.html': entry('iran-sco/index.html', 'related stories now include the new piece'),
      'new-article/index.html': entry('new-article/index.html'),
      'index.html': entry('index.html', 'new lead story'),
      'latest/index.html': entry('latest/index.html', 'new first item'),
      'tag/new-tag/index.html': entry('tag/new-tag/index.html'),
      'rss.xml': entry('rss.xml', 'new item'),
      'sitemaps/articles-2026.xml': entry('sitemaps/articles-2026.xml', 'one more url'),
      'sitemap.xml': entry('sitemap.xml', 'new lastmod'),
      'pagefind/pagefind-entry.json': entry('pagefind/pagefind-entry.json', 'new meta hash'),
      'pagefind/fragment/en_6.pf_fragment': entry('pagefind/fragment/en_6.pf_fragment'),
      '_astro/hero-2.Zx81.avif': entry('_astro/hero-2.Zx81.avif'),
    };
    const articles = new Set(['iran-sco/index.html', 'new-article/index.html']);
    const plan = planDeploy({ local, articles, remote, listing, now: NOW, graceMs: 48 * HOUR });
    expect(uploadSteps(plan.uploads).map((step) => step.map((upload) => `${upload.path} (${upload.reason})`))).toEqual([
      ['_astro/hero-2.Zx81.avif (new)', 'pagefind/fragment/en_6.pf_fragment (new)'],
      ['new-article/index.html (new)'],
      ['iran-sco/index.html (changed)'],
      ['tag/new-tag/index.html (new)'],
      ['latest/index.html (changed)', 'rss.xml (changed)'],
      ['index.html (changed)'],
      ['sitemaps/articles-2026.xml (changed)'],
      ['pagefind/pagefind-entry.json (changed)', 'sitemap.xml (changed)'],
    ]);
    expect(plan.refreshed).toEqual([
      'index.html',
      'iran-sco/index.html',
      'latest/index.html',
      'pagefind/pagefind-entry.json',
      'rss.xml',
      'sitemap.xml',
      'sitemaps/articles-2026.xml',
    ]);
  });

  it('re-uploads a file whose content type or cache policy changed, bytes unchanged', () => {
    const changedRemote = manifest({ ...SITE, 'logo.svg': { ...entry('logo.svg'), cacheControl: 'public, max-age=60' } });
    const plan = planDeploy({ local: SITE, remote: changedRemote, listing: listingOf(changedRemote), now: NOW, graceMs: 48 * HOUR });
    expect(plan.uploads.map((upload) => [upload.path, upload.reason])).toEqual([['logo.svg', 'headers']]);
    expect(plan.refreshed).toEqual(['logo.svg']);
  });

  it('re-uploads a file the store lacks or holds at another size, without a HEAD', () => {
    const damaged = new Map(listing);
    damaged.delete('rss.xml');
    damaged.set('logo.svg', { size: 3, etag: '"other"' });
    expect(objectsToVerify(SITE, remote, damaged)).toEqual([]);
    const plan = planDeploy({ local: SITE, remote, listing: damaged, now: NOW, graceMs: 48 * HOUR });
    expect(plan.uploads.map((upload) => [upload.path, upload.reason])).toEqual([
      ['logo.svg', 'replaced'],
      ['rss.xml', 'missing'],
    ]);
  });

  it('checks by sha256 an object of the right size whose ETag is not the recorded one, and replaces it when it differs', () => {
    // Same length, other bytes: a size comparison alone would call it stored.
    const overwritten = new Map(listing).set('robots.txt', { size: SITE['robots.txt']!.size, etag: '"written-by-hand"' });
    expect(objectsToVerify(SITE, remote, overwritten)).toEqual(['robots.txt']);
    const byHand: VerifiedObject = { size: SITE['robots.txt']!.size, contentType: 'text/plain', etag: '"written-by-hand"' };
    const plan = planDeploy({ local: SITE, remote, listing: overwritten, verified: new Map([['robots.txt', byHand]]), now: NOW, graceMs: 48 * HOUR });
    expect(plan.uploads.map((upload) => [upload.path, upload.reason])).toEqual([['robots.txt', 'replaced']]);
    expect(plan.refreshed).toEqual(['robots.txt']);
    // The same bytes and headers written again (another deploy of this build): stored, with the new ETag recorded.
    const same = planDeploy({
      local: SITE,
      remote,
      listing: overwritten,
      verified: new Map([['robots.txt', head(SITE['robots.txt']!, '"written-by-hand"')]]),
      now: NOW,
      graceMs: 48 * HOUR,
    });
    expect(same.uploads).toEqual([]);
    expect(same.manifest.files['robots.txt']?.etag).toBe('"written-by-hand"');
  });

  it('checks every file once by HEAD when the manifest recorded no ETags (written by an older deploy)', () => {
    const old: Manifest = { ...remote, files: SITE };
    expect(objectsToVerify(SITE, old, listing)).toEqual(Object.keys(SITE).sort());
  });
});

describe('a deploy resumed after an interruption', () => {
  it('keeps what the interrupted first deploy stored and uploads only the rest', () => {
    const stored = ['_astro/BaseLayout.CP_7bYDd.css', '_astro/hero.1CuvZnUy.avif', 'logo.svg', 'iran-sco/index.html'];
    const listing = new Map(stored.map((path) => [path, { size: SITE[path]!.size, etag: `"${path}"` }]));
    expect(objectsToVerify(SITE, emptyManifest(), listing)).toEqual([...stored].sort());
    const verified = new Map(stored.map((path) => [path, head(SITE[path]!, `"${path}"`)]));
    const plan = planDeploy({ local: SITE, articles: ARTICLES, remote: emptyManifest(), listing, verified, now: NOW, graceMs: 48 * HOUR });
    expect(plan.resumed).toEqual([...stored].sort());
    expect(plan.uploads.map((upload) => upload.path).sort()).toEqual(Object.keys(SITE).filter((path) => !stored.includes(path)).sort());
    expect(plan.manifest.files['logo.svg']).toEqual({ ...SITE['logo.svg'], etag: '"logo.svg"' });
  });

  it('uploads again a file the interrupted deploy stored with other bytes or headers', () => {
    const listing = new Map([['logo.svg', { size: SITE['logo.svg']!.size, etag: '"x"' }]]);
    const plan = planDeploy({
      local: SITE,
      remote: emptyManifest(),
      listing,
      verified: new Map([['logo.svg', { ...head(SITE['logo.svg']!), cacheControl: 'no-cache' }]]),
      now: NOW,
      graceMs: 48 * HOUR,
    });
    expect(plan.resumed).toEqual([]);
    expect(plan.uploads.find((upload) => upload.path === 'logo.svg')?.reason).toBe('new');
  });
});

describe('files that leave the site', () => {
  const previous = {
    ...SITE,
    'old-article/index.html': entry('old-article/index.html'),
    '_astro/old.B1.css': entry('_astro/old.B1.css'),
    'pagefind/fragment/en_old.pf_fragment': entry('pagefind/fragment/en_old.pf_fragment'),
    'pagefind/index/en_old.pf_index': entry('pagefind/index/en_old.pf_index'),
  };
  const remote = manifest(previous);
  const listing = listingOf(remote);

  it('removes documents with the deploy that drops them, and keeps hashed assets for the grace period', () => {
    const plan = planDeploy({ local: SITE, remote, listing, now: NOW, graceMs: 48 * HOUR });
    expect(plan.removals.map((removal) => [removal.path, removal.document, removal.since])).toEqual([
      ['old-article/index.html', true, NOW.toISOString()],
      ['pagefind/fragment/en_old.pf_fragment', true, NOW.toISOString()],
    ]);
    expect(plan.leaving).toEqual(['_astro/old.B1.css', 'pagefind/index/en_old.pf_index']);
    expect(plan.manifest.stale['_astro/old.B1.css']).toEqual({ ...remote.files['_astro/old.B1.css'], since: NOW.toISOString() });
    expect(Object.keys(plan.manifest.stale)).not.toContain('old-article/index.html');
    expect(plan.manifest.files).toEqual(Object.fromEntries(Object.keys(SITE).map((path) => [path, remote.files[path]])));
  });

  it('removes a document an older deploy kept as stale at once, whatever the grace period', () => {
    const since = new Date(NOW.getTime() - HOUR).toISOString();
    const old = manifest(SITE, { 'old-article/index.html': { ...entry('old-article/index.html'), since } });
    const plan = planDeploy({ local: SITE, remote: old, listing: new Map(listing), now: NOW, graceMs: 48 * HOUR });
    expect(plan.removals).toEqual([{ path: 'old-article/index.html', since, entry: entry('old-article/index.html'), document: true }]);
  });

  it('removes stale assets once older than the grace period, not before, keeping the date they left', () => {
    const since = new Date(NOW.getTime() - 48 * HOUR).toISOString();
    const stale = { '_astro/old.B1.css': { ...previous['_astro/old.B1.css']!, since } };
    const withStale = manifest(SITE, stale);
    const within = planDeploy({ local: SITE, remote: withStale, listing, now: new Date(NOW.getTime() - 1), graceMs: 48 * HOUR });
    expect(within.removals).toEqual([]);
    expect(within.keptStale).toEqual(['_astro/old.B1.css']);
    expect(within.manifest.stale).toEqual(stale);
    const after = planDeploy({ local: SITE, remote: withStale, listing, now: NOW, graceMs: 48 * HOUR });
    expect(after.removals).toEqual([{ path: '_astro/old.B1.css', since, entry: previous['_astro/old.B1.css'], document: false }]);
    expect(after.manifest.stale).toEqual({});
  });

  it('un-stales a file that comes back, uploading it only if the store lost it', () => {
    const since = '2026-11-27T00:00:00.000Z';
    const withStale = manifest(SITE, { '_astro/old.B1.css': { ...recorded('_astro/old.B1.css'), since } });
    const local = { ...SITE, '_astro/old.B1.css': previous['_astro/old.B1.css']! };
    const kept = planDeploy({ local, remote: withStale, listing: listingOf(withStale), now: NOW, graceMs: 48 * HOUR });
    expect(kept.revived).toEqual(['_astro/old.B1.css']);
    expect(kept.uploads).toEqual([]);
    expect(kept.manifest.stale).toEqual({});
    expect(kept.manifest.files['_astro/old.B1.css']).toEqual(recorded('_astro/old.B1.css'));
    const lost = listingOf(withStale);
    lost.delete('_astro/old.B1.css');
    const restored = planDeploy({ local, remote: withStale, listing: lost, now: NOW, graceMs: 48 * HOUR });
    expect(restored.uploads.map((upload) => [upload.path, upload.reason])).toEqual([['_astro/old.B1.css', 'revived']]);
  });

  it('removes documents an interrupted deploy left outside any manifest, keeps its assets as stale, and leaves foreign objects alone', () => {
    const extra = new Map(listing)
      .set('_astro/half.Q9.css', { size: 5, etag: '"a"' })
      .set('pulled-article/index.html', { size: 7, etag: '"b"' })
      .set('uploaded-by-hand.pdf', { size: 9, etag: '"c"' });
    expect(objectsToVerify(previous, remote, extra)).toEqual(['_astro/half.Q9.css', 'pulled-article/index.html', 'uploaded-by-hand.pdf']);
    const verified = new Map<string, VerifiedObject>([
      ['_astro/half.Q9.css', head(entry('_astro/half.Q9.css'))],
      ['pulled-article/index.html', head(entry('pulled-article/index.html'))],
      ['uploaded-by-hand.pdf', { size: 9, contentType: 'application/pdf' }],
    ]);
    const plan = planDeploy({ local: previous, remote, listing: extra, verified, now: NOW, graceMs: 48 * HOUR });
    expect(plan.adopted).toEqual(['_astro/half.Q9.css']);
    expect(plan.manifest.stale['_astro/half.Q9.css']?.since).toBe(NOW.toISOString());
    expect(plan.removals.map((removal) => [removal.path, removal.document])).toEqual([['pulled-article/index.html', true]]);
    expect(plan.foreign).toEqual(['uploaded-by-hand.pdf']);
  });

  it('forgets a file that left the site when the store no longer has it', () => {
    const gone = new Map(listing);
    gone.delete('old-article/index.html');
    gone.delete('_astro/old.B1.css');
    const plan = planDeploy({ local: SITE, remote, listing: gone, now: NOW, graceMs: 48 * HOUR });
    expect(plan.leaving).toEqual(['pagefind/index/en_old.pf_index']);
    expect(plan.removals.map((removal) => removal.path)).toEqual(['pagefind/fragment/en_old.pf_fragment']);
  });
});
