/**
 * The deploy manifest: every published file with its hash and headers, and
 * every file that has left the site but is kept for a while (stale), so that
 * pages still cached by browsers and CDNs keep finding their old assets.
 * Stored beside the site at `<prefix>/.broadsheet/manifest.json`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { cacheControlFor, contentTypeFor } from '../distribution/http-headers.ts';

export interface FileEntry {
  sha256: string;
  size: number;
  contentType: string;
  cacheControl: string;
  /**
   * The store's ETag of the object when it was last verified. A listing that
   * shows the same ETag vouches for the object without reading it; any other
   * ETag (someone overwrote it, a deploy was interrupted) sends the deploy to
   * check the object's recorded sha256. Absent in the local build.
   */
  etag?: string;
}

export interface StaleEntry extends FileEntry {
  /** When the file stopped being part of the site (ISO date-time). */
  since: string;
}

export interface Manifest {
  version: 1;
  /** When this manifest was written (ISO date-time); absent for a site never deployed. */
  deployedAt?: string;
  /** The git commit the deployed build came from, when the deploy was told (`--commit`). */
  commit?: string;
  /**
   * The CI run that deployed it (`--run-number`, GitHub's run number, which
   * grows with every run of the workflow): a deploy from an earlier run is
   * refused, so a slow old run cannot put an older site back.
   */
  runNumber?: number;
  /** Site path (`index.html`, `_astro/a.B1c.css`) to entry. */
  files: Record<string, FileEntry>;
  stale: Record<string, StaleEntry>;
}

/** The headers a file is published with, from its site path. */
export type HeaderPolicy = (sitePath: string) => { contentType: string; cacheControl: string };

export const defaultPolicy: HeaderPolicy = (sitePath) => ({
  contentType: contentTypeFor(sitePath),
  cacheControl: cacheControlFor(sitePath),
});

export function emptyManifest(): Manifest {
  return { version: 1, files: {}, stale: {} };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A full git object name: SHA-1 (40 hex digits) or SHA-256 (64). */
export const COMMIT_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

const fileEntrySchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  contentType: z.string().min(1),
  cacheControl: z.string().min(1),
  etag: z.string().min(1).optional(),
});

const manifestSchema = z.object({
  version: z.literal(1),
  deployedAt: z.iso.datetime({ offset: true }).optional(),
  commit: z.string().regex(COMMIT_PATTERN).optional(),
  runNumber: z.number().int().positive().optional(),
  files: z.record(z.string().min(1), fileEntrySchema),
  stale: z.record(z.string().min(1), fileEntrySchema.extend({ since: z.iso.datetime({ offset: true }) })),
});

/** Parses a stored manifest; throws with the first problem so a damaged one is never deployed over blindly. */
export function parseManifest(text: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  const result = manifestSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`not a Broadsheet manifest: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  return result.data;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Stable JSON, paths sorted, so two manifests of one site compare equal as text. */
export function serializeManifest(manifest: Manifest): string {
  const ordered: Manifest = {
    version: 1,
    ...(manifest.deployedAt ? { deployedAt: manifest.deployedAt } : {}),
    ...(manifest.commit ? { commit: manifest.commit } : {}),
    ...(manifest.runNumber !== undefined ? { runNumber: manifest.runNumber } : {}),
    files: sortedRecord(manifest.files),
    stale: sortedRecord(manifest.stale),
  };
  return `${JSON.stringify(ordered, null, 1)}\n`;
}

export interface LocalSite {
  files: Record<string, FileEntry>;
  /** Absolute path of each site file, for reading at upload time. */
  absolute: Record<string, string>;
  /** The HTML pages that are articles (see isArticlePage), which go live before the lists that link to them. */
  articles: Set<string>;
}

const OG_TYPE_ARTICLE = /<meta(?=[^>]*\sproperty\s*=\s*["']?og:type["'\s>])(?=[^>]*\scontent\s*=\s*["']?article["'\s>])[^>]*>/i;

/**
 * Whether an HTML page is an article: it declares `og:type` `article`, as
 * every article page of the build does for social cards, and no list, home,
 * search or redirect page does. Only the head is read.
 */
export function isArticlePage(html: string): boolean {
  const end = html.search(/<\/head\s*>/i);
  return OG_TYPE_ARTICLE.test(end === -1 ? html : html.slice(0, end));
}

/**
 * Hashes every file of a built site. Throws on what a deploy must not
 * publish: symbolic links (they could point outside the build) and anything
 * under `.broadsheet/`, where the manifest lives.
 */
export function scanSite(dir: string, policy: HeaderPolicy = defaultPolicy): LocalSite {
  const files: Record<string, FileEntry> = {};
  const absolute: Record<string, string> = {};
  const articles = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const sitePath = path.relative(dir, full).split(path.sep).join('/');
    if (entry.isSymbolicLink()) throw new Error(`${sitePath} is a symbolic link; the deploy publishes regular files only`);
    if (!entry.isFile()) continue;
    if (sitePath === '.broadsheet' || sitePath.startsWith('.broadsheet/')) {
      throw new Error(`${sitePath}: .broadsheet/ is reserved for the deploy manifest`);
    }
    const bytes = readFileSync(full);
    files[sitePath] = { sha256: sha256(bytes), size: bytes.length, ...policy(sitePath) };
    absolute[sitePath] = full;
    if (/\.html?$/i.test(sitePath) && isArticlePage(bytes.toString('utf8'))) articles.add(sitePath);
  }
  return { files: sortedRecord(files), absolute, articles };
}

export function sameEntry(a: FileEntry, b: FileEntry): boolean {
  return a.sha256 === b.sha256 && a.size === b.size && a.contentType === b.contentType && a.cacheControl === b.cacheControl;
}
