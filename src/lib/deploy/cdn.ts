/**
 * Telling a CDN which documents a deploy changed or removed, so its edges
 * stop serving their cached copies: CloudFront invalidations. Stores served
 * without a CDN API (an R2 Worker reads the bucket on every request) need
 * none, and the deploy skips this step when no CDN is configured.
 * CloudFront's client is in cloudfront.ts.
 */
export interface Cdn {
  /** For messages: `CloudFront distribution E2QWRUHAPOMQZL`. */
  readonly description: string;
  /** Invalidates these URL paths (as invalidationPaths gives them); resolves with the invalidation's id. */
  invalidate(paths: readonly string[], reference: string): Promise<{ id: string }>;
}

/**
 * CloudFront lets at most 3,000 individual paths be in progress per
 * distribution (a wildcard path counts against a separate limit of 15).
 */
export const CLOUDFRONT_MAX_PATHS = 3000;

/** Everything under the distribution, one wildcard path. */
export const ALL_PATHS = '/*';

/** Every path under `urlPath` (`previews/pr-12/`), or the whole site when it is empty. */
export function allPaths(urlPath = ''): string {
  return urlPath === '' ? ALL_PATHS : `/${encodePath(urlPath)}*`;
}

/** Percent-encodes what CloudFront wants encoded in a path; `*` too, so it is never read as a wildcard. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\*/g, '%2A'))
    .join('/');
}

/**
 * The URL paths to invalidate for these site paths. A page is asked for at
 * its directory address (`/iran-sco/`) and the viewer-request function
 * rewrites that to `/iran-sco/index.html`; CloudFront's guidance is to
 * invalidate both forms. Over `maxPaths`, a single `/*` instead: a change
 * that large (a redesign) outdates most of the cache anyway, and the
 * individual paths would exceed what CloudFront lets be in progress.
 */
export function invalidationPaths(sitePaths: readonly string[], maxPaths = CLOUDFRONT_MAX_PATHS, urlPath = ''): string[] {
  const paths = new Set<string>();
  for (const sitePath of sitePaths) {
    const path = `/${encodePath(`${urlPath}${sitePath}`)}`;
    paths.add(path);
    if (sitePath === 'index.html' || sitePath.endsWith('/index.html')) paths.add(path.slice(0, -'index.html'.length));
  }
  if (paths.size > maxPaths) return [allPaths(urlPath)];
  return [...paths].sort();
}

const DISTRIBUTION_ID = /^[A-Z0-9]{8,32}$/;

export function parseDistributionId(value: string): string {
  if (!DISTRIBUTION_ID.test(value)) {
    throw new Error(`--cloudfront-distribution must be a distribution id such as E2QWRUHAPOMQZL, got ${JSON.stringify(value)}`);
  }
  return value;
}
