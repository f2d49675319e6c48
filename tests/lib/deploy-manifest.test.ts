import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyManifest, parseManifest, scanSite, serializeManifest, sha256 } from '../../src/lib/deploy/manifest.ts';
import { checkBuildDirectory, checkPolicies } from '../../src/lib/deploy/checks.ts';
import { MANIFEST_PATH, objectKey, parseTarget, sitePathOf } from '../../src/lib/deploy/target.ts';
import { useTempSites } from '../helpers/temp-site.ts';

const tempSite = useTempSites('broadsheet-manifest-');

describe('scanSite', () => {
  it('hashes every file with its headers, paths with forward slashes, sorted', () => {
    const dir = tempSite({ 'index.html': '<p>home', '_astro/a.B1.css': 'p{}', 'x/index.html': 'x' });
    const { files, absolute } = scanSite(dir);
    expect(Object.keys(files)).toEqual(['_astro/a.B1.css', 'index.html', 'x/index.html']);
    expect(files['index.html']).toEqual({
      sha256: sha256(Buffer.from('<p>home')),
      size: 7,
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=0, s-maxage=300, must-revalidate',
    });
    expect(files['_astro/a.B1.css']?.cacheControl).toBe('public, max-age=31536000, immutable');
    expect(absolute['x/index.html']).toBe(path.join(dir, 'x/index.html'));
  });

  it('knows the article pages by their og:type', () => {
    const dir = tempSite({
      'index.html': '<head><meta property="og:type" content="website"></head>',
      'a/index.html': '<head><meta property="og:type" content="article"></head>',
      'latest/rail/index.html': '<ol><li><a href="/a/">A</a></li></ol>',
    });
    expect([...scanSite(dir).articles]).toEqual(['a/index.html']);
  });

  it('refuses symbolic links and the reserved .broadsheet folder', () => {
    const linked = tempSite({ 'index.html': 'a' });
    symlinkSync('/etc/hostname', path.join(linked, 'leak.txt'));
    expect(() => scanSite(linked)).toThrow(/leak\.txt is a symbolic link/);
    expect(() => scanSite(tempSite({ '.broadsheet/manifest.json': '{}' }))).toThrow(/reserved/);
  });
});

describe('manifest text', () => {
  const manifest = {
    version: 1 as const,
    deployedAt: '2026-11-28T12:00:00.000Z',
    commit: '0123456789abcdef0123456789abcdef01234567',
    runNumber: 58,
    files: { 'b.html': { sha256: 'a'.repeat(64), size: 1, contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache', etag: '"9b2f"' } },
    stale: { 'a.css': { sha256: 'b'.repeat(64), size: 2, contentType: 'text/css', cacheControl: 'no-cache', since: '2026-11-27T12:00:00.000Z' } },
  };

  it('round-trips, with stable ordering', () => {
    expect(parseManifest(serializeManifest(manifest))).toEqual(manifest);
    // Manifests written before ETags, commits and run numbers were recorded still read.
    const { commit: _c, runNumber: _r, ...older } = manifest;
    const { etag: _e, ...olderFile } = manifest.files['b.html'];
    expect(parseManifest(serializeManifest({ ...older, files: { 'b.html': olderFile } }))).toEqual({ ...older, files: { 'b.html': olderFile } });
    expect(serializeManifest(emptyManifest())).toBe('{\n "version": 1,\n "files": {},\n "stale": {}\n}\n');
  });

  it('refuses damaged manifests with the reason', () => {
    expect(() => parseManifest('{')).toThrow(/not JSON/);
    expect(() => parseManifest('{"version":2,"files":{},"stale":{}}')).toThrow(/version/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, commit: 'main' }))).toThrow(/commit/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, runNumber: 0 }))).toThrow(/runNumber/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, files: { 'b.html': { ...manifest.files['b.html'], sha256: 'xyz' } } }))).toThrow(
      /files\.b\.html\.sha256/,
    );
  });
});

describe('checks', () => {
  it('refuses a directory that is not a complete build', () => {
    expect(checkBuildDirectory(tempSite({ 'index.html': 'a', '404.html': 'b' }))).toEqual([]);
    expect(checkBuildDirectory(tempSite({ 'index.html': 'a' }))[0]).toMatch(/not a complete build: 404\.html is missing/);
    expect(checkBuildDirectory(tempSite({ 'x.txt': 'a' }))[0]).toMatch(/index\.html and 404\.html are missing/);
    expect(checkBuildDirectory('/nonexistent/dist')[0]).toMatch(/is not a directory/);
  });

  it('refuses HTML with an immutable policy', () => {
    const page = { sha256: 'a'.repeat(64), size: 1, contentType: 'text/html; charset=utf-8' };
    expect(checkPolicies({ 'a.html': { ...page, cacheControl: 'public, max-age=0, must-revalidate' } })).toEqual([]);
    expect(checkPolicies({ '_astro/a.html': { ...page, cacheControl: 'public, max-age=31536000, immutable' } })[0]).toMatch(
      /_astro\/a\.html: HTML must never be immutable/,
    );
    expect(checkPolicies({ 'page': { ...page, cacheControl: 'immutable' } })).toHaveLength(1);
  });
});

describe('targets', () => {
  it.each([
    ['s3://bucket', { bucket: 'bucket', prefix: '' }],
    ['s3://bucket/', { bucket: 'bucket', prefix: '' }],
    ['s3://my.bucket-1/site/prod/', { bucket: 'my.bucket-1', prefix: 'site/prod' }],
  ])('parses %s', (value, target) => {
    expect(parseTarget(value)).toEqual(target);
  });

  it.each([
    ['bucket/prefix', /must look like s3:\/\/bucket\/prefix/],
    ['s3://', /not a valid bucket name/],
    ['s3://Bucket/x', /not a valid bucket name/],
    ['s3://bucket/a//b', /empty, "\." or "\.\." segment/],
    ['s3://bucket/a/../b', /segment/],
  ])('refuses %s', (value, message) => {
    expect(() => parseTarget(value)).toThrow(message);
  });

  it('maps site paths to keys and back', () => {
    const target = parseTarget('s3://bbb/site');
    expect(objectKey(target, 'index.html')).toBe('site/index.html');
    expect(objectKey(target, MANIFEST_PATH)).toBe('site/.broadsheet/manifest.json');
    expect(sitePathOf(target, 'site/a/index.html')).toBe('a/index.html');
    expect(sitePathOf(target, 'site-old/a.html')).toBeUndefined();
    expect(objectKey(parseTarget('s3://bbb'), 'index.html')).toBe('index.html');
  });
});
