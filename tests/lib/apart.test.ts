import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runApart } from '../../src/lib/apart.ts';

const APART = fileURLToPath(new URL('../../src/lib/apart.ts', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'apart-'));

function script(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `import { reportApart } from ${JSON.stringify(APART)};\n${body}\n`);
  return file;
}

class WorkError extends Error {}
const work = { name: 'the test work', error: (message: string, options?: { cause: unknown }) => new WorkError(message, options) };

describe('runApart and reportApart', () => {
  it('resolves with what the process reports, given its arguments', async () => {
    const entry = script('ok.ts', 'await reportApart(async () => ({ args: process.argv.slice(2) }));');
    await expect(runApart(entry, ['a', 'b c'], work)).resolves.toEqual({ args: ['a', 'b c'] });
  });

  it('rejects with the reason the process gives', async () => {
    const entry = script('fails.ts', "await reportApart(async () => { throw new Error('the plan is missing; build again'); });");
    await expect(runApart(entry, [], work)).rejects.toThrow(new WorkError('the plan is missing; build again'));
  });

  it('names the work when the process ends without a report or cannot run', async () => {
    const silent = script('silent.ts', 'process.exit(0);');
    await expect(runApart(silent, [], work)).rejects.toThrow(/^the test work ended without a report: ""$/);
    const dies = script('dies.ts', 'process.exit(3);');
    await expect(runApart(dies, [], work)).rejects.toThrow(/^the test work ended with exit code 3$/);
    await expect(runApart(path.join(dir, 'missing.ts'), [], work)).rejects.toThrow(/missing\.ts/);
  });

  it('stops the process when its standard input closes', async () => {
    // A process that would wait forever ends once runApart's side of the pipe is gone.
    const entry = script('waits.ts', 'setTimeout(() => {}, 1e9); await reportApart(() => new Promise(() => {}));');
    const child = spawn(process.execPath, [entry], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin.end();
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
  });
});
