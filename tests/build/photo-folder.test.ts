/**
 * `public/images/` belongs to the photo renditions (src/integrations/photos.ts):
 * a build links exactly the planned files into `dist/images/` and removes the
 * rest, so a publisher's own files there would vanish. The build refuses to
 * start instead, and says what to do.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from '../helpers/content-fixture.ts';
import { buildProject, copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

let project: ProjectCopy;
let work: string;

beforeAll(() => {
  project = copyProject();
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-photo-folder-'));
  mkdirSync(path.join(project.root, 'public/images'));
  writeFileSync(path.join(project.root, 'public/images/house-style.png'), 'a file of the publisher');
});

afterAll(() => {
  project?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

it('refuses to build while public/images/ exists, naming the folder and what to do', () => {
  const build = buildProject(project.root, { contentDir: path.join(REPO, 'content'), cacheDir: path.join(work, 'cache'), outDir: path.join(work, 'dist'), now: '2026-11-28T12:00:00Z' });
  expect(build.status).not.toBe(0);
  expect(build.output).toContain('public/images/ is where the build publishes photo renditions; move its files to another folder of public/');
  expect(build.rendered).toBe(0);
});
