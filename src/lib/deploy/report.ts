/** The deploy's words: progress lines, the plan of a dry run, what is live when it stops, and the closing summary. */
import type { DeployEvent, DeployResult } from './run.ts';
import { PHASES, type DeployPlan, type Phase, type UploadReason } from './plan.ts';
import type { RetryInfo } from './retry.ts';

/** Decimal units, as transfer sizes are usually given: `532 B`, `12.3 kB`, `4.56 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(2)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function someOf(paths: readonly string[], max = 3): string {
  return paths.length <= max ? paths.join(', ') : `${paths.slice(0, max).join(', ')}, …`;
}

function countReasons(plan: DeployPlan): string {
  const counts = new Map<UploadReason, number>();
  for (const upload of plan.uploads) counts.set(upload.reason, (counts.get(upload.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => `${count} ${reason}`).join(', ');
}

export function formatPlanSummary(plan: DeployPlan): string {
  const documents = plan.removals.filter((removal) => removal.document).length;
  const parts = [
    `${plan.uploads.length} to upload${plan.uploads.length > 0 ? ` (${countReasons(plan)}, ${formatBytes(plan.bytes)})` : ''}`,
    `${plan.unchanged.length} unchanged`,
  ];
  if (plan.resumed.length > 0) parts.push(`${plan.resumed.length} of them already stored by an interrupted deploy`);
  if (plan.leaving.length > 0) parts.push(`${plan.leaving.length} leaving the site (kept for the grace period)`);
  if (plan.adopted.length > 0) parts.push(`${plan.adopted.length} left by an interrupted deploy (kept for the grace period)`);
  if (plan.keptStale.length > 0) parts.push(`${plan.keptStale.length} stale within the grace period`);
  if (plan.foreign.length > 0) parts.push(`${plan.foreign.length} other objects under the prefix left alone`);
  parts.push(`${plan.removals.length} to remove${documents > 0 ? ` (${documents} leaving the site now)` : ''}`);
  return `Plan: ${parts.join(', ')}`;
}

/** Every action of a plan, one line each, for a dry run. */
export function formatPlanDetails(plan: DeployPlan): string[] {
  const width = Math.max(0, ...plan.uploads.map((upload) => upload.phase.length));
  return [
    ...plan.uploads.map(
      (upload) => `  upload  ${upload.phase.padEnd(width)}  ${upload.path}  (${upload.reason}, ${formatBytes(upload.entry.size)}, ${upload.entry.cacheControl})`,
    ),
    ...plan.leaving.map((path) => `  stale   ${path}  (left the site; deleted on a deploy after the grace period)`),
    ...plan.adopted.map((path) => `  stale   ${path}  (not in any manifest; deleted on a deploy after the grace period)`),
    ...plan.revived.map((path) => `  revive  ${path}  (back in the site; no longer stale)`),
    ...plan.removals.map((removal) =>
      removal.document ? `  remove  ${removal.path}  (left the site; removed with this deploy)` : `  remove  ${removal.path}  (stale since ${removal.since})`,
    ),
  ];
}

function describeRemote(event: Extract<DeployEvent, { type: 'remote' }>): string {
  const checking = event.verifying > 0 ? `; checking ${plural(event.verifying, 'object')} by their recorded sha256` : '';
  const manifest = event.manifest;
  if (!manifest) return `Remote: no manifest, a first deploy (${plural(event.listed, 'object')} under the prefix)${checking}`;
  const source = [manifest.commit ? `commit ${manifest.commit.slice(0, 12)}` : '', manifest.runNumber ? `run #${manifest.runNumber}` : '']
    .filter(Boolean)
    .join(', ');
  return (
    `Remote: ${plural(Object.keys(manifest.files).length, 'file')} deployed ${manifest.deployedAt ?? 'at an unknown time'}` +
    `${source ? ` from ${source}` : ''}, ${Object.keys(manifest.stale).length} stale${checking}`
  );
}

/** The progress line of an event, or undefined for events that print nothing. */
export function formatEvent(event: DeployEvent): string | undefined {
  switch (event.type) {
    case 'scanned':
      return `${event.dryRun ? 'Dry run: ' : ''}${event.dir}: ${plural(event.files, 'file')}, ${formatBytes(event.bytes)} -> ${event.target}`;
    case 'remote':
      return describeRemote(event);
    case 'plan':
      return formatPlanSummary(event.plan);
    case 'phase':
      return `-- ${event.phase}: ${plural(event.files, 'file')}`;
    case 'uploaded': {
      const width = String(event.total).length;
      return `  [${String(event.done).padStart(width)}/${event.total}] uploaded ${event.path} (${event.reason}, ${formatBytes(event.bytes)})`;
    }
    case 'verified':
      return event.files > 0 ? `✓ ${plural(event.files, 'file')} stored and verified (sha256 read back); switching pages` : undefined;
    case 'manifest':
      return `✓ manifest written: ${event.key}`;
    case 'removed':
      return `removed ${plural(event.paths.length, 'file')} that left the site: ${event.paths.join(', ')}`;
    case 'invalidated':
      return `✓ ${event.cdn}: invalidation ${event.id} for ${plural(event.paths.length, 'path')}: ${someOf(event.paths, 6)}`;
    case 'warning':
      return `warning: ${event.message}`;
  }
}

export function formatRetry(info: RetryInfo): string {
  const slower = info.throttled && info.limit !== undefined ? `; ${plural(info.limit, 'request')} at a time now` : '';
  return `  retry ${info.operation} in ${(info.delayMs / 1000).toFixed(1)} s (attempt ${info.attempt + 1} of ${info.attempts}): ${info.error}${slower}`;
}

const PHASE_LABELS: Record<Phase, string> = {
  assets: 'hashed assets',
  files: 'files pages load by a fixed name (replaced in place)',
  articles: 'article pages',
  lists: 'list pages and feeds',
  indexes: 'sitemaps',
  entries: 'sitemap index, robots.txt and search entries',
};

export interface Progress {
  /** Uploads stored and verified. */
  stored: ReadonlySet<string>;
  /** Uploads sent but not verified when the deploy stopped: each may or may not be live. */
  uncertain: ReadonlySet<string>;
}

/**
 * What readers get after a deploy stopped at `stage`: which of the new
 * build's files are live, phase by phase, which are not yet, and that files
 * leaving the site (an unpublished article among them) are still live.
 */
export function describeStop(plan: DeployPlan, progress: Progress, stage: 'uploads' | 'manifest'): { message: string; siteChanged: boolean } {
  const lines: string[] = [];
  const leaving = plan.removals.filter((removal) => removal.document).map((removal) => removal.path);
  const notRemoved = leaving.length > 0 ? `Not removed yet, so still live: ${plural(leaving.length, 'file')} leaving the site (${someOf(leaving)}).` : '';
  if (stage === 'manifest') {
    lines.push('Every file of the new build is live; the manifest may or may not be the new one. Deploy again to settle it.');
    if (notRemoved) lines.push(notRemoved);
    return { message: lines.join('\n'), siteChanged: true };
  }
  const switched = plan.uploads.filter((upload) => upload.phase !== 'assets' && (progress.stored.has(upload.path) || progress.uncertain.has(upload.path)));
  if (switched.length === 0) {
    lines.push(
      'Nothing readers see has changed: no page, feed, sitemap or search entry was switched, and nothing live refers to the new assets stored so far. ' +
        'The live site is still the previous deploy, whole, and its manifest is unchanged.',
    );
  } else {
    const live: string[] = [];
    const waiting: string[] = [];
    for (const phase of PHASES.slice(1)) {
      const uploads = plan.uploads.filter((upload) => upload.phase === phase);
      if (uploads.length === 0) continue;
      const done = uploads.filter((upload) => progress.stored.has(upload.path)).map((upload) => upload.path);
      if (done.length > 0) live.push(`${PHASE_LABELS[phase]}: ${done.length} of ${uploads.length} (${someOf(done)})`);
      if (done.length < uploads.length) waiting.push(`${PHASE_LABELS[phase]}: ${uploads.length - done.length}`);
    }
    lines.push(`Live from the new build: ${live.length > 0 ? live.join('; ') : 'nothing verified'}.`);
    if (waiting.length > 0) lines.push(`Still the previous build's: ${waiting.join('; ')}.`);
  }
  const uncertain = [...progress.uncertain].sort();
  if (uncertain.length > 0) lines.push(`Under way when it stopped, so live or not: ${someOf(uncertain)}.`);
  if (notRemoved) lines.push(notRemoved);
  lines.push('The manifest was not written, so it still describes the site as it was before this deploy; the next deploy checks what is stored and uploads only the rest.');
  return { message: lines.join('\n'), siteChanged: switched.length > 0 };
}

/** The closing line: `✓ Deployed: 12 uploaded, 551 unchanged, 2 removed, 1.24 MB in 3.41 s`. */
export function formatSummary(result: DeployResult): string {
  const seconds = `${result.seconds.toFixed(2)} s`;
  if (result.superseded) {
    const { runNumber, commit, deployedAt } = result.superseded;
    const source = [commit ? `commit ${commit.slice(0, 12)}` : '', deployedAt ? `deployed ${deployedAt}` : ''].filter(Boolean).join(', ');
    return (
      `Not deployed: the live site comes from run #${runNumber}${source ? ` (${source})` : ''}, later than this run #${result.plan.manifest.runNumber}; ` +
      `publishing this build would take the site back. Nothing was changed (${seconds}).`
    );
  }
  if (result.dryRun) {
    const removals = result.plan.removals.length;
    return `Dry run: ${result.plan.uploads.length} to upload, ${result.unchanged} unchanged, ${removals} to remove, ${formatBytes(result.plan.bytes)} in ${seconds}; nothing was changed`;
  }
  return `✓ Deployed: ${result.uploaded} uploaded, ${result.unchanged} unchanged, ${result.removed} removed, ${formatBytes(result.bytes)} in ${seconds}`;
}
