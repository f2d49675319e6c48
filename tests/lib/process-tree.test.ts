import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processName, processTimes, processTree, TreeSampler } from '../../scripts/lib/process-tree.ts';

describe('processTimes', () => {
  it('reads utime and stime, in hundredths of a second, and the start time', () => {
    const stat = '4242 (node) S 1 4242 4242 0 -1 4194560 1200 3400 0 0 150 30 2345 655 20 0 11 0 987654 1000000 20000';
    expect(processTimes(stat)).toEqual({ cpuSeconds: 1.8, started: '987654' });
  });

  it('finds the fields after a command name with spaces and parentheses', () => {
    const stat = '7 (a (b) c) R 1 7 7 0 -1 0 0 0 0 0 250 100 3 4 20 0 1 0 55 0 0';
    expect(processTimes(stat)).toEqual({ cpuSeconds: 3.5, started: '55' });
  });

  it('refuses text that is not a stat line', () => {
    expect(() => processTimes('4242 (node) S 1')).toThrow(/not a \/proc\/<pid>\/stat line/);
  });
});

describe('processName', () => {
  it('names a Node process by the script it runs', () => {
    expect(processName('/work/node_modules/node/bin/node\0/work/src/markdown/render-process.ts\0{"siteUrl":"x"}\0/cache\0')).toBe('render-process.ts');
    expect(processName('node\0scripts/astro.ts\0build\0')).toBe('astro.ts');
  });

  it('names another program, or a Node process given only options, by the program', () => {
    expect(processName('/work/node_modules/@pagefind/linux-x64/bin/pagefind_extended\0--service\0')).toBe('pagefind_extended');
    expect(processName('/usr/bin/node\0-e\0while(1);\0')).toBe('node');
    expect(processName('')).toBe('?');
  });
});

// A parent that computes for 0.4 s of CPU time, then starts a child that computes for as long and waits for it.
const COMPUTE = 'const start = process.cpuUsage(); while (process.cpuUsage(start).user < 400_000);';
const PARENT = `${COMPUTE} const child = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(COMPUTE)}], { stdio: 'inherit' }); child.on('exit', () => process.exit(0));`;

describe.runIf(process.platform === 'linux')('TreeSampler', () => {
  it('counts the CPU time of a process and of its child, and finds the child in the tree', async () => {
    const parent = spawn(process.execPath, ['-e', PARENT], { stdio: 'inherit' });
    const sampler = new TreeSampler();
    let largestTree = 0;
    const timer = setInterval(() => {
      sampler.sample(parent.pid!);
      largestTree = Math.max(largestTree, processTree(parent.pid!).length);
    }, 20);
    await new Promise((resolve) => parent.on('exit', resolve));
    clearInterval(timer);
    expect(largestTree).toBe(2);
    // 0.8 s of computing and two starts of Node, counted once each; a loaded machine may delay the last samples.
    expect(sampler.cpuSeconds).toBeGreaterThanOrEqual(0.6);
    expect(sampler.cpuSeconds).toBeLessThan(2);
    expect(sampler.peakKb).toBeGreaterThan(10_000);
    // Both processes run `node -e`: one name, their times together.
    expect(sampler.cpuByProcess().map(([name]) => name)).toEqual(['node']);
    expect(sampler.cpuByProcess()[0]![1]).toBeCloseTo(sampler.cpuSeconds, 0);
    expect(sampler.peakByProcess()[0]![1]).toBeGreaterThan(10);
  });
});
