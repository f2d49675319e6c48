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

/**
 * What a process is, from /proc/<pid>/cmdline (arguments separated by NUL): the script a Node
 * process runs ("astro.ts", "render-process.ts"), or the program's name ("pagefind_extended").
 */
export function processName(cmdline: string): string {
  const [program = '', script] = cmdline.split('\0');
  const base = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  return base(program) === 'node' && script && !script.startsWith('-') ? base(script) : base(program) || '?';
}

/** Amounts by process name, largest first, rounded. */
function byName(amounts: Iterable<[string, number]>, scale: number): [string, number][] {
  const sums = new Map<string, number>();
  for (const [name, amount] of amounts) sums.set(name, (sums.get(name) ?? 0) + amount);
  return [...sums].map(([name, amount]): [string, number] => [name, Math.round((amount / scale) * 10) / 10]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * Samples a process tree: the highest sum of resident memory and what each process held then,
 * and the CPU time of every process seen.
 */
export class TreeSampler {
  peakKb = 0;
  #peakParts: [string, number][] = [];
  readonly #cpu = new Map<string, { name: string; seconds: number }>();

  sample(pid: number): void {
    const parts: [string, number][] = [];
    for (const current of processTree(pid)) {
      try {
        const { cpuSeconds, started } = processTimes(readFileSync(`/proc/${current}/stat`, 'utf8'));
        const key = `${current}@${started}`;
        // Read at every sample: a process just started may not have its own command line yet (an empty one, or its parent's before it runs its program).
        const named = processName(readFileSync(`/proc/${current}/cmdline`, 'utf8'));
        const name = named === '?' ? (this.#cpu.get(key)?.name ?? named) : named;
        this.#cpu.set(key, { name, seconds: cpuSeconds });
        parts.push([name, residentKb(current)]);
      } catch {
        // Exited meanwhile.
      }
    }
    const rssKb = parts.reduce((sum, [, kb]) => sum + kb, 0);
    if (rssKb > this.peakKb) [this.peakKb, this.#peakParts] = [rssKb, parts];
  }

  /** CPU seconds of every process seen, each at its last sample. */
  get cpuSeconds(): number {
    let total = 0;
    for (const { seconds } of this.#cpu.values()) total += seconds;
    return total;
  }

  /** CPU seconds by process name (the body renderers' together), largest first. */
  cpuByProcess(): [string, number][] {
    return byName([...this.#cpu.values()].map(({ name, seconds }): [string, number] => [name, seconds]), 1);
  }

  /** Resident memory in MB by process name at the peak, largest first. */
  peakByProcess(): [string, number][] {
    return byName(this.#peakParts, 1024);
  }
}
