/** Command-line arguments of `node scripts/deploy.ts`, checked before anything is read or sent. */
import { parseArgs } from 'node:util';
import { parseDistributionId } from './cdn.ts';
import { COMMIT_PATTERN } from './manifest.ts';
import { parsePullRequestNumber, parseTarget, previewTarget, type DeployTarget } from './target.ts';

export const USAGE = `usage: node scripts/deploy.ts --target s3://bucket[/prefix] [options]
       node scripts/deploy.ts --target s3://bucket[/prefix] --preview N [options]
       node scripts/deploy.ts --target s3://bucket[/prefix] --remove-preview N [--dry-run]

  --target s3://bucket/prefix  where the site goes (required)
  --preview N                  deploy a preview build (BROADSHEET_BASE=/previews/pr-N/) of pull request N
                               to <prefix>/previews/pr-N/, with its own manifest; the site is not touched
  --remove-preview N           delete everything under <prefix>/previews/pr-N/ and nothing else
  --dir DIR                    the built site (default: dist)
  --endpoint URL               an S3-compatible service (Cloudflare R2, MinIO...); AWS S3 when absent
  --region REGION              default: $AWS_REGION, $AWS_DEFAULT_REGION, else us-east-1
  --grace-hours N              keep files that left the site this long before deleting them (default: 48)
  --concurrency N              parallel uploads, 1-64 (default: 8); halved while the store throttles
  --cloudfront-distribution ID invalidate the changed and removed documents on this CloudFront distribution
  --commit SHA                 the git commit the build came from, recorded in the manifest
  --run-number N               the CI run number; a deploy from an earlier run than the live one is refused
  --dry-run                    print the plan; change nothing
  -h, --help                   this text

Credentials come from the environment only (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
AWS_SESSION_TOKEN, or an AWS profile), never from flags.`;

export interface DeployArgs {
  /** `site` deploys the site; `preview` and `remove-preview` work on one pull request's preview, which `target` then names. */
  mode: 'site' | 'preview' | 'remove-preview';
  /** The pull request of a preview. */
  pullRequest?: number;
  dir: string;
  target: DeployTarget;
  endpoint?: string;
  region: string;
  graceHours: number;
  concurrency: number;
  cloudfrontDistribution?: string;
  commit?: string;
  runNumber?: number;
  dryRun: boolean;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'error'; message: string } | { kind: 'deploy'; args: DeployArgs };

const CREDENTIAL_FLAG = /key|secret|token|credential|password|passwd/i;

function parseEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--endpoint must be a URL such as https://ACCOUNT.r2.cloudflarestorage.com, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--endpoint must be http or https, got ${url.protocol}`);
  if (url.username || url.password) {
    throw new Error('--endpoint must not carry credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment');
  }
  return value.replace(/\/+$/, '');
}

function parseNumber(flag: string, value: string, { min, max, integer }: { min: number; max?: number; integer?: boolean }): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  const ok = Number.isFinite(number) && number >= min && (max === undefined || number <= max) && (!integer || Number.isInteger(number));
  if (!ok) {
    const range = max === undefined ? `${min} or more` : `${min} to ${max}`;
    throw new Error(`${flag} must be ${integer ? 'a whole number' : 'a number'} from ${range}, got ${JSON.stringify(value)}`);
  }
  return number;
}

export function parseDeployArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        target: { type: 'string' },
        dir: { type: 'string', default: 'dist' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        'grace-hours': { type: 'string', default: '48' },
        concurrency: { type: 'string', default: '8' },
        'cloudfront-distribution': { type: 'string' },
        commit: { type: 'string' },
        'run-number': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        preview: { type: 'string' },
        'remove-preview': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const unknown = /'(-[^']+)'/.exec((error as Error).message)?.[1];
    if (unknown && CREDENTIAL_FLAG.test(unknown)) {
      return {
        kind: 'error',
        message: `${unknown}: credentials are never accepted as flags; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN if any) in the environment`,
      };
    }
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length > 0) return { kind: 'error', message: `unexpected argument ${JSON.stringify(positionals[0])}` };
  if (values.target === undefined) return { kind: 'error', message: '--target is required, e.g. --target s3://my-bucket/site' };
  try {
    if (values.dir.trim() === '') throw new Error('--dir is empty');
    const region = values.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1');
    if (!/^[a-z0-9-]+$/.test(region)) throw new Error(`--region must look like us-east-1 or auto, got ${JSON.stringify(region)}`);
    if (values.preview !== undefined && values['remove-preview'] !== undefined) throw new Error('--preview and --remove-preview cannot be given together');
    const mode = values.preview !== undefined ? 'preview' : values['remove-preview'] !== undefined ? 'remove-preview' : 'site';
    const pullRequest =
      values.preview !== undefined
        ? parsePullRequestNumber('--preview', values.preview)
        : values['remove-preview'] !== undefined
          ? parsePullRequestNumber('--remove-preview', values['remove-preview'])
          : undefined;
    const siteTarget = parseTarget(values.target);
    const commit = values.commit;
    if (commit !== undefined && !COMMIT_PATTERN.test(commit)) {
      throw new Error(`--commit must be a full commit id (40 or 64 lowercase hex digits, as git rev-parse HEAD prints), got ${JSON.stringify(commit)}`);
    }
    return {
      kind: 'deploy',
      args: {
        mode,
        ...(pullRequest !== undefined ? { pullRequest } : {}),
        dir: values.dir,
        target: pullRequest !== undefined ? previewTarget(siteTarget, pullRequest) : siteTarget,
        ...(values.endpoint !== undefined ? { endpoint: parseEndpoint(values.endpoint) } : {}),
        region,
        graceHours: parseNumber('--grace-hours', values['grace-hours'], { min: 0 }),
        concurrency: parseNumber('--concurrency', values.concurrency, { min: 1, max: 64, integer: true }),
        ...(values['cloudfront-distribution'] !== undefined ? { cloudfrontDistribution: parseDistributionId(values['cloudfront-distribution']) } : {}),
        ...(commit !== undefined ? { commit } : {}),
        ...(values['run-number'] !== undefined ? { runNumber: parseNumber('--run-number', values['run-number'], { min: 1, integer: true }) } : {}),
        dryRun: values['dry-run'],
      },
    };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}
