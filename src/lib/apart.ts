/**
 * Work a build runs in a Node process of its own (the search indexer, the
 * photo renditions): its memory goes back to the system when it ends, and it
 * can run at a lower priority than the pages. The process reports on its
 * standard output as JSON and exits 0, or explains on its error output and
 * exits 1. It ends with the build: it stops when its standard input closes,
 * and is killed if the build's process exits first.
 */
import { spawn } from 'node:child_process';

/** How runApart names the work in its messages ("the search indexer") and the error it rejects with. */
export interface ApartWork {
  name: string;
  error: (message: string, options?: { cause: unknown }) => Error;
}

/** Runs `entry` (a script Node runs directly) with `args`; resolves with its report. */
export function runApart<Report>(entry: string, args: string[], work: ApartWork): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stop = () => child.kill();
    process.once('exit', stop);
    let output = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', (error) => {
      process.off('exit', stop);
      reject(work.error(`could not start ${work.name}: ${error.message}`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      process.off('exit', stop);
      if (code === 0) {
        try {
          resolve(JSON.parse(output) as Report);
        } catch {
          reject(work.error(`${work.name} ended without a report: ${JSON.stringify(output.slice(0, 200))}`));
        }
        return;
      }
      reject(work.error(errors.trim() || `${work.name} ${signal ? `was stopped by ${signal}` : `ended with exit code ${code}`}`));
    });
  });
}

/** The process's side of runApart: does `work`, reports its result and exits. */
export async function reportApart(work: () => Promise<unknown>): Promise<void> {
  // The build that started this process has ended (or died): nothing is left to work for.
  process.stdin.on('end', () => process.exit(1));
  process.stdin.resume();
  try {
    const report = await work();
    process.stdout.write(JSON.stringify(report), () => process.exit(0));
  } catch (error) {
    process.stderr.write(error instanceof Error ? error.message : String(error), () => process.exit(1));
  }
}
