/**
 * The GitHub Actions workflows, read as data: what triggers them, what they may
 * do, and the order of their steps. GitHub cannot run here, so these are the
 * properties that must not drift: least privileges, no secret in command text,
 * a deploy that only ever follows validate, test and build, scheduled builds
 * for scheduled pieces, and a time limit on every job.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'timeout-minutes'?: number;
}

type Permissions = string | Record<string, string>;

interface Concurrency {
  group: string;
  'cancel-in-progress'?: boolean | string;
}

interface Job {
  name?: string;
  if?: string;
  'runs-on': string;
  'timeout-minutes'?: number;
  permissions?: Permissions;
  concurrency?: Concurrency | string;
  environment?: string | { name: string; url?: string };
  env?: Record<string, unknown>;
  steps: Step[];
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Permissions;
  concurrency?: Concurrency | string;
  env?: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const DIR = new URL('../../.github/workflows/', import.meta.url);

function load(file: string): { text: string; workflow: Workflow } {
  const text = readFileSync(new URL(file, DIR), 'utf8');
  const document = parseDocument(text);
  expect(document.errors, `${file}: YAML errors`).toEqual([]);
  expect(document.warnings, `${file}: YAML warnings`).toEqual([]);
  return { text, workflow: document.toJS() as Workflow };
}

const ci = load('ci.yml');
const deploy = load('deploy.yml');
const ALL = { 'ci.yml': ci, 'deploy.yml': deploy };

const jobsOf = (workflow: Workflow): [string, Job][] => Object.entries(workflow.jobs);
const stepsOf = (workflow: Workflow): Step[] => jobsOf(workflow).flatMap(([, job]) => job.steps);

/** Index of the first step whose command matches, or -1. */
function runIndex(steps: Step[], command: RegExp): number {
  return steps.findIndex((step) => typeof step.run === 'string' && command.test(step.run));
}

function usesIndex(steps: Step[], action: string): number {
  return steps.findIndex((step) => step.uses?.split('@')[0] === action);
}

/** Every string in a value, with its path (`jobs.deploy.steps.3.env.KEY`). */
function strings(value: unknown, at: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[at.join('.'), value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, [...at, String(index)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, [...at, key]));
  return [];
}

function concurrencyOf(workflow: Workflow, job: Job): Concurrency {
  const concurrency = job.concurrency ?? workflow.concurrency;
  if (concurrency === undefined) throw new Error('no concurrency group');
  return typeof concurrency === 'string' ? { group: concurrency } : concurrency;
}

/** Expands one cron field (`*`, `*\/15`, `7,22`, `0-30/10`) to its values. */
function cronField(field: string, min: number, max: number): number[] {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = min;
    let to = max;
    if (range !== '*') {
      const [a, b] = range!.split('-');
      from = Number(a);
      to = b === undefined ? (stepText === undefined ? from : max) : Number(b);
    }
    if (![from, to, step].every(Number.isInteger) || from < min || to > max || step < 1) throw new Error(`bad cron field ${field}`);
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

/** Minutes of the day at which a daily-repeating cron runs. */
function cronMinutesOfDay(cron: string): number[] {
  const fields = cron.trim().split(/\s+/);
  expect(fields, cron).toHaveLength(5);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  expect([dayOfMonth, month, dayOfWeek], `${cron}: runs every day`).toEqual(['*', '*', '*']);
  return cronField(hour, 0, 23).flatMap((h) => cronField(minute, 0, 59).map((m) => h * 60 + m));
}

describe('both workflows', () => {
  for (const [file, { workflow }] of Object.entries(ALL)) {
    describe(file, () => {
      it('grants the token read access to contents and nothing more at the top', () => {
        expect(workflow.permissions).toEqual({ contents: 'read' });
      });

      it('never grants write-all, read-all or more than a job needs', () => {
        for (const [name, job] of jobsOf(workflow)) {
          const permissions = job.permissions ?? workflow.permissions;
          expect(typeof permissions, `${name}: permissions are listed one by one`).toBe('object');
          for (const [scope, level] of Object.entries(permissions as Record<string, string>)) {
            if (level === 'write') expect(scope, `${name}: only the OIDC token is writable`).toBe('id-token');
            else expect(level, `${name}.${scope}`).toMatch(/^(read|none)$/);
          }
        }
      });

      it('sets a time limit on every job', () => {
        for (const [name, job] of jobsOf(workflow)) {
          expect(job['timeout-minutes'], name).toBeTypeOf('number');
          expect(job['timeout-minutes'], name).toBeGreaterThan(0);
          expect(job['timeout-minutes'], name).toBeLessThanOrEqual(60);
        }
      });

      it('pins every action to a major version', () => {
        for (const step of stepsOf(workflow).filter((s) => s.uses)) {
          expect(step.uses, step.name).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
        }
      });

      it('checks out without leaving the token in .git/config', () => {
        const checkout = stepsOf(workflow).find((step) => step.uses?.startsWith('actions/checkout@'));
        expect(checkout?.with?.['persist-credentials']).toBe(false);
      });

      it('keeps expressions, secrets above all, out of command text', () => {
        for (const step of stepsOf(workflow).filter((s) => s.run !== undefined)) {
          expect(step.run, step.name).not.toContain('${{');
          expect(step.run, step.name).not.toMatch(/secrets\./);
        }
      });

      it('hands secrets only to the step that needs them, through env or an action input', () => {
        for (const [where, value] of strings(workflow)) {
          if (!/secrets\./.test(value)) continue;
          expect(where, value).toMatch(/^jobs\.[^.]+\.steps\.\d+\.(env|with)\.[^.]+$/);
        }
      });

      it('installs with npm ci on Node 22, then restores the Astro caches', () => {
        const steps = jobsOf(workflow)[0]![1].steps;
        const setup = steps[usesIndex(steps, 'actions/setup-node')];
        expect(String(setup?.with?.['node-version'])).toBe('22');
        const install = runIndex(steps, /^npm ci\b/);
        const cache = usesIndex(steps, 'actions/cache');
        expect(install).toBeGreaterThan(-1);
        // npm ci empties node_modules/, so a cache restored before it would be lost.
        expect(cache).toBeGreaterThan(install);
        const options = steps[cache]!.with!;
        expect(options.path).toBe('node_modules/.astro');
        expect(options.key).toContain("hashFiles('package-lock.json')");
        expect(options.key).toMatch(/hashFiles\('content\/\*\*'/);
        const restoreKeys = String(options['restore-keys']).trim().split('\n');
        for (const key of restoreKeys) expect(key, 'fallbacks stay within one lockfile').toContain("hashFiles('package-lock.json')");
      });

      it('points the browser tests at an installed browser', () => {
        expect(workflow.env?.CHROMIUM_PATH).toMatch(/^\/usr\/bin\//);
        const steps = jobsOf(workflow)[0]![1].steps;
        const check = runIndex(steps, /"\$CHROMIUM_PATH" --version/);
        expect(check).toBeGreaterThan(-1);
        expect(check).toBeLessThan(runIndex(steps, /^npm test\b/m));
      });

      it('validates, tests and builds, in that order', () => {
        const steps = jobsOf(workflow)[0]![1].steps;
        const validate = runIndex(steps, /^npm run validate\b/m);
        const test = runIndex(steps, /^npm test\b/m);
        const build = runIndex(steps, /^npm run build\b/m);
        expect(validate).toBeGreaterThan(-1);
        expect(test).toBeGreaterThan(validate);
        expect(build).toBeGreaterThan(test);
      });
    });
  }

  it('use the same major version of each action', () => {
    const versions = new Map<string, Set<string>>();
    for (const { workflow } of Object.values(ALL)) {
      for (const step of stepsOf(workflow).filter((s) => s.uses)) {
        const [action, version] = step.uses!.split('@') as [string, string];
        versions.set(action, (versions.get(action) ?? new Set()).add(version));
      }
    }
    for (const [action, seen] of versions) expect([...seen], action).toHaveLength(1);
  });
});

describe('ci.yml', () => {
  const { workflow, text } = ci;
  const [, job] = jobsOf(workflow)[0]!;

  it('runs on pull requests, never on main or a schedule', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on).not.toHaveProperty('schedule');
    const push = workflow.on.push as { branches?: string[] } | null | undefined;
    if (push !== undefined) expect(push?.branches ?? [], 'main is deploy.yml’s').not.toContain('main');
  });

  it('cancels the run of a pull request’s superseded commit', () => {
    const concurrency = concurrencyOf(workflow, job);
    expect(concurrency.group).toContain('github.event.pull_request.number');
    expect(concurrency['cancel-in-progress']).toBe(true);
  });

  it('uploads the built dist/ for a few days, after the build', () => {
    const upload = usesIndex(job.steps, 'actions/upload-artifact');
    expect(upload).toBeGreaterThan(runIndex(job.steps, /^npm run build\b/m));
    const options = job.steps[upload]!.with!;
    expect(options.path).toMatch(/^dist\/?$/);
    expect(options['retention-days']).toBeGreaterThanOrEqual(1);
    expect(options['retention-days']).toBeLessThanOrEqual(7);
    expect(options['if-no-files-found']).toBe('error');
  });

  it('uses no credentials and no deployment environment', () => {
    expect(text).not.toMatch(/secrets\.|aws-actions\/|id-token/);
    expect(job.environment).toBeUndefined();
  });
});

describe('deploy.yml', () => {
  const { workflow } = deploy;
  const jobs = jobsOf(workflow);
  const [, job] = jobs[0]!;
  const steps = job.steps;

  it('is one job, so that the site deployed is the one just tested and built', () => {
    expect(jobs).toHaveLength(1);
  });

  it('runs on push to main, on a schedule and by hand', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    const schedule = workflow.on.schedule as { cron: string }[];
    expect(schedule.length).toBeGreaterThan(0);
  });

  it('builds at least hourly and at most every 5 minutes, so scheduled pieces appear on time', () => {
    const schedule = workflow.on.schedule as { cron: string }[];
    const runs = [...new Set(schedule.flatMap(({ cron }) => cronMinutesOfDay(cron)))].sort((a, b) => a - b);
    expect(runs.length).toBeGreaterThanOrEqual(24);
    expect(runs.length).toBeLessThanOrEqual(288);
    const gaps = runs.map((minute, index) => (runs[index + 1] ?? runs[0]! + 24 * 60) - minute);
    expect(Math.max(...gaps), 'longest wait between scheduled builds, minutes').toBeLessThanOrEqual(60);
  });

  it('builds with the real clock: BROADSHEET_NOW is never set', () => {
    for (const [where, value] of strings(workflow)) {
      expect(where).not.toMatch(/(^|\.)BROADSHEET_NOW$/);
      expect(value, where).not.toMatch(/BROADSHEET_NOW=/);
    }
  });

  it('never cancels a deploy in progress, and queues all deploys in one group', () => {
    const concurrency = concurrencyOf(workflow, job);
    expect(concurrency['cancel-in-progress']).toBe(false);
    expect(concurrency.group, 'one group for every trigger and branch').not.toContain('${{');
  });

  it('deploys main only, through a protected environment', () => {
    const environment = typeof job.environment === 'string' ? job.environment : job.environment?.name;
    expect(environment).toBe('production');
    expect(job.if).toContain("github.ref == 'refs/heads/main'");
  });

  // OIDC is the default; the README's documented alternative hands access keys to
  // the deploy step instead. Either way no other step sees credentials.
  const credentials = usesIndex(steps, 'aws-actions/configure-aws-credentials');
  const oidc = credentials > -1;

  it('asks for read access, plus an OIDC token only when it uses one', () => {
    expect(job.permissions).toEqual(oidc ? { contents: 'read', 'id-token': 'write' } : { contents: 'read' });
  });

  it('validates, tests and builds before credentials exist, and deploys last', () => {
    const validate = runIndex(steps, /^npm run validate\b/m);
    const test = runIndex(steps, /^npm test\b/m);
    const build = runIndex(steps, /^npm run build\b/m);
    const deployStep = runIndex(steps, /^\s*npm run deploy -- /m);
    expect(validate).toBeGreaterThan(-1);
    expect(test).toBeGreaterThan(validate);
    expect(build).toBeGreaterThan(test);
    expect(deployStep).toBeGreaterThan(build);
    expect(deployStep).toBe(steps.length - 1);
    if (oidc) expect(credentials, 'credentials come after the build, right before the deploy').toBe(deployStep - 1);
    for (const step of steps.slice(0, deployStep)) {
      expect(step.if, `${step.name}: no step before the deploy is skipped or forced`).toBeUndefined();
    }
  });

  it(oidc ? 'takes the role and region from variables' : 'hands the access keys to the deploy step', () => {
    if (oidc) {
      const options = steps[credentials]!.with!;
      expect(options['role-to-assume']).toBe('${{ vars.AWS_ROLE_ARN }}');
      expect(options['aws-region']).toBe('${{ vars.AWS_REGION }}');
    } else {
      const env = steps.at(-1)!.env!;
      expect(env.AWS_ACCESS_KEY_ID).toBe('${{ secrets.AWS_ACCESS_KEY_ID }}');
      expect(env.AWS_SECRET_ACCESS_KEY).toBe('${{ secrets.AWS_SECRET_ACCESS_KEY }}');
    }
  });

  it('keeps AWS credentials out of every env block but the deploy step’s', () => {
    const deployEnv = `jobs.${jobs[0]![0]}.steps.${steps.length - 1}.env.`;
    for (const [where] of strings(workflow)) {
      if (/\.env\.AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$/.test(where)) expect(where.startsWith(deployEnv), where).toBe(true);
    }
  });

  it('gives the deploy its target through env and quotes it in the command', () => {
    const step = steps.at(-1)!;
    expect(step.env?.DEPLOY_TARGET).toBe('${{ vars.DEPLOY_TARGET }}');
    expect(step.env?.DEPLOY_ENDPOINT).toBe('${{ vars.DEPLOY_ENDPOINT }}');
    expect(step.run).toContain('--target "$DEPLOY_TARGET"');
    expect(step['timeout-minutes']).toBeGreaterThan(0);
  });

  it('fails fast when a setting is missing, before the long steps', () => {
    expect(runIndex(steps, /DEPLOY_TARGET\b.*\bAWS_REGION\b/)).toBe(0);
  });
});
