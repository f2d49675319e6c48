/**
 * Pull requests' previews on a real S3-compatible server (s3rver), beside the
 * site they preview: a preview lands under <prefix>/previews/pr-N/ with its
 * own manifest and leaves the site's objects as they were; the site's deploys
 * leave the previews alone; a new push updates a preview; closing the pull
 * request removes exactly its folder; anything else is refused.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parseManifest, scanSite } from '../../src/lib/deploy/manifest.ts';
import { removePreview } from '../../src/lib/deploy/preview.ts';
import { DeployError } from '../../src/lib/deploy/run.ts';
import { createS3Store } from '../../src/lib/deploy/store.ts';
import { parseTarget } from '../../src/lib/deploy/target.ts';
import { renderHeadersFile } from '../../src/lib/distribution/http-headers.ts';
import { anArticle, getText, newBucket, runCli, snapshot, type StoredFile, useS3rver } from './harness.ts';

const site = inject('sampleSite');
const server = useS3rver(site.outDir);

const SUMMARY = /^✓ Deployed: (\d+) uploaded, (\d+) unchanged, (\d+) removed/m;
function summary(stdout: string) {
  const match = SUMMARY.exec(stdout);
  if (!match) throw new Error(`no summary line in:\n${stdout}`);
  return { uploaded: Number(match[1]), unchanged: Number(match[2]), removed: Number(match[3]) };
}

/** The objects whose keys start with `prefix`, or (`outside`) every other one. */
function part(stored: Map<string, StoredFile>, prefix: string, outside = false): Map<string, StoredFile> {
  return new Map([...stored].filter(([key]) => key.startsWith(prefix) !== outside));
}

/**
 * The sample build as a preview of pull request `number` would say it was built:
 * the deploy tells what a build is for by its `_headers` alone (the base its rules
 * start with, and noindex), so the sample's copy gets the one a build with
 * BROADSHEET_BASE=/previews/pr-<number>/ BROADSHEET_PREVIEW=1 writes. Such builds
 * themselves are tested in tests/build/base-path.test.ts.
 */
function previewBuild(number: number, dir = server.sampleCopy()): string {
  writeFileSync(path.join(dir, '_headers'), renderHeadersFile({ base: `/previews/pr-${number}/`, noindex: true }));
  return dir;
}

/** A copy of the sample build with one article's bytes changed: a new push to the pull request. */
function pushedBuild(): { dir: string; article: string } {
  const dir = server.sampleCopy();
  const article = anArticle(dir);
  const file = path.join(dir, article);
  writeFileSync(file, readFileSync(file, 'utf8').replace('</main>', '<p>Edited in the pull request.</p></main>'));
  return { dir, article };
}

describe('previews of pull requests beside the site', () => {
  let bucket: string;
  const cli = (args: string[]) =>
    runCli([...args, '--target', `s3://${bucket}/site`, '--endpoint', server.s3.endpoint, '--concurrency', '16']);
  const files = () => Object.keys(scanSite(site.outDir).files);

  beforeAll(async () => {
    bucket = await newBucket(server.client);
    const result = await cli(['--dir', site.outDir]);
    expect(result.status, result.stderr).toBe(0);
  });

  it("lands under previews/pr-<number>/ with its own manifest, and leaves the site's objects as they were", async () => {
    const before = await snapshot(server.client, bucket);
    const result = await cli(['--dir', previewBuild(7), '--preview', '7']);
    expect(result.status, result.stderr).toBe(0);
    expect(summary(result.stdout)).toEqual({ uploaded: files().length, unchanged: 0, removed: 0 });

    const after = await snapshot(server.client, bucket);
    expect(part(after, 'site/previews/', true)).toEqual(before);
    const preview = part(after, 'site/previews/pr-7/');
    expect([...preview.keys()].sort()).toEqual(
      [...files().map((file) => `site/previews/pr-7/${file}`), 'site/previews/pr-7/.broadsheet/manifest.json'].sort(),
    );
    const manifest = parseManifest(await getText(server.client, bucket, 'site/previews/pr-7/.broadsheet/manifest.json'));
    expect(Object.keys(manifest.files).sort()).toEqual(files().sort());
    // The site's manifest knows nothing of the preview.
    const siteManifest = parseManifest(await getText(server.client, bucket, 'site/.broadsheet/manifest.json'));
    expect(Object.keys(siteManifest.files).some((file) => file.startsWith('previews/'))).toBe(false);
  });

  it("is left alone by the site's own deploys, which neither list it as theirs nor remove it", async () => {
    const before = await snapshot(server.client, bucket);
    const { dir } = pushedBuild();
    const result = await cli(['--dir', dir]);
    expect(result.status, result.stderr).toBe(0);
    expect(summary(result.stdout)).toEqual({ uploaded: 1, unchanged: files().length - 1, removed: 0 });
    const after = await snapshot(server.client, bucket);
    expect(part(after, 'site/previews/')).toEqual(part(before, 'site/previews/'));
    // Back to the sample, for the tests that follow.
    expect((await cli(['--dir', site.outDir])).status).toBe(0);
  });

  it('is updated by a new push: only what changed is uploaded, the site untouched', async () => {
    const before = await snapshot(server.client, bucket);
    const { dir, article } = pushedBuild();
    const result = await cli(['--dir', previewBuild(7, dir), '--preview', '7']);
    expect(result.status, result.stderr).toBe(0);
    expect(summary(result.stdout)).toEqual({ uploaded: 1, unchanged: files().length - 1, removed: 0 });
    const after = await snapshot(server.client, bucket);
    expect(part(after, 'site/previews/', true)).toEqual(part(before, 'site/previews/', true));
    expect(after.get(`site/previews/pr-7/${article}`)?.sha256).not.toBe(before.get(`site/previews/pr-7/${article}`)?.sha256);
    const manifest = parseManifest(await getText(server.client, bucket, 'site/previews/pr-7/.broadsheet/manifest.json'));
    expect(manifest.files[article]?.sha256).toBe(after.get(`site/previews/pr-7/${article}`)?.sha256);
  });

  it('is removed whole when the pull request closes; the site and other previews stay, pr-70 included', async () => {
    expect((await cli(['--dir', previewBuild(70), '--preview', '70'])).status).toBe(0);
    const before = await snapshot(server.client, bucket);
    expect(part(before, 'site/previews/pr-7/').size).toBe(files().length + 1);

    const dryRun = await cli(['--remove-preview', '7', '--dry-run']);
    expect(dryRun.status, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain(
      `✓ Dry run: ${files().length + 1} objects of the preview of pull request #7 at s3://${bucket}/site/previews/pr-7 would be removed`,
    );
    expect(await snapshot(server.client, bucket)).toEqual(before);

    const result = await cli(['--remove-preview', '7']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `✓ Removed the preview of pull request #7: ${files().length + 1} objects under s3://${bucket}/site/previews/pr-7`,
    );
    const after = await snapshot(server.client, bucket);
    expect(part(after, 'site/previews/pr-7/').size).toBe(0);
    expect(after).toEqual(part(before, 'site/previews/pr-7/', true));
    expect(part(after, 'site/previews/pr-70/').size).toBe(files().length + 1);

    // Removing it again finds nothing and succeeds: a removal cut short is finished by the next.
    const again = await cli(['--remove-preview', '7']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 objects');
  });

  it('refuses a build not made for the preview it would become, and a preview build as the site', async () => {
    const before = await snapshot(server.client, bucket);
    const cases: [string[], string][] = [
      [['--dir', site.outDir, '--preview', '7'], 'was built for /, not for /previews/pr-7/ where this preview is served'],
      [['--dir', previewBuild(8), '--preview', '7'], 'was built for /previews/pr-8/, not for /previews/pr-7/'],
      [
        ['--dir', previewBuild(7)],
        'is a preview build (BROADSHEET_PREVIEW, noindex on every page): deploy it with --preview, never as the site',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stderr).toContain('nothing was uploaded');
    }
    expect(await snapshot(server.client, bucket)).toEqual(before);
  });

  it('refuses a bad pull request number before touching the store', async () => {
    const before = await snapshot(server.client, bucket);
    for (const args of [
      ['--remove-preview', '../..'],
      ['--remove-preview', '0'],
      ['--preview', 'pr-7'],
      ['--remove-preview', '7/../../'],
    ]) {
      const result = await cli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('takes a pull request number such as 12');
    }
    expect(await snapshot(server.client, bucket)).toEqual(before);
  });

  it('refuses to remove anything but a preview folder', async () => {
    const before = await snapshot(server.client, bucket);
    const store = createS3Store({ bucket, endpoint: server.s3.endpoint, region: 'us-east-1', retry: { sleep: async () => {} } });
    for (const target of ['site', 'site/previews', 'site/previews/pr-7/x', 'site/previews/pr-07', 'site/previews/other']) {
      const attempt = removePreview({ target: parseTarget(`s3://${bucket}/${target}`), store });
      await expect(attempt, target).rejects.toThrow(DeployError);
      await expect(removePreview({ target: parseTarget(`s3://${bucket}/${target}`), store }), target).rejects.toThrow(
        /only a pull request's preview/,
      );
    }
    expect(await snapshot(server.client, bucket)).toEqual(before);
  });

  it('refuses to deploy a site whose build has a previews/ folder of its own', async () => {
    const dir = server.sampleCopy();
    mkdirSync(path.join(dir, 'previews/pr-7'), { recursive: true });
    writeFileSync(path.join(dir, 'previews/pr-7/index.html'), '<!doctype html><title>x</title>');
    const before = await snapshot(server.client, bucket);
    const result = await cli(['--dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("previews/pr-7/index.html would land in the folder of pull requests' previews");
    expect(await snapshot(server.client, bucket)).toEqual(before);
  });
});
