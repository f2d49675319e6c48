/** The deploy CLI's refusals, dry run and handling of credentials, against s3rver. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { deploy } from '../../src/lib/deploy/run.ts';
import { createS3Store } from '../../src/lib/deploy/store.ts';
import { parseTarget } from '../../src/lib/deploy/target.ts';
import { anArticle, newBucket, runCli, snapshot, useS3rver } from './harness.ts';

const site = inject('sampleSite');
const server = useS3rver(site.outDir);

async function deployedBucket(): Promise<string> {
  const bucket = await newBucket(server.client);
  await deploy({
    dir: site.outDir,
    target: parseTarget(`s3://${bucket}/site`),
    store: createS3Store({ bucket, endpoint: server.s3.endpoint, region: 'us-east-1' }),
    concurrency: 16,
  });
  return bucket;
}

describe('bad arguments', () => {
  it.each([
    [[], /error: --target is required/],
    [['--target', 'my-bucket/site'], /error: --target must look like s3:\/\/bucket\/prefix/],
    [['--target', 's3://site-bucket', '--concurrency', 'lots'], /error: --concurrency must be a whole number from 1 to 64, got "lots"/],
    [['--target', 's3://site-bucket', '--grace-hours', 'soon'], /error: --grace-hours must be a number/],
    [['--target', 's3://site-bucket', '--endpoint', 'ftp://example.com'], /error: --endpoint must be http or https/],
    [['--target', 's3://site-bucket', '--secret-access-key', 'x'], /credentials are never accepted as flags/],
    [['--target', 's3://site-bucket', '--dir', '/nonexistent/dist'], /error: --dir \/nonexistent\/dist does not exist/],
    [['--bogus'], /error: Unknown option '--bogus'/],
  ])('%j exits 2 with the reason and the usage', async (args, message) => {
    const result = await runCli(args as string[]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/usage: node scripts\/deploy\.ts --target s3:\/\/bucket/);
    expect(result.stdout).toBe('');
  });

  it('prints the usage for --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--dry-run\s+print the plan; change nothing/);
  });
});

describe('refusals before anything is uploaded', () => {
  it('refuses a directory that is not a complete build', async () => {
    const bucket = await newBucket(server.client);
    const partial = server.sampleCopy();
    rmSync(path.join(partial, '404.html'));
    const result = await runCli(['--dir', partial, '--target', `s3://${bucket}/site`, '--endpoint', server.s3.endpoint]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/✗ Deploy failed: .* is not a complete build: 404\.html is missing\. Run `npm run build`/);
    expect((await snapshot(server.client, bucket)).size).toBe(0);
  });

  it('fails the check when HTML would be immutable, leaving the live site untouched', async () => {
    const bucket = await deployedBucket();
    const before = await snapshot(server.client, bucket);
    const build = server.sampleCopy();
    writeFileSync(path.join(build, '_astro/widget.Ab12Cd34.html'), '<p>cached for a year</p>');
    const result = await runCli(['--dir', build, '--target', `s3://${bucket}/site`, '--endpoint', server.s3.endpoint]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /refusing to deploy; nothing was uploaded:\n {2}_astro\/widget\.Ab12Cd34\.html: HTML must never be immutable, but its policy is "public, max-age=31536000, immutable"/,
    );
    expect(await snapshot(server.client, bucket)).toEqual(before);
  });
});

describe('--dry-run', () => {
  it('prints the plan and changes nothing', async () => {
    const bucket = await deployedBucket();
    const before = await snapshot(server.client, bucket);
    const build = server.sampleCopy();
    const article = anArticle(build);
    writeFileSync(path.join(build, article), `${readFileSync(path.join(build, article), 'utf8')}<!-- edited -->`);
    rmSync(path.join(build, 'robots.txt'));
    const result = await runCli(
      ['--dir', build, '--target', `s3://${bucket}/site`, '--endpoint', server.s3.endpoint, '--dry-run', '--cloudfront-distribution', 'EDRYRUN1234'],
      // Nothing listens there: a dry run must not call CloudFront.
      { AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:9' },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Dry run: .*: \d+ files, [\d.]+ MB -> s3:\/\/.*\/site$/m);
    expect(result.stdout).toMatch(/^Plan: 1 to upload \(1 changed, [\d.]+ kB\), \d+ unchanged, 1 to remove \(1 leaving the site now\)$/m);
    expect(result.stdout).toContain(`  upload  articles  ${article}  (changed, `);
    expect(result.stdout).toContain('  remove  robots.txt  (left the site; removed with this deploy)');
    const page = article.slice(0, -'index.html'.length);
    expect(result.stdout).toContain(`  invalidate  /${page} /${article} /robots.txt  (CloudFront distribution EDRYRUN1234)`);
    expect(result.stdout).toMatch(/^Dry run: 1 to upload, \d+ unchanged, 1 to remove, [\d.]+ kB in [\d.]+ s; nothing was changed$/m);
    expect(result.stdout).not.toMatch(/uploaded|manifest written/);
    expect(await snapshot(server.client, bucket)).toEqual(before);
  });

  it('writes nothing to an empty bucket, not even a manifest', async () => {
    const bucket = await newBucket(server.client);
    const result = await runCli(['--dir', site.outDir, '--target', `s3://${bucket}/site`, '--endpoint', server.s3.endpoint, '--dry-run']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Remote: no manifest, a first deploy \(0 objects under the prefix\)$/m);
    expect((await snapshot(server.client, bucket)).size).toBe(0);
  });
});

describe('credentials', () => {
  const secret = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';
  const token = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN';

  it('come from the environment and are never printed', async () => {
    const bucket = await newBucket(server.client);
    const result = await runCli(['--dir', site.outDir, '--target', `s3://${bucket}/site`, '--endpoint', server.s3.endpoint, '--dry-run'], {
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_SESSION_TOKEN: token,
    });
    expect(result.status, result.stderr).toBe(0);
    for (const output of [result.stdout, result.stderr]) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(token);
    }
  });

  it('fail clearly, at once and without printing secrets when the store rejects them', async () => {
    const bucket = await newBucket(server.client);
    const result = await runCli(['--dir', site.outDir, '--target', `s3://${bucket}/site`, '--endpoint', server.s3.endpoint], {
      AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNEXAMPLE',
      AWS_SECRET_ACCESS_KEY: secret,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/✗ Deploy failed: could not read the current site: InvalidAccessKeyId, HTTP 403/);
    expect(result.stderr).not.toMatch(/retry/);
    expect(result.stderr + result.stdout).not.toContain(secret);
  });

  it('fail clearly when the environment has none', async () => {
    const result = await runCli(['--dir', site.outDir, '--target', 's3://some-bucket/site', '--endpoint', server.s3.endpoint], {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_PROFILE: undefined,
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
      AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/✗ Deploy failed: could not read the current site: .*credentials/i);
  });
});
