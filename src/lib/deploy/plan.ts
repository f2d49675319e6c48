/**
 * What a deploy will do, decided from the local build, the remote manifest,
 * the store's listing and what HEAD said about the objects the listing alone
 * cannot vouch for, without touching anything.
 */
import { defaultPolicy, sameEntry, type FileEntry, type HeaderPolicy, type Manifest, type StaleEntry } from './manifest.ts';

/**
 * Upload phases, in order; each is stored and verified before the next
 * starts, so nothing live links to what is not live yet:
 * - assets: content-hashed files (`/_astro/`, Pagefind's index chunks,
 *   filters, metadata and fragments, archive shards included). Nothing live
 *   refers to the new ones yet.
 * - files: other files pages load by a fixed name (logo, Pagefind's runtime).
 * - articles: article pages.
 * - lists: every other page (home, sections, Latest and its rail, authors,
 *   tags, archives, search, former slugs, site pages such as /about/) and the
 *   feeds, which link to articles.
 * - indexes: the sitemap parts and the Google News sitemap, which list articles.
 * - entries: where crawlers and search start: `sitemap.xml` (the sitemap
 *   index, naming the parts), `robots.txt` and every `pagefind-entry.json`
 *   (naming the index chunks and fragments a search reads).
 */
export const PHASES = ['assets', 'files', 'articles', 'lists', 'indexes', 'entries'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Why a file is uploaded. `replaced`: the manifest says it is stored, but the
 * store holds other bytes or headers there (overwritten by hand, or by a
 * deploy that was interrupted or lost a race).
 */
export type UploadReason = 'new' | 'changed' | 'headers' | 'missing' | 'revived' | 'replaced';

export interface PlannedUpload {
  path: string;
  entry: FileEntry;
  phase: Phase;
  /**
   * Within a phase, new files go first, then changed ones, and the home page
   * last: a changed article's related stories, or a changed list, may link
   * to a new page of the same phase. Each wave is stored before the next.
   */
  wave: number;
  reason: UploadReason;
}

export interface PlannedRemoval {
  path: string;
  /** When the file left the site; kept if its deletion fails, so its grace period is not restarted. */
  since: string;
  entry: FileEntry;
  /** A document (page, feed, sitemap, search record): it leaves with the deploy that drops it. */
  document: boolean;
}

/** One object as the store's listing shows it. */
export interface RemoteObject {
  size: number;
  etag?: string;
}

/** What HEAD said about an object: its recorded sha256 (our metadata) and headers. */
export interface VerifiedObject {
  size: number;
  sha256?: string;
  contentType?: string;
  cacheControl?: string;
  etag?: string;
}

export interface DeployPlan {
  /** In upload order: by phase, then wave, then path. */
  uploads: PlannedUpload[];
  unchanged: string[];
  /** Files found stored as built (sha256 and headers) though the manifest records no such version: an interrupted deploy's work, kept. */
  resumed: string[];
  /** Hashed assets that leave the site with this deploy; kept for the grace period. */
  leaving: string[];
  /** Stale assets a previous deploy recorded, still within the grace period. */
  keptStale: string[];
  /** Deleted once the new manifest is written: documents that left the site, and stale assets past the grace period. */
  removals: PlannedRemoval[];
  /** Stale files that are part of the site again. */
  revived: string[];
  /** Hashed assets under the prefix that no manifest listed but an earlier deploy wrote, kept as stale. */
  adopted: string[];
  /** Objects under the prefix that carry no Broadsheet hash: not ours, left alone. */
  foreign: string[];
  /** Documents already live whose content or headers this deploy changes: what a CDN must stop serving from cache. */
  refreshed: string[];
  /** The manifest to write once every upload is stored and verified (removals not included). */
  manifest: Manifest;
  bytes: number;
}

export interface PlanInput {
  local: Record<string, FileEntry>;
  /** The article pages of the local build (see isArticlePage). */
  articles?: ReadonlySet<string>;
  remote: Manifest;
  /** Every object under the prefix by site path (manifest excluded); undefined to trust the manifest. */
  listing?: ReadonlyMap<string, RemoteObject>;
  /** HEAD of each object `objectsToVerify` named. */
  verified?: ReadonlyMap<string, VerifiedObject>;
  /** Headers of objects an interrupted deploy left, by path; the default policy unless given. */
  policy?: HeaderPolicy;
  now: Date;
  graceMs: number;
}

const SHARD = String.raw`^pagefind/(?:archive/[^/]+/)?`;
/** Every index shard's entry file, the primary's and each archive year's, and the list of shards the search page merges. */
const SEARCH_ENTRY = new RegExp(`${SHARD}pagefind-entry\\.json$|^pagefind/shards\\.json$`);
/** Pagefind's fragments: one page's URL, title and text each. */
const SEARCH_RECORD = new RegExp(`${SHARD}fragment/`);
/** Pagefind's content-hashed files, named whatever cache rules say about archive shards. */
const SEARCH_HASHED = new RegExp(`${SHARD}(?:(?:fragment|index|filter)/|[^/]+\\.pf_meta$)`);
const SITEMAP_INDEX = /^sitemap(?:[-_]index)?\.xml$/i;
const SITEMAP = /(?:^|\/)[^/]*sitemap[^/]*\.xml$|^sitemaps\/.+\.xml$/i;
const FEED_TYPE = /^application\/(?:rss|atom)\+xml\b/i;

function isHtml(sitePath: string, entry: FileEntry): boolean {
  return /\.html?$/i.test(sitePath) || entry.contentType.toLowerCase().startsWith('text/html');
}

/** A file whose name carries a hash of its content: a new version always has a new name. */
export function isHashedAsset(sitePath: string, entry: FileEntry): boolean {
  return /\bimmutable\b/i.test(entry.cacheControl) || SEARCH_HASHED.test(sitePath);
}

/**
 * Whether a file leaves the site with the deploy that drops it. Everything
 * but hashed assets does: an unpublished article must not stay at its
 * address, nor its text in a search fragment. Hashed assets stay for the
 * grace period, because pages still cached by readers refer to them.
 */
export function isDocument(sitePath: string, entry: FileEntry): boolean {
  return !isHashedAsset(sitePath, entry) || SEARCH_RECORD.test(sitePath);
}

export function phaseOf(sitePath: string, entry: FileEntry, article = false): Phase {
  if (SEARCH_ENTRY.test(sitePath) || SITEMAP_INDEX.test(sitePath) || sitePath === 'robots.txt') return 'entries';
  if (isHashedAsset(sitePath, entry)) return 'assets';
  if (isHtml(sitePath, entry)) return article ? 'articles' : 'lists';
  if (FEED_TYPE.test(entry.contentType)) return 'lists';
  if (SITEMAP.test(sitePath)) return 'indexes';
  return 'files';
}

function waveOf(path: string, phase: Phase, reason: UploadReason): number {
  if (phase === 'lists' && path === 'index.html') return 2;
  return reason === 'new' ? 0 : 1;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareUploads(a: PlannedUpload, b: PlannedUpload): number {
  return PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || a.wave - b.wave || compareStrings(a.path, b.path);
}

/** The uploads of a plan as consecutive steps of one phase and wave each, in order. */
export function uploadSteps(uploads: readonly PlannedUpload[]): PlannedUpload[][] {
  const steps: PlannedUpload[][] = [];
  for (const upload of uploads) {
    const last = steps.at(-1);
    if (last && last[0]!.phase === upload.phase && last[0]!.wave === upload.wave) last.push(upload);
    else steps.push([upload]);
  }
  return steps;
}

function sameHeader(stored: string | undefined, expected: string): boolean {
  return (stored ?? '').trim().toLowerCase() === expected.trim().toLowerCase();
}

/** Whether an object HEAD described is this file, byte for byte (by its recorded sha256) and header for header. */
export function matchesEntry(object: VerifiedObject | undefined, entry: FileEntry): boolean {
  return (
    object !== undefined &&
    object.sha256 === entry.sha256 &&
    object.size === entry.size &&
    sameHeader(object.contentType, entry.contentType) &&
    sameHeader(object.cacheControl, entry.cacheControl)
  );
}

/**
 * The listed objects whose listing alone cannot say whether they are what
 * the plan needs, so the deploy HEADs them for their recorded sha256: objects
 * no manifest mentions (left by an interrupted deploy, or not ours at all),
 * and files of the build whose ETag is not the one the manifest recorded.
 * An object of the wrong size needs no HEAD: it is uploaded anyway.
 */
export function objectsToVerify(local: Record<string, FileEntry>, remote: Manifest, listing: ReadonlyMap<string, RemoteObject>): string[] {
  const paths: string[] = [];
  for (const [sitePath, object] of listing) {
    const entry = local[sitePath];
    const previous = remote.files[sitePath] ?? remote.stale[sitePath];
    if (!entry) {
      if (!previous) paths.push(sitePath);
      continue;
    }
    if (object.size !== entry.size) continue;
    if (previous?.etag !== undefined && previous.etag === object.etag) continue;
    paths.push(sitePath);
  }
  return paths.sort(compareStrings);
}

export function planDeploy(input: PlanInput): DeployPlan {
  const { local, remote, listing, verified, now, graceMs } = input;
  const articles = input.articles ?? new Set<string>();
  const uploads: PlannedUpload[] = [];
  const unchanged: string[] = [];
  const resumed: string[] = [];
  const revived: string[] = [];
  const files: Record<string, FileEntry> = {};

  /** The ETag of the stored copy when the store already holds this file as built; undefined when it must be uploaded. */
  const storedCopy = (sitePath: string, entry: FileEntry, previous: FileEntry | undefined): { etag?: string } | undefined => {
    if (listing === undefined) return previous && sameEntry(previous, entry) ? { etag: previous.etag } : undefined;
    const object = listing.get(sitePath);
    if (!object || object.size !== entry.size) return undefined;
    if (previous?.etag !== undefined && previous.etag === object.etag) return sameEntry(previous, entry) ? { etag: object.etag } : undefined;
    const head = verified?.get(sitePath);
    return matchesEntry(head, entry) ? { etag: head?.etag ?? object.etag } : undefined;
  };

  for (const [sitePath, entry] of Object.entries(local)) {
    const published = remote.files[sitePath];
    const stale = remote.stale[sitePath];
    const previous: FileEntry | undefined = published ?? stale;
    if (stale && !published) revived.push(sitePath);
    const stored = storedCopy(sitePath, entry, previous);
    if (stored) {
      unchanged.push(sitePath);
      // Stored as built though no manifest recorded it so: an interrupted deploy's work.
      if (!previous || !sameEntry(previous, entry)) resumed.push(sitePath);
      files[sitePath] = stored.etag === undefined ? { ...entry } : { ...entry, etag: stored.etag };
      continue;
    }
    let reason: UploadReason;
    if (!previous) reason = 'new';
    else if (previous.sha256 !== entry.sha256 || previous.size !== entry.size) reason = 'changed';
    else if (!sameEntry(previous, entry)) reason = 'headers';
    else if (listing !== undefined && !listing.has(sitePath)) reason = published ? 'missing' : 'revived';
    else reason = 'replaced';
    const phase = phaseOf(sitePath, entry, articles.has(sitePath));
    uploads.push({ path: sitePath, entry, phase, wave: waveOf(sitePath, phase, reason), reason });
    files[sitePath] = { ...entry };
  }
  uploads.sort(compareUploads);

  const nowIso = now.toISOString();
  const stale: Record<string, StaleEntry> = {};
  const leaving: string[] = [];
  const keptStale: string[] = [];
  const removals: PlannedRemoval[] = [];
  const adopted: string[] = [];
  const foreign: string[] = [];
  // A file deleted from the store by other means has nothing left to keep or remove.
  const gone = (sitePath: string) => listing !== undefined && !listing.has(sitePath);

  for (const [sitePath, { since, ...entry }] of Object.entries(remote.stale)) {
    if (local[sitePath] || remote.files[sitePath] || gone(sitePath)) continue;
    const document = isDocument(sitePath, entry);
    if (document || now.getTime() - Date.parse(since) >= graceMs) removals.push({ path: sitePath, since, entry, document });
    else {
      stale[sitePath] = { ...entry, since };
      keptStale.push(sitePath);
    }
  }
  for (const [sitePath, entry] of Object.entries(remote.files)) {
    if (local[sitePath] || gone(sitePath)) continue;
    if (isDocument(sitePath, entry)) removals.push({ path: sitePath, since: nowIso, entry, document: true });
    else {
      stale[sitePath] = { ...entry, since: nowIso };
      leaving.push(sitePath);
    }
  }
  // Objects no manifest mentions that carry our hash were written by a
  // deploy that stopped before its manifest: documents among them leave now,
  // assets age out like any other stale file. The rest is not ours to touch.
  const policy = input.policy ?? defaultPolicy;
  for (const [sitePath, object] of verified ?? []) {
    if (local[sitePath] || remote.files[sitePath] || remote.stale[sitePath]) continue;
    if (object.sha256 === undefined || !/^[0-9a-f]{64}$/.test(object.sha256)) {
      foreign.push(sitePath);
      continue;
    }
    const entry: FileEntry = { sha256: object.sha256, size: object.size, ...policy(sitePath) };
    if (isDocument(sitePath, entry)) removals.push({ path: sitePath, since: nowIso, entry, document: true });
    else {
      stale[sitePath] = { ...entry, since: nowIso };
      adopted.push(sitePath);
    }
  }

  const refreshed = uploads
    .filter((upload) => upload.reason !== 'new' && isDocument(upload.path, upload.entry))
    .map((upload) => upload.path)
    .sort(compareStrings);

  return {
    uploads,
    unchanged,
    resumed: resumed.sort(compareStrings),
    leaving: leaving.sort(compareStrings),
    keptStale: keptStale.sort(compareStrings),
    removals: removals.sort((a, b) => compareStrings(a.path, b.path)),
    revived: revived.sort(compareStrings),
    adopted: adopted.sort(compareStrings),
    foreign: foreign.sort(compareStrings),
    refreshed,
    manifest: { version: 1, deployedAt: nowIso, files, stale },
    bytes: uploads.reduce((sum, upload) => sum + upload.entry.size, 0),
  };
}
