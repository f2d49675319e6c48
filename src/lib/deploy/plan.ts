/**
 * What a deploy will do, decided from the local build, the remote manifest
 * and the store's listing, without touching anything.
 */
import { sameEntry, type FileEntry, type Manifest, type StaleEntry } from './manifest.ts';

/**
 * Upload phases, in order. Hashed assets go first: nothing live refers to
 * them yet. Then the other files pages refer to (logo, Pagefind's entry
 * files). Pages next, once everything they refer to is stored and verified;
 * feeds and sitemaps last, since they send readers and crawlers to pages.
 */
export const PHASES = ['assets', 'files', 'pages', 'indexes'] as const;
export type Phase = (typeof PHASES)[number];

export type UploadReason = 'new' | 'changed' | 'headers' | 'missing' | 'revived';

export interface PlannedUpload {
  path: string;
  entry: FileEntry;
  phase: Phase;
  reason: UploadReason;
}

export interface PlannedRemoval {
  path: string;
  /** When the file left the site. */
  since: string;
}

export interface DeployPlan {
  /** In upload order: by phase, and within pages new ones first and the home page last. */
  uploads: PlannedUpload[];
  unchanged: string[];
  /** Files that leave the site with this deploy; kept for the grace period. */
  leaving: string[];
  /** Stale files a previous deploy recorded, still within the grace period. */
  keptStale: string[];
  /** Stale files past the grace period, deleted after the new manifest is written. */
  removals: PlannedRemoval[];
  /** Stale files that are part of the site again. */
  revived: string[];
  /** Objects under the prefix that no manifest listed but an earlier deploy wrote, adopted as stale. */
  adopted: string[];
  /** The manifest to write once every upload is stored and verified. */
  manifest: Manifest;
  bytes: number;
}

export interface PlanInput {
  local: Record<string, FileEntry>;
  remote: Manifest;
  /** Size of every object under the prefix by site path (manifest excluded); undefined to trust the manifest. */
  listing?: ReadonlyMap<string, number>;
  /** Unlisted objects that carry a Broadsheet hash: left behind by an interrupted deploy. */
  orphans?: Record<string, FileEntry>;
  now: Date;
  graceMs: number;
}

export function phaseOf(sitePath: string, entry: FileEntry): Phase {
  if (/\bimmutable\b/.test(entry.cacheControl)) return 'assets';
  if (/\.html?$/i.test(sitePath)) return 'pages';
  if (/\.xml$/i.test(sitePath)) return 'indexes';
  return 'files';
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** New pages before changed ones (lists then link to pages that exist), the home page last. */
function uploadRank(upload: PlannedUpload): number {
  if (upload.phase !== 'pages') return 0;
  if (upload.path === 'index.html') return 2;
  return upload.reason === 'new' ? 0 : 1;
}

function compareUploads(a: PlannedUpload, b: PlannedUpload): number {
  return PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || uploadRank(a) - uploadRank(b) || compareStrings(a.path, b.path);
}

export function planDeploy(input: PlanInput): DeployPlan {
  const { local, remote, listing, now, graceMs } = input;
  const uploads: PlannedUpload[] = [];
  const unchanged: string[] = [];
  const revived: string[] = [];
  const stored = (sitePath: string, entry: FileEntry) => listing === undefined || listing.get(sitePath) === entry.size;

  for (const [sitePath, entry] of Object.entries(local)) {
    const published = remote.files[sitePath];
    const stale = remote.stale[sitePath];
    const previous = published ?? stale;
    if (stale && !published) revived.push(sitePath);
    let reason: UploadReason | undefined;
    if (!previous) reason = 'new';
    else if (previous.sha256 !== entry.sha256 || previous.size !== entry.size) reason = 'changed';
    else if (!sameEntry(previous, entry)) reason = 'headers';
    else if (!stored(sitePath, entry)) reason = published ? 'missing' : 'revived';
    if (reason) uploads.push({ path: sitePath, entry, phase: phaseOf(sitePath, entry), reason });
    else unchanged.push(sitePath);
  }
  uploads.sort(compareUploads);

  const nowIso = now.toISOString();
  const stale: Record<string, StaleEntry> = {};
  const leaving: string[] = [];
  const keptStale: string[] = [];
  const removals: PlannedRemoval[] = [];
  const adopted: string[] = [];
  for (const [sitePath, entry] of Object.entries(remote.stale)) {
    if (local[sitePath] || remote.files[sitePath]) continue;
    if (now.getTime() - Date.parse(entry.since) >= graceMs) removals.push({ path: sitePath, since: entry.since });
    else {
      stale[sitePath] = entry;
      keptStale.push(sitePath);
    }
  }
  for (const [sitePath, entry] of Object.entries(remote.files)) {
    if (local[sitePath]) continue;
    // A file deleted from the store by hand has nothing left to keep.
    if (listing !== undefined && !listing.has(sitePath)) continue;
    stale[sitePath] = { ...entry, since: nowIso };
    leaving.push(sitePath);
  }
  for (const [sitePath, entry] of Object.entries(input.orphans ?? {})) {
    if (local[sitePath] || remote.files[sitePath] || remote.stale[sitePath]) continue;
    stale[sitePath] = { ...entry, since: nowIso };
    adopted.push(sitePath);
  }

  return {
    uploads,
    unchanged,
    leaving: leaving.sort(compareStrings),
    keptStale: keptStale.sort(compareStrings),
    removals: removals.sort((a, b) => compareStrings(a.path, b.path)),
    revived: revived.sort(compareStrings),
    adopted: adopted.sort(compareStrings),
    manifest: { version: 1, deployedAt: nowIso, files: { ...local }, stale },
    bytes: uploads.reduce((sum, upload) => sum + upload.entry.size, 0),
  };
}
