/**
 * Deploys a built site to an object store, so that at every moment the live
 * site is whole: new hashed assets first, then pages in dependency order
 * (articles before the lists that link to them, sitemaps and search entries
 * last), each file read back and its sha256 checked before the next phase;
 * then the manifest, written only if no other deploy wrote one meanwhile.
 * Documents that left the site are deleted right after; hashed assets that
 * left stay for a grace period, because pages cached by readers still refer
 * to them. Last, a CDN is told which documents changed or went.
 */
import { readFileSync } from 'node:fs';
import { invalidationPaths, type Cdn } from './cdn.ts';
import { checkBuildDirectory, checkBuildPurpose, checkPolicies } from './checks.ts';
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
  type StaleEntry,
} from './manifest.ts';
import {
  objectsToVerify,
  planDeploy,
  uploadSteps,
  type DeployPlan,
  type Phase,
  type PlannedRemoval,
  type PlannedUpload,
  type RemoteObject,
  type UploadReason,
  type VerifiedObject,
} from './plan.ts';
import { runPool } from './pool.ts';
import { describeStop } from './report.ts';
import { describeError } from './retry.ts';
import { ConditionFailed, HASH_METADATA, type ObjectStore } from './store.ts';
import { MANIFEST_PATH, describeTarget, isInPreviewsFolder, isPreviewTarget, objectKey, sitePathOf, type DeployTarget } from './target.ts';

/** The manifest is for the deploy command; no cache may hold an old one. */
export const MANIFEST_CACHE_CONTROL = 'no-store';

export type DeployEvent =
  | { type: 'scanned'; dir: string; files: number; bytes: number; target: string; dryRun: boolean }
  | { type: 'remote'; manifest?: Manifest; listed: number; verifying: number }
  | { type: 'plan'; plan: DeployPlan }
  | { type: 'phase'; phase: Phase; files: number }
  | { type: 'uploaded'; path: string; phase: Phase; reason: UploadReason; bytes: number; done: number; total: number }
  | { type: 'verified'; files: number }
  | { type: 'manifest'; key: string }
  | { type: 'removed'; paths: string[] }
  | { type: 'invalidated'; cdn: string; id: string; paths: string[] }
  | { type: 'warning'; message: string };

export interface DeployOptions {
  dir: string;
  target: DeployTarget;
  store: ObjectStore;
  dryRun?: boolean;
  /** How long a hashed asset that left the site stays in the store. */
  graceHours?: number;
  concurrency?: number;
  /** The git commit the build came from, recorded in the manifest. */
  commit?: string;
  /** The CI run number, recorded in the manifest; a deploy from an earlier run than the live one is refused. */
  runNumber?: number;
  /** Told about changed and removed documents after the manifest is written. */
  cdn?: Cdn;
  /** The deploy's clock; injectable so tests can step past the grace period. */
  now?: () => Date;
  policy?: HeaderPolicy;
  onEvent?: (event: DeployEvent) => void;
}

export interface DeployResult {
  dryRun: boolean;
  plan: DeployPlan;
  /** Set when the live site came from a later run: nothing was changed. */
  superseded?: { runNumber: number; commit?: string; deployedAt?: string };
  uploaded: number;
  unchanged: number;
  removed: number;
  bytes: number;
  seconds: number;
}

/** A deploy that stopped. `siteChanged` says whether anything readers see may have changed. */
export class DeployError extends Error {
  readonly siteChanged: boolean;
  constructor(message: string, siteChanged = false) {
    super(message);
    this.name = 'DeployError';
    this.siteChanged = siteChanged;
  }
}

/** Another deploy wrote the manifest after this one read it; this one's manifest was not written. */
class ManifestConflict extends DeployError {}

interface Remote {
  manifest: Manifest;
  /** The ETag of the manifest read; null when there was none, undefined when the store gave none. */
  etag: string | null | undefined;
  listing: Map<string, RemoteObject>;
  verified: Map<string, VerifiedObject>;
}

function parseRemoteManifest(options: DeployOptions, body: Uint8Array): Manifest {
  try {
    return parseManifest(new TextDecoder().decode(body));
  } catch (error) {
    throw new DeployError(
      `the remote manifest s3://${options.target.bucket}/${objectKey(options.target, MANIFEST_PATH)} is unreadable (${(error as Error).message}); ` +
        'refusing to deploy over a site whose files cannot be accounted for',
    );
  }
}

async function readRemote(
  options: DeployOptions,
  local: Record<string, FileEntry>,
  concurrency: number,
  emit: (event: DeployEvent) => void,
): Promise<Remote> {
  const { store, target } = options;
  const stored = await store.get(objectKey(target, MANIFEST_PATH));
  const manifest = stored ? parseRemoteManifest(options, stored.body) : emptyManifest();
  const listing = new Map<string, RemoteObject>();
  // Pull requests' previews live in the site's previews/ folder, each with a manifest of its own: not the site's to touch.
  const othersFolder = isPreviewTarget(target) ? () => false : isInPreviewsFolder;
  for (const object of await store.list(target.prefix === '' ? '' : `${target.prefix}/`)) {
    const sitePath = sitePathOf(target, object.key);
    if (sitePath === undefined || sitePath === '' || sitePath === MANIFEST_PATH || othersFolder(sitePath)) continue;
    listing.set(sitePath, { size: object.size, ...(object.etag !== undefined ? { etag: object.etag } : {}) });
  }
  const toVerify = objectsToVerify(local, manifest, listing);
  emit({ type: 'remote', ...(stored ? { manifest } : {}), listed: listing.size, verifying: toVerify.length });
  const verified = new Map<string, VerifiedObject>();
  await runPool(toVerify, concurrency, async (sitePath) => {
    const head = await store.head(objectKey(target, sitePath));
    if (!head) return;
    verified.set(sitePath, {
      size: head.size,
      sha256: head.metadata[HASH_METADATA],
      contentType: head.contentType,
      cacheControl: head.cacheControl,
      etag: head.etag,
    });
  });
  return { manifest, etag: stored ? stored.etag : null, listing, verified };
}

function sameHeader(stored: string | undefined, expected: string): boolean {
  return (stored ?? '').trim().toLowerCase() === expected.trim().toLowerCase();
}

/** Uploads one file and reads it back; resolves with the ETag of the verified object. */
async function uploadAndVerify(options: DeployOptions, upload: PlannedUpload, absolutePath: string): Promise<string | undefined> {
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
  return stored.etag;
}

/** Who wrote the manifest this deploy did not expect, for the refusal message. */
async function describeOtherDeploy(options: DeployOptions): Promise<string> {
  const current = await options.store.get(objectKey(options.target, MANIFEST_PATH)).catch(() => undefined);
  if (!current) return 'another deploy removed the manifest';
  try {
    const manifest = parseManifest(new TextDecoder().decode(current.body));
    const source = [manifest.commit ? `commit ${manifest.commit.slice(0, 12)}` : '', manifest.runNumber ? `run #${manifest.runNumber}` : '']
      .filter(Boolean)
      .join(', ');
    return `another deploy${source ? ` (${source})` : ''} wrote the manifest at ${manifest.deployedAt ?? 'an unknown time'}`;
  } catch {
    return 'something else replaced the manifest';
  }
}

/** Stops before a phase that changes what readers see when another deploy has written the manifest since this one read it. */
async function expectManifestUnchanged(options: DeployOptions, remote: Remote): Promise<void> {
  const head = await options.store.head(objectKey(options.target, MANIFEST_PATH));
  const now = head ? head.etag : null;
  if (now === remote.etag) return;
  throw new ManifestConflict(`${await describeOtherDeploy(options)} while this deploy was uploading; two deploys must not mix their files`);
}

/**
 * Writes the manifest only if it is still the one this deploy read
 * (If-Match on its ETag; If-None-Match: * when there was none); resolves with
 * the ETag of the manifest written and read back.
 */
async function writeManifest(options: DeployOptions, manifest: Manifest, expected: string | null | undefined): Promise<string | undefined> {
  const key = objectKey(options.target, MANIFEST_PATH);
  const text = new TextEncoder().encode(serializeManifest(manifest));
  const hash = sha256(text);
  const headers = { contentType: 'application/json', cacheControl: MANIFEST_CACHE_CONTROL, metadata: { [HASH_METADATA]: hash } };
  try {
    await options.store.put(key, text, headers, expected === null ? { ifNoneMatch: '*' } : expected === undefined ? undefined : { ifMatch: expected });
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    // A write retried after its response was lost fails its own condition; the manifest is then ours.
    const current = await options.store.get(key);
    if (!current || sha256(current.body) !== hash) {
      throw new ManifestConflict(`${await describeOtherDeploy(options)} while this deploy was running, so this one did not overwrite it`);
    }
  }
  const readBack = await options.store.get(key);
  if (!readBack || sha256(readBack.body) !== hash) throw new DeployError(`the manifest at ${key} did not read back as written`);
  return readBack.etag;
}

function staleEntries(removals: readonly PlannedRemoval[]): Record<string, StaleEntry> {
  return Object.fromEntries(removals.map((removal) => [removal.path, { ...removal.entry, since: removal.since }]));
}

function listPaths(paths: readonly string[], max = 5): string {
  return paths.length <= max ? paths.join(', ') : `${paths.slice(0, max).join(', ')} and ${paths.length - max} more`;
}

/** The base path a preview in this target is served under (`/previews/pr-12/`), or undefined for a site. */
function previewBase(target: DeployTarget): string | undefined {
  if (!isPreviewTarget(target)) return undefined;
  return `/${target.urlPath ?? `${target.prefix.split('/').slice(-2).join('/')}/`}`;
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
  const purpose = checkBuildPurpose(options.dir, previewBase(options.target));
  if (purpose.length > 0) throw new DeployError(`refusing to deploy; nothing was uploaded:\n${purpose.map((p) => `  ${p}`).join('\n')}`);
  let site;
  try {
    site = scanSite(options.dir, options.policy ?? defaultPolicy);
  } catch (error) {
    throw new DeployError((error as Error).message);
  }
  const inPreviews = isPreviewTarget(options.target) ? [] : Object.keys(site.files).filter(isInPreviewsFolder);
  if (inPreviews.length > 0) {
    throw new DeployError(`refusing to deploy; nothing was uploaded: ${listPaths(inPreviews)} would land in the folder of pull requests' previews (previews/), which a site must not use`);
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
    remote = await readRemote(options, site.files, concurrency, emit);
  } catch (error) {
    if (error instanceof DeployError) throw error;
    const hint =
      error instanceof Error && error.name === 'CredentialsProviderError'
        ? ' (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, in the environment)'
        : '';
    throw new DeployError(`could not read the current site: ${describeError(error)}${hint}\nNothing was changed.`);
  }

  const plan = planDeploy({
    local: site.files,
    articles: site.articles,
    remote: remote.manifest,
    listing: remote.listing,
    verified: remote.verified,
    policy: options.policy,
    now: now(),
    graceMs,
  });
  if (options.commit !== undefined) plan.manifest.commit = options.commit;
  if (options.runNumber !== undefined) plan.manifest.runNumber = options.runNumber;
  emit({ type: 'plan', plan });

  const live = remote.manifest;
  const superseded =
    options.runNumber !== undefined && live.runNumber !== undefined && live.runNumber > options.runNumber
      ? { runNumber: live.runNumber, ...(live.commit ? { commit: live.commit } : {}), ...(live.deployedAt ? { deployedAt: live.deployedAt } : {}) }
      : undefined;
  const result = (uploaded: number, removed: number): DeployResult => ({
    dryRun,
    plan,
    ...(superseded ? { superseded } : {}),
    uploaded,
    unchanged: plan.unchanged.length,
    removed,
    bytes: uploaded === 0 ? 0 : plan.bytes,
    seconds: (performance.now() - started) / 1000,
  });
  if (dryRun || superseded) return result(0, 0);

  const storedPaths = new Set<string>();
  const sent = new Set<string>();
  let stage: 'uploads' | 'manifest' = 'uploads';
  let manifestEtag: string | undefined;
  try {
    let switching = false;
    for (const step of uploadSteps(plan.uploads)) {
      const phase = step[0]!.phase;
      const firstOfPhase = !plan.uploads.some((upload) => upload.phase === phase && sent.has(upload.path));
      if (phase !== 'assets' && firstOfPhase) await expectManifestUnchanged(options, remote);
      if (!switching && phase !== 'assets' && phase !== 'files') {
        emit({ type: 'verified', files: storedPaths.size });
        switching = true;
      }
      if (firstOfPhase) emit({ type: 'phase', phase, files: plan.uploads.filter((upload) => upload.phase === phase).length });
      await runPool(step, concurrency, async (upload) => {
        sent.add(upload.path);
        const etag = await uploadAndVerify(options, upload, site.absolute[upload.path] as string);
        const entry = plan.manifest.files[upload.path]!;
        if (etag !== undefined) entry.etag = etag;
        storedPaths.add(upload.path);
        emit({
          type: 'uploaded',
          path: upload.path,
          phase,
          reason: upload.reason,
          bytes: upload.entry.size,
          done: storedPaths.size,
          total: plan.uploads.length,
        });
      });
    }
    if (remote.etag === undefined) {
      emit({ type: 'warning', message: 'the store gave the manifest no ETag, so its write cannot be conditional: a deploy running at the same time could be overwritten' });
    }
    // Removals stay listed, with the date they left, until they are deleted:
    // a deploy that stops before the deletion leaves the next one their clock.
    stage = 'manifest';
    manifestEtag = await writeManifest(options, { ...plan.manifest, stale: { ...plan.manifest.stale, ...staleEntries(plan.removals) } }, remote.etag);
    emit({ type: 'manifest', key: objectKey(options.target, MANIFEST_PATH) });
  } catch (error) {
    const reason = error instanceof DeployError ? error.message : describeError(error);
    const uncertain = [...sent].filter((path) => !storedPaths.has(path));
    // A failed write may still have landed, unless another deploy's manifest stood in its way.
    const stopped = stage === 'manifest' && !(error instanceof ManifestConflict) ? 'manifest' : 'uploads';
    const stop = describeStop(plan, { stored: storedPaths, uncertain: new Set(uncertain) }, stopped);
    throw new DeployError(`${reason}\n${stop.message}`, stop.siteChanged);
  }

  const failures: string[] = [];
  let removed: PlannedRemoval[] = [];
  if (plan.removals.length > 0) {
    const { failed } = await options.store.delete(plan.removals.map((removal) => objectKey(options.target, removal.path)));
    const reasons = new Map(failed.map((failure) => [sitePathOf(options.target, failure.key) ?? failure.key, failure.error]));
    removed = plan.removals.filter((removal) => !reasons.has(removal.path));
    const kept = plan.removals.filter((removal) => reasons.has(removal.path));
    if (removed.length > 0) emit({ type: 'removed', paths: removed.map((removal) => removal.path) });
    try {
      await writeManifest(options, { ...plan.manifest, stale: { ...plan.manifest.stale, ...staleEntries(kept) } }, manifestEtag);
    } catch (error) {
      emit({
        type: 'warning',
        message: `the manifest still lists the ${removed.length} deleted files as leaving (${describeError(error)}); the next deploy settles it`,
      });
    }
    const example = (removal: PlannedRemoval) => `${removal.path} (${reasons.get(removal.path)})`;
    const documents = kept.filter((removal) => removal.document);
    const assets = kept.filter((removal) => !removal.document);
    if (documents.length > 0) {
      failures.push(
        `the new build is live and recorded, but ${documents.length} of the files that left the site could not be deleted and are still live: ` +
          `${listPaths(documents.map(example), 3)}. They stay in the manifest with the date they left, and the next deploy deletes them again.`,
      );
    }
    if (assets.length > 0) {
      emit({
        type: 'warning',
        message: `${assets.length} expired files could not be deleted (${listPaths(assets.map(example), 3)}); they keep the date they left, and the next deploy retries`,
      });
    }
  }

  if (options.cdn) {
    const outdated = [...plan.refreshed, ...removed.filter((removal) => removal.document).map((removal) => removal.path)];
    if (outdated.length > 0) {
      const paths = invalidationPaths(outdated, undefined, options.target.urlPath);
      try {
        const { id } = await options.cdn.invalidate(paths, `broadsheet-${plan.manifest.deployedAt}-${sha256(new TextEncoder().encode(paths.join('\n'))).slice(0, 12)}`);
        emit({ type: 'invalidated', cdn: options.cdn.description, id, paths });
      } catch (error) {
        failures.push(
          `the new build is live at the origin, but ${options.cdn.description} was not told (${describeError(error)}): its edges may serve the previous copies ` +
            `of ${outdated.length} changed or removed documents until their cache time runs out. To clear them now, invalidate ${listPaths(paths, 8)}.`,
        );
      }
    }
  }

  if (failures.length > 0) throw new DeployError(failures.join('\n'), true);
  return result(plan.uploads.length, removed.length);
}
