/** Where a site is deployed: a bucket and a key prefix on an S3-compatible store. */

export interface DeployTarget {
  bucket: string;
  /** Key prefix without leading or trailing slash; empty for the bucket's root. */
  prefix: string;
  /**
   * Where a CDN serves this target, relative to where it serves the site's:
   * empty for the site itself, `previews/pr-12/` for a pull request's preview.
   */
  urlPath?: string;
}

/**
 * Pull requests' previews are deployed beside the site, under this folder of
 * its target (`<prefix>/previews/pr-<number>/`), each with its own manifest.
 * No article can take the name (src/lib/urls.ts), and a deploy of the site
 * neither lists nor touches what lies there.
 */
export const PREVIEWS_FOLDER = 'previews';

const PREVIEW_PREFIX = new RegExp(`(?:^|/)${PREVIEWS_FOLDER}/pr-[1-9][0-9]{0,8}$`);

/** Parses a pull request number (`--preview 12`); throws an Error that says what is wrong. */
export function parsePullRequestNumber(flag: string, value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value)) {
    throw new Error(
      `${flag} takes a pull request number such as 12, got ${JSON.stringify(value)}; a preview lives at ${PREVIEWS_FOLDER}/pr-<number>/ and nowhere else`,
    );
  }
  return Number(value);
}

/** The site path of a pull request's preview, e.g. `previews/pr-12` (its BROADSHEET_BASE is `/previews/pr-12/`). */
export function previewFolder(pullRequest: number): string {
  return `${PREVIEWS_FOLDER}/pr-${pullRequest}`;
}

/** Where the preview of a pull request goes: its folder under the site's target. */
export function previewTarget(site: DeployTarget, pullRequest: number): DeployTarget {
  const folder = previewFolder(pullRequest);
  return { bucket: site.bucket, prefix: site.prefix === '' ? folder : `${site.prefix}/${folder}`, urlPath: `${folder}/` };
}

/** Whether a target is a pull request's preview folder, the only thing `removePreview` will delete. */
export function isPreviewTarget(target: DeployTarget): boolean {
  return PREVIEW_PREFIX.test(target.prefix);
}

/** Whether a site path of the site's own target lies in the previews' folder. */
export function isInPreviewsFolder(sitePath: string): boolean {
  return sitePath === PREVIEWS_FOLDER || sitePath.startsWith(`${PREVIEWS_FOLDER}/`);
}

/** Where the deploy keeps its record of the published files, beside the site. */
export const MANIFEST_PATH = '.broadsheet/manifest.json';

// The lowest common denominator of AWS, R2 and MinIO bucket naming rules.
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Parses `s3://bucket[/prefix]`; throws an Error whose message says what is wrong. */
export function parseTarget(value: string): DeployTarget {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(value);
  if (!match) throw new Error(`--target must look like s3://bucket/prefix, got ${JSON.stringify(value)}`);
  const bucket = match[1] ?? '';
  if (!BUCKET_PATTERN.test(bucket) || bucket.includes('..')) {
    throw new Error(`--target: ${JSON.stringify(bucket)} is not a valid bucket name (3-63 lowercase letters, digits, dots and hyphens)`);
  }
  const prefix = (match[2] ?? '').replace(/\/+$/, '');
  if (prefix !== '') {
    const segments = prefix.split('/');
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new Error(`--target: the prefix ${JSON.stringify(prefix)} has an empty, "." or ".." segment`);
    }
    if (/[\u0000-\u001f\u007f\\]/.test(prefix)) {
      throw new Error(`--target: the prefix ${JSON.stringify(prefix)} has a control character or a backslash`);
    }
  }
  return { bucket, prefix };
}

/** The object key of a site file (`index.html`, `_astro/a.B1c.css`). */
export function objectKey(target: DeployTarget, sitePath: string): string {
  return target.prefix === '' ? sitePath : `${target.prefix}/${sitePath}`;
}

/** The site path of an object key under the target's prefix, or undefined if it lies outside. */
export function sitePathOf(target: DeployTarget, key: string): string | undefined {
  if (target.prefix === '') return key;
  const start = `${target.prefix}/`;
  return key.startsWith(start) ? key.slice(start.length) : undefined;
}

export function describeTarget(target: DeployTarget): string {
  return `s3://${target.bucket}/${target.prefix}`;
}
