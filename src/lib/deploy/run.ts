/**
 * Deploys a built site to an object store, so that at every moment the live
 * site is whole: new hashed assets and other files first, each read back and
 * its sha256 checked; pages only once all of them are stored; the manifest,
 * which makes the deploy the current one, last. Files that left the site are
 * deleted on a later deploy, once the grace period has passed, because
 * browsers and CDNs keep serving cached pages that still refer to them.
 */
import { readFileSync } from 'node:fs';
import { checkBuildDirectory, checkPolicies } from './checks.ts';
import {
  defaultPolicy,
  emptyManifest,
  parseManifest,
  scanSite,
  serializeManifest,
  sha256,
  type FileEntry,
  type HeaderPolicy,
  type Manifest,
} from './manifest.ts';
import { PHASES, planDeploy, type DeployPlan, type Phase, type PlannedUpload, type UploadReason } from './plan.ts';
import { runPool } from './pool.ts';
import { describeError } from './retry.ts';
import { HASH_METADATA, type ObjectStore } from './store.ts';
import { MANIFEST_PATH, describeTarget, objectKey, sitePathOf, type DeployTarget } from './target.ts';

/** The manifest is for the deploy command; no cache may hold an old one. */
export const MANIFEST_CACHE_CONTROL = 'no-store';

export type DeployEvent =
  | { type: 'scanned'; dir: string; files: number; bytes: number; target: string; dryRun: boolean }
  | { type: 'remote'; files: number; stale: number; deployedAt?: string; foreign: number }
  | { type: 'plan'; plan: DeployPlan }
  | { type: 'phase'; phase: Phase; files: number }
  | { type: 'uploaded'; path: string; phase: Phase; reason: UploadReason; bytes: number; done: number; total: number }
  | { type: 'verified'; files: number }
  | { type: 'manifest'; key: string }
  | { type: 'removed'; paths: string[] }
  | { type: 'warning'; message: string };

export interface DeployOptions {
  dir: string;
  target: DeployTarget;
  store: ObjectStore;
  dryRun?: boolean;
  /** How long a file that left the site stays in the store. */
  graceHours?: number;
  concurrency?: number;
  /** The deploy's clock; injectable so tests can step past the grace period. */
  now?: () => Date;
  policy?: HeaderPolicy;
  onEvent?: (event: DeployEvent) => void;
}

export interface DeployResult {
  dryRun: boolean;
  plan: DeployPlan;
  uploaded: number;
  unchanged: number;
  removed: number;
  bytes: number;
  seconds: number;
}

/** A deploy that stopped. `siteChanged` says whether any page of the new build may be live. */
export class DeployError extends Error {
  readonly siteChanged: boolean;
  constructor(message: string, siteChanged = false) {
    super(message);
    this.name = 'DeployError';
    this.siteChanged = siteChanged;
  }
}

interface Remote {
  manifest: Manifest;
  listing: Map<string, number>;
  orphans: Record<string, FileEntry>;
  foreign: number;
}

async function readRemote(options: DeployOptions, local: Record<string, FileEntry>, concurrency: number): Promise<Remote> {
  const { store, target } = options;
  const manifestKey = objectKey(target, MANIFEST_PATH);
  const stored = await store.get(manifestKey);
  let manifest = emptyManifest();
  if (stored) {
    try {
      manifest = parseManifest(new TextDecoder().decode(stored.body));
    } catch (error) {
      throw new DeployError(
        `the remote manifest s3://${target.bucket}/${manifestKey} is unreadable (${(error as Error).message}); ` +
          'refusing to deploy over a site whose files cannot be accounted for',
      );
    }
  }
  const listing = new Map<string, number>();
  for (const object of await store.list(target.prefix === '' ? '' : `${target.prefix}/`)) {
    const sitePath = sitePathOf(target, object.key);
    if (sitePath === undefined || sitePath === '' || sitePath === MANIFEST_PATH) continue;
    listing.set(sitePath, object.size);
  }
  // Objects no manifest mentions: an interrupted deploy's (they carry our
  // hash) become stale like any file that left the site; anything else
  // under the prefix is not ours to delete.
  const unknown = [...listing.keys()].filter((p) => !local[p] && !manifest.files[p] && !manifest.stale[p]);
  const orphans: Record<string, FileEntry> = {};
  let foreign = 0;
  await runPool(unknown, concurrency, async (sitePath) => {
    const head = await store.head(objectKey(target, sitePath));
    const hash = head?.metadata[HASH_METADATA];
    if (head && hash && /^[0-9a-f]{64}$/.test(hash)) {
      orphans[sitePath] = { sha256: hash, size: head.size, ...(options.policy ?? defaultPolicy)(sitePath) };
    } else if (head) foreign++;
  });
  return { manifest, listing, orphans, foreign };
}

function sameHeader(stored: string | undefined, expected: string): boolean {
  return (stored ?? '').trim().toLowerCase() === expected.trim().toLowerCase();
}

async function uploadAndVerify(options: DeployOptions, upload: PlannedUpload, absolutePath: string): Promise<void> {
  const { store, target } = options;
  const key = objectKey(target, upload.path);
  const bytes = readFileSync(absolutePath);
  if (sha256(bytes) !== upload.entry.sha256) {
    throw new DeployError(`${upload.path} changed on disk during the deploy; rebuild, then deploy again`);
  }
  await store.put(key, bytes, {
    contentType: upload.entry.contentType,
    cacheControl: upload.entry.cacheControl,
    metadata: { [HASH_METADATA]: upload.entry.sha256 },
  });
  const stored = await store.get(key);
  if (!stored) throw new DeployError(`${upload.path} was uploaded but reading it back found no object at ${key}`);
  const storedHash = sha256(stored.body);
  if (storedHash !== upload.entry.sha256) {
    throw new DeployError(
      `${upload.path} was stored corrupted: reading it back gave ${stored.body.length} bytes with sha256 ${storedHash.slice(0, 12)}…, ` +
        `expected ${upload.entry.size} bytes with sha256 ${upload.entry.sha256.slice(0, 12)}…`,
    );
  }
  if (!sameHeader(stored.contentType, upload.entry.contentType) || !sameHeader(stored.cacheControl, upload.entry.cacheControl)) {
    throw new DeployError(
      `${upload.path} was stored with Content-Type "${stored.contentType ?? ''}" and Cache-Control "${stored.cacheControl ?? ''}", ` +
        `expected "${upload.entry.contentType}" and "${upload.entry.cacheControl}"`,
    );
  }
}

/** How far a deploy got before it stopped: what the live site may hold. */
type Stage = 'assets' | 'pages' | 'manifest';

const STAGE_STATE: Record<Stage, string> = {
  assets: 'No page or feed was switched: the live site is still the previous deploy, whole, and its manifest is unchanged.',
  pages:
    'Some pages of the new build may be live; the manifest still describes the previous deploy, so the next deploy uploads every changed file again.',
  manifest: 'Every file of the new build is live; the manifest may or may not be the new one. Deploy again to settle it.',
};

function failureMessage(error: unknown, stage: Stage): DeployError {
  const reason = error instanceof DeployError ? error.message : describeError(error);
  return new DeployError(`${reason}\n${STAGE_STATE[stage]}`, stage !== 'assets');
}

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const started = performance.now();
  const emit = options.onEvent ?? (() => {});
  const now = options.now ?? (() => new Date());
  const concurrency = options.concurrency ?? 8;
  const graceMs = (options.graceHours ?? 48) * 3_600_000;
  const dryRun = options.dryRun ?? false;

  const problems = checkBuildDirectory(options.dir);
  if (problems.length > 0) throw new DeployError(problems.join('\n'));
  let site;
  try {
    site = scanSite(options.dir, options.policy ?? defaultPolicy);
  } catch (error) {
    throw new DeployError((error as Error).message);
  }
  const policyProblems = checkPolicies(site.files);
  if (policyProblems.length > 0) {
    throw new DeployError(`refusing to deploy; nothing was uploaded:\n${policyProblems.map((p) => `  ${p}`).join('\n')}`);
  }
  const entries = Object.values(site.files);
  emit({
    type: 'scanned',
    dir: options.dir,
    files: entries.length,
    bytes: entries.reduce((sum, entry) => sum + entry.size, 0),
    target: describeTarget(options.target),
    dryRun,
  });

  let remote: Remote;
  try {
    remote = await readRemote(options, site.files, concurrency);
  } catch (error) {
    if (error instanceof DeployError) throw error;
    const hint =
      error instanceof Error && error.name === 'CredentialsProviderError'
        ? ' (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, in the environment)'
        : '';
    throw new DeployError(`could not read the current site: ${describeError(error)}${hint}\nNothing was changed.`);
  }
  emit({
    type: 'remote',
    files: Object.keys(remote.manifest.files).length,
    stale: Object.keys(remote.manifest.stale).length,
    deployedAt: remote.manifest.deployedAt,
    foreign: remote.foreign,
  });

  const plan = planDeploy({
    local: site.files,
    remote: remote.manifest,
    listing: remote.listing,
    orphans: remote.orphans,
    now: now(),
    graceMs,
  });
  emit({ type: 'plan', plan });
  const result = (removed: number): DeployResult => ({
    dryRun,
    plan,
    uploaded: dryRun ? 0 : plan.uploads.length,
    unchanged: plan.unchanged.length,
    removed,
    bytes: dryRun ? 0 : plan.bytes,
    seconds: (performance.now() - started) / 1000,
  });
  if (dryRun) return result(0);

  let stage: Stage = 'assets';
  let done = 0;
  try {
    for (const phase of PHASES) {
      const uploads = plan.uploads.filter((upload) => upload.phase === phase);
      if (uploads.length === 0) continue;
      if ((phase === 'pages' || phase === 'indexes') && stage === 'assets') {
        emit({ type: 'verified', files: done });
        stage = 'pages';
      }
      emit({ type: 'phase', phase, files: uploads.length });
      await runPool(uploads, concurrency, async (upload) => {
        await uploadAndVerify(options, upload, site.absolute[upload.path] as string);
        done++;
        emit({
          type: 'uploaded',
          path: upload.path,
          phase,
          reason: upload.reason,
          bytes: upload.entry.size,
          done,
          total: plan.uploads.length,
        });
      });
    }

    const manifestKey = objectKey(options.target, MANIFEST_PATH);
    const text = new TextEncoder().encode(serializeManifest(plan.manifest));
    stage = 'manifest';
    await options.store.put(manifestKey, text, {
      contentType: 'application/json',
      cacheControl: MANIFEST_CACHE_CONTROL,
      metadata: { [HASH_METADATA]: sha256(text) },
    });
    const readBack = await options.store.get(manifestKey);
    if (!readBack || sha256(readBack.body) !== sha256(text)) {
      throw new DeployError(`the manifest at ${manifestKey} did not read back as written`);
    }
    emit({ type: 'manifest', key: manifestKey });
  } catch (error) {
    throw failureMessage(error, stage);
  }

  // The new site is complete and recorded; removing expired files is
  // housekeeping. Should it fail, they are no longer in the manifest, so the
  // next deploy finds them in the listing and schedules them again.
  let removed = 0;
  if (plan.removals.length > 0) {
    try {
      await options.store.delete(plan.removals.map((removal) => objectKey(options.target, removal.path)));
      removed = plan.removals.length;
      emit({ type: 'removed', paths: plan.removals.map((removal) => removal.path) });
    } catch (error) {
      emit({
        type: 'warning',
        message: `the site is deployed, but removing ${plan.removals.length} expired files failed (${describeError(error)}); the next deploy retries`,
      });
    }
  }
  return result(removed);
}
