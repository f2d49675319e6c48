import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeBlocking } from '../../src/integrations/complete-log.ts';

const CHATTY = fileURLToPath(new URL('../fixtures/complete-log/chatty.ts', import.meta.url));

/** Runs the chatty fixture with its output to a socket that is read only after a pause, as a busy reader would. */
function linesReceived(mode: 'blocking' | 'default'): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHATTY, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.pause();
    setTimeout(() => child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).resume(), 300);
    child.on('error', reject);
    child.on('close', () => resolve(text.split('\n').filter(Boolean).length));
  });
}

describe('a build log read by a slow reader', () => {
  it('arrives whole when writes block, although the process exits at once', async () => {
    expect(await linesReceived('blocking')).toBe(200_000);
  });

  it('loses its end without them (what the build used to do)', async () => {
    expect(await linesReceived('default')).toBeLessThan(200_000);
  });

  it('leaves terminals and streams without a handle alone', () => {
    let called = false;
    const handle = { setBlocking: (blocking: boolean) => (called = blocking) };
    expect(writeBlocking({ isTTY: true, _handle: handle })).toBe(false);
    expect(writeBlocking({})).toBe(false);
    expect(writeBlocking({ _handle: handle })).toBe(true);
    expect(called).toBe(true);
  });
});
