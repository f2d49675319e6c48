/** The deploy's words: progress lines, the plan of a dry run and the closing summary. */
import type { DeployEvent, DeployResult } from './run.ts';
import type { DeployPlan, UploadReason } from './plan.ts';
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

function countReasons(plan: DeployPlan): string {
  const counts = new Map<UploadReason, number>();
  for (const upload of plan.uploads) counts.set(upload.reason, (counts.get(upload.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => `${count} ${reason}`).join(', ');
}

export function formatPlanSummary(plan: DeployPlan): string {
  const parts = [
    `${plan.uploads.length} to upload${plan.uploads.length > 0 ? ` (${countReasons(plan)}, ${formatBytes(plan.bytes)})` : ''}`,
    `${plan.unchanged.length} unchanged`,
  ];
  if (plan.leaving.length > 0) parts.push(`${plan.leaving.length} leaving the site (kept for the grace period)`);
  if (plan.adopted.length > 0) parts.push(`${plan.adopted.length} left by an interrupted deploy (kept for the grace period)`);
  if (plan.keptStale.length > 0) parts.push(`${plan.keptStale.length} stale within the grace period`);
  parts.push(`${plan.removals.length} to remove`);
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
    ...plan.removals.map((removal) => `  remove  ${removal.path}  (stale since ${removal.since})`),
  ];
}

/** The progress line of an event, or undefined for events that print nothing. */
export function formatEvent(event: DeployEvent): string | undefined {
  switch (event.type) {
    case 'scanned':
      return `${event.dryRun ? 'Dry run: ' : ''}${event.dir}: ${plural(event.files, 'file')}, ${formatBytes(event.bytes)} -> ${event.target}`;
    case 'remote':
      return event.deployedAt
        ? `Remote: ${plural(event.files, 'file')} deployed ${event.deployedAt}, ${event.stale} stale${event.foreign ? `, ${event.foreign} other objects under the prefix left alone` : ''}`
        : `Remote: no manifest, a first deploy${event.foreign ? ` (${event.foreign} other objects under the prefix left alone)` : ''}`;
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
      return `removed ${plural(event.paths.length, 'expired stale file')}: ${event.paths.join(', ')}`;
    case 'warning':
      return `warning: ${event.message}`;
  }
}

export function formatRetry(info: RetryInfo): string {
  const slower = info.throttled && info.limit !== undefined ? `; ${plural(info.limit, 'request')} at a time now` : '';
  return `  retry ${info.operation} in ${(info.delayMs / 1000).toFixed(1)} s (attempt ${info.attempt + 1} of ${info.attempts}): ${info.error}${slower}`;
}

/** The closing line: `✓ Deployed: 12 uploaded, 551 unchanged, 2 removed, 1.24 MB in 3.41 s`. */
export function formatSummary(result: DeployResult): string {
  const seconds = `${result.seconds.toFixed(2)} s`;
  if (result.dryRun) {
    const removals = result.plan.removals.length;
    return `Dry run: ${result.plan.uploads.length} to upload, ${result.unchanged} unchanged, ${removals} to remove, ${formatBytes(result.plan.bytes)} in ${seconds}; nothing was changed`;
  }
  return `✓ Deployed: ${result.uploaded} uploaded, ${result.unchanged} unchanged, ${result.removed} removed, ${formatBytes(result.bytes)} in ${seconds}`;
}
