// Preloaded into benchmarked processes (NODE_OPTIONS=--require): records the
// process's peak resident memory when it exits, for scripts/bench.ts.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
