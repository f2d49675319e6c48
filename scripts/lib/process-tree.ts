/**
 * Memory and CPU time of a benchmarked step's whole process tree, sampled from /proc (Linux):
 * the build, its body renderers, the photo and search processes and Pagefind's binary.
 *
 * CPU time is summed from samples, each process's last one counting, not from what the
 * bench's own "children" times gain when the step ends: Linux adds a child's time to its
 * parent's only when the parent waits for it, and Pagefind's binary, stopped as the search
 * indexer exits, is waited for by init instead (a 10,000-article cold build's 111 CPU-seconds
 * by that count left out its 35 or so). A sample every 100 ms misses at most the last tenth
 * of a second of each process.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ, the unit of the times in /proc/<pid>/stat: 100 on every common platform. */
const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name, which may hold spaces and parentheses and so ends at the last ")". */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).trim().split(/\s+/);
}

/**
 * A process's own CPU seconds (user and system, all its threads; fields 14 and 15 of
 * /proc/<pid>/stat) and its start time (field 22), which tells a process from a later one
 * given the same pid.
 */
export function processTimes(stat: string): { cpuSeconds: number; started: string } {
  const fields = statFields(stat);
  // fields[0] is field 3 (state).
  const [utime, stime, started] = [Number(fields[11]), Number(fields[12]), fields[19]];
  if (!Number.isFinite(utime) || !Number.isFinite(stime) || started === undefined) throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  return { cpuSeconds: (utime + stime) / TICKS_PER_SECOND, started };
}

/** A process and its descendants, as /proc lists them now. */
export function processTree(pid: number): number[] {
  const found: number[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    try {
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
      found.push(current);
    } catch {
      // Exited between listing and reading.
    }
  }
  return found;
}

/** Resident memory of one process in kB; 0 once it has exited. */
function residentKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of a process and its descendants, in kB. */
export function treeRssKb(pid: number): number {
  let total = 0;
  for (const current of processTree(pid)) total += residentKb(current);
  return total;
}

/** Samples a process tree: the highest sum of resident memory, and the CPU time of every process seen. */
export class TreeSampler {
  peakKb = 0;
  readonly #cpu = new Map<string, number>();

  sample(pid: number): void {
    let rssKb = 0;
    for (const current of processTree(pid)) {
      rssKb += residentKb(current);
      try {
        const { cpuSeconds, started } = processTimes(readFileSync(`/proc/${current}/stat`, 'utf8'));
        this.#cpu.set(`${current}@${started}`, cpuSeconds);
      } catch {
        // Exited meanwhile.
      }
    }
    this.peakKb = Math.max(this.peakKb, rssKb);
  }

  /** CPU seconds of every process seen, each at its last sample. */
  get cpuSeconds(): number {
    let total = 0;
    for (const seconds of this.#cpu.values()) total += seconds;
    return total;
  }
}
