/**
 * node scripts/lib/bench-pagefind.ts <built-site-dir>
 *
 * The `pagefind` step of scripts/bench.ts: indexes an already built site with
 * the very function the build's integration runs. Pagefind does the work in
 * its own binary, a child process that the preloaded RSS hook
 * (report-peak-rss.cjs) cannot see, so this samples the child's high-water
 * mark (VmHWM, Linux) while it runs and records our peak plus the child's in
 * BENCH_RSS_FILE, the file the hook writes to.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { indexSite } from '../../src/integrations/pagefind.ts';

const siteDir = process.argv[2];
if (!siteDir || !existsSync(siteDir)) {
  console.error(`usage: node scripts/lib/bench-pagefind.ts <built-site-dir>${siteDir ? ` (${siteDir} does not exist; run the build step first)` : ''}`);
  process.exit(2);
}

/** Peak resident memory of each child process seen, in kB. */
const childPeaks = new Map<number, number>();
function sampleChildren(): void {
  let children: string[];
  try {
    children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    return;
  }
  for (const pid of children.map(Number)) {
    try {
      const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) childPeaks.set(pid, Math.max(childPeaks.get(pid) ?? 0, Number(hwm[1])));
    } catch {
      // The child exited between listing and reading.
    }
  }
}

// VmHWM only grows, so sampling misses at most the last interval's growth.
const sampler = setInterval(sampleChildren, 25);
const summary = await indexSite(siteDir);
clearInterval(sampler);

const childKb = [...childPeaks.values()].reduce((sum, kb) => sum + kb, 0);
console.log(`indexed ${summary.pageCount} of ${summary.scannedCount} pages; Pagefind binary peak RSS ${Math.round(childKb / 1024)} MB`);
if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS + childKb}\n`);
