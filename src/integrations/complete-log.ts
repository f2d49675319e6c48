/**
 * Astro ends a build with `process.exit()`, which drops whatever output is
 * still queued in Node. When the output is a pipe or socket whose reader falls
 * behind (a CI runner, a script that spawned the build), a build that logs
 * 67,000 page lines queues them faster than they are read, and the end of the
 * log went missing, summary and all (at 50,000 articles, spawned from Node: the
 * log stopped after 26,265 of 67,562 pages, and the build had succeeded).
 * Blocking writes hand each line to the reader before the next is logged.
 */
import type { AstroIntegration } from 'astro';

/** Node's own handle of a standard stream: `setBlocking` exists on pipes and sockets. */
type StreamWithHandle = { isTTY?: boolean; _handle?: { setBlocking?: (blocking: boolean) => unknown } };

export function writeBlocking(stream: StreamWithHandle): boolean {
  if (stream.isTTY) return false;
  const setBlocking = stream._handle?.setBlocking;
  if (typeof setBlocking !== 'function') return false;
  setBlocking.call(stream._handle, true);
  return true;
}

export default function completeLog(): AstroIntegration {
  return {
    name: 'broadsheet-complete-log',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        writeBlocking(process.stdout as unknown as StreamWithHandle);
        writeBlocking(process.stderr as unknown as StreamWithHandle);
      },
    },
  };
}
