import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const LAUNCHER = path.join(REPO, 'scripts/astro.ts');
// Prints, as the process ends, the allocator setting Astro's process had.
const REPORT = `data:text/javascript,process.on('exit',()=>console.log('setting='+process.env.MIMALLOC_ARENA_EAGER_COMMIT))`;

function launch(env: Record<string, string | undefined>) {
  const { MIMALLOC_ARENA_EAGER_COMMIT: _, FORCE_COLOR: __, ...inherited } = process.env;
  // CI forces colour; Astro then wraps its name and version in escape codes.
  const result = spawnSync(process.execPath, ['--import', REPORT, LAUNCHER, '--version'], { cwd: REPO, encoding: 'utf8', env: { ...inherited, NO_COLOR: '1', ...env } });
  return { ...result, stdout: stripVTControlCharacters(result.stdout) };
}

describe('scripts/astro.ts (npm run build, dev and preview)', () => {
  it("runs Astro's command line with the bundler's allocator set not to commit its arena up front", () => {
    const result = launch({});
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/astro\s+v7\./);
    expect(result.stdout).toContain('setting=0');
  });

  it('leaves a value set in the shell alone', () => {
    const result = launch({ MIMALLOC_ARENA_EAGER_COMMIT: '1' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('setting=1');
  });
});
