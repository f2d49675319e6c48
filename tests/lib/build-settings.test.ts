import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNow, buildSettings, cacheDir, contentDir, publicDir } from '../../src/lib/build-settings.ts';

describe('build settings', () => {
  const cwd = path.resolve('/srv/paper');

  it('puts content, public files and caches under the working directory by default', () => {
    expect(buildSettings({}, cwd)).toEqual({
      contentDir: path.join(cwd, 'content'),
      publicDir: path.join(cwd, 'public'),
      cacheDir: path.join(cwd, 'node_modules/.astro'),
    });
  });

  it('takes each folder from its variable, relative to the working directory or absolute', () => {
    const env = { BROADSHEET_CONTENT_DIR: '../archive/content', BROADSHEET_PUBLIC_DIR: '/data/public', BROADSHEET_CACHE_DIR: '.cache' };
    expect(contentDir(env, cwd)).toBe(path.resolve(cwd, '../archive/content'));
    expect(publicDir(env, cwd)).toBe(path.resolve('/data/public'));
    expect(cacheDir(env, cwd)).toBe(path.join(cwd, '.cache'));
  });

  it('reads the public folder from its own variable, never from beside the content folder', () => {
    expect(publicDir({ BROADSHEET_CONTENT_DIR: '/elsewhere/content' }, cwd)).toBe(path.join(cwd, 'public'));
  });

  it('treats an empty variable as unset', () => {
    expect(contentDir({ BROADSHEET_CONTENT_DIR: '' }, cwd)).toBe(path.join(cwd, 'content'));
  });

  it('pins the clock with BROADSHEET_NOW and refuses a value that is not a date', () => {
    expect(buildNow({ BROADSHEET_NOW: '2026-03-01T12:00:00Z' }).toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(() => buildNow({ BROADSHEET_NOW: 'next tuesday' })).toThrow('BROADSHEET_NOW="next tuesday" is not a date; use an ISO date-time');
    const before = Date.now();
    expect(buildNow({}).getTime()).toBeGreaterThanOrEqual(before);
  });
});
