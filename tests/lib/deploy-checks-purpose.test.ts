import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtFor, checkBuildPurpose } from '../../src/lib/deploy/checks.ts';
import { renderHeadersFile } from '../../src/lib/distribution/http-headers.ts';

const dirs: string[] = [];
/** A build folder holding only the `_headers` a build with these settings writes (or none). */
function buildWith(headers: Parameters<typeof renderHeadersFile>[0] | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-purpose-'));
  dirs.push(dir);
  if (headers) writeFileSync(path.join(dir, '_headers'), renderHeadersFile(headers));
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('what a build was made for', () => {
  it('reads the base and the preview flag from _headers', () => {
    expect(builtFor(buildWith({}))).toEqual({ base: '/', preview: false });
    expect(builtFor(buildWith({ base: '/previews/pr-12/', noindex: true }))).toEqual({ base: '/previews/pr-12/', preview: true });
    expect(builtFor(buildWith(undefined))).toBeUndefined();
  });

  it('lets a site build be the site, and a preview build of the right pull request be that preview', () => {
    expect(checkBuildPurpose(buildWith({}), undefined)).toEqual([]);
    expect(checkBuildPurpose(buildWith(undefined), undefined)).toEqual([]);
    expect(checkBuildPurpose(buildWith({ base: '/previews/pr-12/', noindex: true }), '/previews/pr-12/')).toEqual([]);
  });

  it('refuses a preview build as the site, and any other build as a preview', () => {
    expect(checkBuildPurpose(buildWith({ base: '/previews/pr-12/', noindex: true }), undefined).join()).toContain('is a preview build');
    expect(checkBuildPurpose(buildWith({}), '/previews/pr-12/').join()).toMatch(
      /was built for \/, not for \/previews\/pr-12\/.*is not a preview build/s,
    );
    expect(checkBuildPurpose(buildWith({ base: '/previews/pr-1/', noindex: true }), '/previews/pr-12/').join()).toContain(
      'was built for /previews/pr-1/, not for /previews/pr-12/',
    );
    expect(checkBuildPurpose(buildWith({ base: '/previews/pr-12/' }), '/previews/pr-12/').join()).toContain('is not a preview build');
    expect(checkBuildPurpose(buildWith(undefined), '/previews/pr-12/').join()).toContain('has no _headers');
  });
});
