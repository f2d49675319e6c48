/**
 * node scripts/deploy.ts --target s3://bucket/prefix [--endpoint URL] [--dry-run] ...
 * node scripts/deploy.ts --target s3://bucket/prefix --preview N | --remove-preview N ...
 *
 * Uploads a built site to an S3-compatible store: only what changed, assets
 * before pages and articles before the lists that link to them, everything
 * read back and verified, the manifest last; then removes the documents that
 * left the site and tells CloudFront (with --cloudfront-distribution). Exits 0
 * when deployed (or planned, with --dry-run, or refused because a later run
 * already deployed), 1 when the deploy was refused or stopped, 2 on bad
 * arguments. Credentials come from the environment only.
 *
 * With --preview N the same deploy goes to <prefix>/previews/pr-N/, a pull
 * request's preview with a manifest of its own; --remove-preview N deletes
 * exactly that folder when the pull request closes.
 */
import { existsSync } from 'node:fs';
import { USAGE, parseDeployArgs } from '../src/lib/deploy/args.ts';
import { invalidationPaths } from '../src/lib/deploy/cdn.ts';
import { createCloudFrontCdn } from '../src/lib/deploy/cloudfront.ts';
import { formatEvent, formatPlanDetails, formatRetry, formatSummary } from '../src/lib/deploy/report.ts';
import { AdaptiveLimit, describeError, type RetryOptions } from '../src/lib/deploy/retry.ts';
import { DeployError, deploy } from '../src/lib/deploy/run.ts';
import { removePreview } from '../src/lib/deploy/preview.ts';
import { describeTarget } from '../src/lib/deploy/target.ts';
import { createS3Store } from '../src/lib/deploy/store.ts';

const parsed = parseDeployArgs(process.argv.slice(2), process.env);
if (parsed.kind === 'help') {
  console.log(USAGE);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(`error: ${parsed.message}\n\n${USAGE}`);
  process.exit(2);
}
const args = parsed.args;
if (args.mode !== 'remove-preview' && !existsSync(args.dir)) {
  console.error(`error: --dir ${args.dir} does not exist; build the site first (npm run build)\n\n${USAGE}`);
  process.exit(2);
}

const onRetry: RetryOptions['onRetry'] = (info) => console.error(formatRetry(info));
const store = createS3Store({
  bucket: args.target.bucket,
  endpoint: args.endpoint,
  region: args.region,
  // One limit for every request to the store, so throttling slows them all.
  retry: { onRetry, limiter: new AdaptiveLimit(args.concurrency) },
});
const cdn = args.cloudfrontDistribution ? createCloudFrontCdn({ distributionId: args.cloudfrontDistribution, retry: { onRetry } }) : undefined;

if (args.mode === 'remove-preview') {
  try {
    const result = await removePreview({ target: args.target, store, dryRun: args.dryRun, cdn });
    const where = describeTarget(args.target);
    if (result.dryRun) {
      for (const key of result.keys) console.log(`  remove  ${key}`);
      console.log(`✓ Dry run: ${result.keys.length} objects of the preview of pull request #${args.pullRequest} at ${where} would be removed`);
    } else {
      if (result.invalidation) console.log(`  invalidated ${result.invalidation.paths.join(' ')} on ${result.invalidation.cdn} (${result.invalidation.id})`);
      console.log(`✓ Removed the preview of pull request #${args.pullRequest}: ${result.keys.length} objects under ${where}`);
    }
  } catch (error) {
    const message = error instanceof DeployError ? error.message : `unexpected failure: ${describeError(error)}`;
    console.error(`✗ Removal failed: ${message}`);
    process.exitCode = 1;
  }
} else {
  try {
    const result = await deploy({
      dir: args.dir,
      target: args.target,
      store,
      dryRun: args.dryRun,
      graceHours: args.graceHours,
      concurrency: args.concurrency,
      commit: args.commit,
      runNumber: args.runNumber,
      cdn,
      onEvent: (event) => {
        const line = formatEvent(event);
        if (line !== undefined) (event.type === 'warning' ? console.error : console.log)(line);
        if (event.type === 'plan' && args.dryRun) {
          for (const detail of formatPlanDetails(event.plan)) console.log(detail);
          const outdated = [...event.plan.refreshed, ...event.plan.removals.filter((removal) => removal.document).map((removal) => removal.path)];
          if (cdn && outdated.length > 0) console.log(`  invalidate  ${invalidationPaths(outdated, undefined, args.target.urlPath).join(' ')}  (${cdn.description})`);
        }
      },
    });
    console.log(formatSummary(result));
  } catch (error) {
    const message = error instanceof DeployError ? error.message : `unexpected failure: ${describeError(error)}`;
    console.error(`✗ Deploy failed: ${message}`);
    process.exitCode = 1;
  }
}
