/**
 * The GitHub Actions workflows, read as data: what triggers them, what they may
 * do, and the order of their steps. GitHub cannot run here, so these are the
 * properties that must not drift: least privileges (an OIDC token only in the
 * job that deploys, where nothing but the deploy runs), actions that handle
 * credentials or the site pinned to full commits, no secret in command text, a
 * deploy that only ever follows validate, test and build, scheduled builds for
 * scheduled pieces, and a time limit on every job.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';

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
  needs?: string | string[];
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
  const warnings: string[] = [];
  // A YAML error throws; the core schema reads `on:` as a key, as GitHub does (YAML 1.2).
  const workflow = yaml.load(text, { schema: yaml.CORE_SCHEMA, onWarning: (warning) => warnings.push(warning.message) }) as Workflow;
  expect(warnings, `${file}: YAML warnings`).toEqual([]);
  return { text, workflow };
}

const ci = load('ci.yml');
const deploy = load('deploy.yml');
const ALL = { 'ci.yml': ci, 'deploy.yml': deploy };
const newsletter = load('newsletter.yml');
const preview = load('preview.yml');
/** Every workflow, the newsletter's (which tests and builds no site) and the previews' (built, not tested: ci.yml tests) included. */
const EVERY = { ...ALL, 'newsletter.yml': newsletter, 'preview.yml': preview };

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

/** The job that runs the tests: where dependencies' install scripts and the build run. */
function testJob(workflow: Workflow): [string, Job] {
  const found = jobsOf(workflow).find(([, job]) => runIndex(job.steps, /^npm test\b/m) > -1);
  if (!found) throw new Error('no job runs npm test');
  return found;
}

function canRequestOidc(job: Job): boolean {
  return typeof job.permissions === 'object' && job.permissions['id-token'] === 'write';
}

/** Actions that carry the built site from job to job or out of the run. */
const SITE_CARRIERS = new Set(['actions/upload-artifact', 'actions/download-artifact']);

interface Pin {
  action: string;
  ref: string;
  /** The release named in the comment beside a commit pin. */
  release?: string;
}

/** Every `uses:` line of a workflow's text, as written, comment included (YAML parsing drops comments). */
function pinsIn(text: string): Pin[] {
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*([\w.-]+\/[\w.-]+)@(\S+)(?:\s+#\s*(.*))?$/gm)].map((match) => ({
    action: match[1]!,
    ref: match[2]!,
    ...(match[3] !== undefined ? { release: match[3].trim() } : {}),
  }));
}

const COMMIT_PIN = /^[0-9a-f]{40}$/;
const MAJOR_TAG = /^v\d+$/;
const RELEASE = /^v\d+\.\d+\.\d+$/;

/** The major version a pin stands for: its tag, or the release beside its commit. */
function majorOf(pin: Pin): string {
  return (COMMIT_PIN.test(pin.ref) ? pin.release : pin.ref)?.match(/^v\d+/)?.[0] ?? '?';
}

/**
 * What a concurrency group of the form `${{ inputs.dry_run && 'A' || 'B' }}`
 * (or a plain name) evaluates to for a dry run and for every other run.
 */
function groupsOf(group: string): { dryRun: string; otherwise: string } {
  if (!group.includes('${{')) return { dryRun: group, otherwise: group };
  const match = /^\$\{\{\s*inputs\.dry_run\s*&&\s*'([^']+)'\s*\|\|\s*'([^']+)'\s*\}\}$/.exec(group);
  if (!match) throw new Error(`unexpected concurrency group ${group}`);
  return { dryRun: match[1]!, otherwise: match[2]! };
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
  for (const [file, { workflow, text }] of Object.entries(ALL)) {
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

      it('never lets the job that installs, tests and builds request an OIDC token', () => {
        const [name, job] = testJob(workflow);
        expect(canRequestOidc(job), name).toBe(false);
        expect(job.environment, `${name}: no deployment environment, so no environment secrets`).toBeUndefined();
      });

      it('sets a time limit on every job', () => {
        for (const [name, job] of jobsOf(workflow)) {
          expect(job['timeout-minutes'], name).toBeTypeOf('number');
          expect(job['timeout-minutes'], name).toBeGreaterThan(0);
          expect(job['timeout-minutes'], name).toBeLessThanOrEqual(60);
        }
      });

      it('pins to a full commit, its release named beside it, every action that runs where an OIDC token can be requested or carries the site', () => {
        const pins = pinsIn(text);
        expect(pins).toHaveLength(stepsOf(workflow).filter((step) => step.uses).length);
        const inTokenJobs = new Set(
          jobsOf(workflow)
            .filter(([, job]) => canRequestOidc(job))
            .flatMap(([, job]) => job.steps.map((step) => step.uses).filter(Boolean)),
        );
        for (const pin of pins) {
          const uses = `${pin.action}@${pin.ref}`;
          const mustPin = inTokenJobs.has(uses) || SITE_CARRIERS.has(pin.action) || pin.action.startsWith('aws-actions/');
          if (mustPin || COMMIT_PIN.test(pin.ref)) {
            expect(pin.ref, `${uses}: a full commit`).toMatch(COMMIT_PIN);
            expect(pin.release, `${uses}: the release it is, as a comment`).toMatch(RELEASE);
          } else {
            expect(pin.ref, `${uses}: a major version`).toMatch(MAJOR_TAG);
          }
        }
      });

      it('checks out without leaving the token in .git/config', () => {
        const checkouts = stepsOf(workflow).filter((step) => step.uses?.startsWith('actions/checkout@'));
        expect(checkouts.length).toBeGreaterThan(0);
        for (const checkout of checkouts) expect(checkout.with?.['persist-credentials']).toBe(false);
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
        const [, job] = testJob(workflow);
        const steps = job.steps;
        const setup = steps[usesIndex(steps, 'actions/setup-node')];
        expect(String(setup?.with?.['node-version'])).toBe('22');
        const install = runIndex(steps, /^npm ci\b/);
        const cache = usesIndex(steps, 'actions/cache');
        expect(install).toBeGreaterThan(-1);
        // npm ci empties node_modules/, so a cache restored before it would be lost.
        expect(cache).toBeGreaterThan(install);
        const options = steps[cache]!.with!;
        expect(options.path).toBe('node_modules/.astro');
        const code = "hashFiles('package-lock.json', 'astro.config.mjs', 'src/**')";
        expect(options.key).toContain(code);
        expect(options.key).toMatch(/hashFiles\('content\/\*\*'/);
        const restoreKeys = String(options['restore-keys']).trim().split('\n');
        // A content change falls back to the last cache of the same code; a dependency or template change starts clean.
        for (const key of restoreKeys) expect(key, 'fallbacks stay within one lockfile and one version of the code').toContain(code);
        for (const key of restoreKeys) expect(key).not.toMatch(/content/);
      });

      it('points the browser tests at an installed browser', () => {
        const [, job] = testJob(workflow);
        expect(job.env?.CHROMIUM_PATH ?? workflow.env?.CHROMIUM_PATH).toMatch(/^\/usr\/bin\//);
        const check = runIndex(job.steps, /"\$CHROMIUM_PATH" --version/);
        expect(check).toBeGreaterThan(-1);
        expect(check).toBeLessThan(runIndex(job.steps, /^npm test\b/m));
      });

      it('validates, tests and builds, in that order, and attaches exactly dist/ after the build', () => {
        const [, job] = testJob(workflow);
        const steps = job.steps;
        const validate = runIndex(steps, /^npm run validate\b/m);
        const test = runIndex(steps, /^npm test\b/m);
        const build = runIndex(steps, /^npm run build\b/m);
        expect(validate).toBeGreaterThan(-1);
        expect(test).toBeGreaterThan(validate);
        expect(build).toBeGreaterThan(test);
        const upload = usesIndex(steps, 'actions/upload-artifact');
        expect(upload).toBeGreaterThan(build);
        const options = steps[upload]!.with!;
        expect(options.name).toBe('site');
        expect(options.path).toMatch(/^dist\/?$/);
        // upload-artifact leaves hidden files out unless asked: public/.well-known/ would go missing.
        expect(options['include-hidden-files']).toBe(true);
        expect(options['if-no-files-found']).toBe('error');
        expect(options['retention-days']).toBeGreaterThanOrEqual(1);
        expect(options['retention-days']).toBeLessThanOrEqual(7);
      });
    });
  }

  it('use the same major version of each action in every workflow, and the same commit wherever one is pinned', () => {
    const majors = new Map<string, Set<string>>();
    const commits = new Map<string, Set<string>>();
    for (const { text } of Object.values(EVERY)) {
      for (const pin of pinsIn(text)) {
        majors.set(pin.action, (majors.get(pin.action) ?? new Set()).add(majorOf(pin)));
        if (COMMIT_PIN.test(pin.ref)) commits.set(`${pin.action} ${pin.release}`, (commits.get(`${pin.action} ${pin.release}`) ?? new Set()).add(pin.ref));
      }
    }
    for (const [action, seen] of majors) expect([...seen], action).toHaveLength(1);
    for (const [release, seen] of commits) expect([...seen], release).toHaveLength(1);
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

  it('keeps the built dist/ for a few days, for reviewers', () => {
    expect(jobsOf(workflow)).toHaveLength(1);
    const upload = job.steps[usesIndex(job.steps, 'actions/upload-artifact')]!;
    expect(upload.with?.['retention-days']).toBeGreaterThanOrEqual(3);
  });

  it('uses no credentials and no deployment environment', () => {
    expect(text).not.toMatch(/secrets\.|aws-actions\/|id-token/);
    expect(job.environment).toBeUndefined();
  });
});

describe('deploy.yml', () => {
  const { workflow } = deploy;
  const jobs = jobsOf(workflow);
  const [buildName, build] = testJob(workflow);
  const deployEntry = jobs.find(([, job]) => runIndex(job.steps, /^\s*npm run deploy -- /m) > -1);
  if (!deployEntry) throw new Error('no job runs npm run deploy');
  const [deployName, job] = deployEntry;
  const steps = job.steps;
  // OIDC is the default; the README's documented alternative hands access keys to
  // the deploy step instead. Either way no other step sees credentials.
  const credentials = usesIndex(steps, 'aws-actions/configure-aws-credentials');
  const oidc = credentials > -1;
  const deployStep = runIndex(steps, /^\s*npm run deploy -- /m);

  it('is two jobs: one that validates, tests and builds, and one that only deploys what it built', () => {
    expect(jobs).toHaveLength(2);
    expect(deployName).not.toBe(buildName);
    expect([job.needs].flat()).toEqual([buildName]);
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

  it('builds with a read-only token, no environment and no credentials', () => {
    expect(build.permissions).toEqual({ contents: 'read' });
    expect(build.environment).toBeUndefined();
    expect(build.steps.some((step) => step.uses?.startsWith('aws-actions/'))).toBe(false);
    expect(strings(build).filter(([, value]) => /secrets\.|vars\.AWS_|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/.test(value))).toEqual([]);
  });

  it('asks for read access in the deploy job, plus an OIDC token only when it uses one', () => {
    expect(job.permissions).toEqual(oidc ? { contents: 'read', 'id-token': 'write' } : { contents: 'read' });
  });

  it('runs nothing in the deploy job but the settings check, an install without scripts, the download and the deploy', () => {
    const allowedActions = ['actions/checkout', 'actions/setup-node', 'actions/download-artifact', 'aws-actions/configure-aws-credentials'];
    for (const step of steps) {
      if (step.uses) expect(allowedActions, step.name).toContain(step.uses.split('@')[0]);
      else expect(step.run, step.name).toBeDefined();
    }
    const commands = steps.filter((step) => step.run !== undefined).map((step) => step.run!);
    expect(commands).toHaveLength(3);
    expect(commands[0], 'the settings check').toMatch(/DEPLOY_TARGET\b.*\bAWS_REGION\b/);
    expect(commands[0]).not.toMatch(/\bnpm\b|\bnode\b|\bnpx\b/);
    expect(commands[1]!.trim()).toMatch(/^npm ci\b(?=.*\s--ignore-scripts\b)(?=.*\s--omit=dev\b).*$/);
    expect(commands[2]).toMatch(/^\s*npm run deploy -- /m);
    expect(runIndex(steps, /\bnpm (test|run (build|validate))\b/)).toBe(-1);
  });

  it('deploys the artifact the build job made, downloaded into dist/ before any credential exists', () => {
    const download = usesIndex(steps, 'actions/download-artifact');
    expect(download).toBeGreaterThan(-1);
    expect(steps[download]!.with).toMatchObject({ name: 'site', path: 'dist/' });
    expect(deployStep).toBe(steps.length - 1);
    if (oidc) {
      expect(credentials, 'credentials come right before the deploy').toBe(deployStep - 1);
      expect(download).toBeLessThan(credentials);
    }
    for (const step of steps.slice(0, deployStep)) {
      expect(step.if, `${step.name}: no step before the deploy is skipped or forced`).toBeUndefined();
    }
  });

  it('deploys main only, through a protected environment', () => {
    const environment = typeof job.environment === 'string' ? job.environment : job.environment?.name;
    expect(environment).toBe('production');
    expect(job.if).toContain("github.ref == 'refs/heads/main'");
    expect(build.if).toContain("github.ref == 'refs/heads/main'");
  });

  it('queues real deploys in one group at job level, never cancelled, with dry runs in a group of their own', () => {
    expect(workflow.concurrency, 'a workflow-level group would let a dry run or a skipped run replace a pending deploy').toBeUndefined();
    expect(build.concurrency, 'builds run freely; deploys are ordered by run number').toBeUndefined();
    const concurrency = concurrencyOf(workflow, job);
    expect(concurrency['cancel-in-progress']).toBe(false);
    const { dryRun, otherwise } = groupsOf(concurrency.group);
    expect(otherwise).toBe('deploy-production');
    expect(dryRun).not.toBe(otherwise);
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
    const deployEnv = `jobs.${deployName}.steps.${deployStep}.env.`;
    for (const [where] of strings(workflow)) {
      if (/\.env\.AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$/.test(where)) expect(where.startsWith(deployEnv), where).toBe(true);
    }
  });

  it('gives the deploy its target, the commit and run it records, and the CloudFront distribution through env, quoted', () => {
    const step = steps.at(-1)!;
    expect(step.env?.DEPLOY_TARGET).toBe('${{ vars.DEPLOY_TARGET }}');
    expect(step.env?.DEPLOY_ENDPOINT).toBe('${{ vars.DEPLOY_ENDPOINT }}');
    expect(step.env?.CLOUDFRONT_DISTRIBUTION_ID).toBe('${{ vars.CLOUDFRONT_DISTRIBUTION_ID }}');
    expect(step.run).toContain('--target "$DEPLOY_TARGET"');
    expect(step.run).toContain('--commit "$GITHUB_SHA"');
    expect(step.run).toContain('--run-number "$GITHUB_RUN_NUMBER"');
    expect(step.run).toContain('--cloudfront-distribution "$CLOUDFRONT_DISTRIBUTION_ID"');
    expect(step['timeout-minutes']).toBeGreaterThan(0);
  });

  it('fails fast when a setting is missing, before anything else in the deploy job', () => {
    expect(runIndex(steps, /DEPLOY_TARGET\b.*\bAWS_REGION\b/)).toBe(0);
  });
});

describe('newsletter.yml', () => {
  const { workflow, text } = newsletter;
  const jobs = jobsOf(workflow);
  const [, job] = jobs[0]!;
  const steps = job.steps;

  it('is one job with a read-only token, no environment, no credentials and a time limit', () => {
    expect(jobs).toHaveLength(1);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(job.permissions ?? workflow.permissions).toEqual({ contents: 'read' });
    expect(job.environment).toBeUndefined();
    expect(text).not.toMatch(/secrets\.|aws-actions\/|id-token/);
    expect(job['timeout-minutes']).toBeGreaterThan(0);
    expect(job['timeout-minutes']).toBeLessThanOrEqual(60);
  });

  it('runs on Monday mornings, UTC, after the week has ended in New York, and by hand', () => {
    const schedule = workflow.on.schedule as { cron: string }[];
    expect(schedule).toHaveLength(1);
    const [minute, hour, dayOfMonth, month, dayOfWeek] = schedule[0]!.cron.trim().split(/\s+/);
    expect([dayOfMonth, month, dayOfWeek]).toEqual(['*', '*', '1']);
    expect(cronField(minute!, 0, 59)).toHaveLength(1);
    const hours = cronField(hour!, 0, 23);
    expect(hours).toHaveLength(1);
    // Monday 00:00 in New York is 04:00 or 05:00 UTC; a morning there ends before 16:00 UTC.
    expect(hours[0]).toBeGreaterThanOrEqual(6);
    expect(hours[0]).toBeLessThan(16);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.on).not.toHaveProperty('push');
    expect(workflow.on).not.toHaveProperty('pull_request');
  });

  it('pins every action to a full commit, its release named beside it', () => {
    const pins = pinsIn(text);
    expect(pins).toHaveLength(steps.filter((step) => step.uses).length);
    for (const pin of pins) {
      expect(pin.ref, pin.action).toMatch(COMMIT_PIN);
      expect(pin.release, pin.action).toMatch(RELEASE);
    }
  });

  it('checks out without leaving the token in .git/config, and keeps expressions out of command text', () => {
    const checkout = steps[usesIndex(steps, 'actions/checkout')]!;
    expect(checkout.with?.['persist-credentials']).toBe(false);
    for (const step of steps.filter((s) => s.run !== undefined)) expect(step.run, step.name).not.toContain('${{');
  });

  it('installs with npm ci on Node 22, validates, then writes the issue with the real clock', () => {
    expect(String(steps[usesIndex(steps, 'actions/setup-node')]?.with?.['node-version'])).toBe('22');
    const install = runIndex(steps, /^npm ci\b/);
    const validate = runIndex(steps, /^npm run validate\b/m);
    const write = runIndex(steps, /^npm run newsletter\b/m);
    expect(install).toBeGreaterThan(-1);
    expect(validate).toBeGreaterThan(install);
    expect(write).toBeGreaterThan(validate);
    for (const [where, value] of strings(workflow)) {
      expect(where, 'BROADSHEET_NOW is never set').not.toMatch(/BROADSHEET_NOW$/);
      expect(value, where).not.toMatch(/BROADSHEET_NOW=/);
    }
  });

  it('takes the week asked by hand through env, and the last full week otherwise', () => {
    const write = steps[runIndex(steps, /^npm run newsletter\b/m)]!;
    expect(write.env?.WEEK).toBe('${{ inputs.week }}');
    expect(write.run).toContain('${WEEK:+--week "$WEEK"}');
    const inputs = (workflow.on.workflow_dispatch as { inputs: Record<string, { default?: string }> }).inputs;
    expect(inputs.week?.default).toBe('');
  });

  it('attaches exactly dist/newsletter/ after writing it, failing when there is nothing', () => {
    const upload = usesIndex(steps, 'actions/upload-artifact');
    expect(upload).toBeGreaterThan(runIndex(steps, /^npm run newsletter\b/m));
    expect(upload).toBe(steps.length - 1);
    const options = steps[upload]!.with!;
    expect(options.name).toBe('newsletter');
    expect(options.path).toMatch(/^dist\/newsletter\/?$/);
    expect(options['if-no-files-found']).toBe('error');
    expect(options['retention-days']).toBeGreaterThanOrEqual(7);
  });

  it('writes one issue at a time, never cutting one off', () => {
    const concurrency = concurrencyOf(workflow, job);
    expect(concurrency.group).toBe('newsletter');
    expect(concurrency['cancel-in-progress']).toBe(false);
  });
});

describe('preview.yml', () => {
  const { workflow, text } = preview;
  const jobs = jobsOf(workflow);
  const job = (name: string): Job => {
    const found = workflow.jobs[name];
    if (!found) throw new Error(`no job ${name}`);
    return found;
  };
  const build = job('build');
  const credentialed = { deploy: job('deploy'), remove: job('remove') };
  const comment = job('comment');
  const SAME_REPOSITORY = 'github.event.pull_request.head.repo.full_name == github.repository';

  it('runs on pull requests as they open, receive pushes, reopen and close; never on main or a schedule', () => {
    expect(workflow.on).toEqual({ pull_request: { types: ['opened', 'synchronize', 'reopened', 'closed'] } });
  });

  it('is four jobs: build, deploy, remove and comment, each with a time limit', () => {
    expect(jobs.map(([name]) => name).sort()).toEqual(['build', 'comment', 'deploy', 'remove']);
    for (const [name, each] of jobs) {
      expect(each['timeout-minutes'], name).toBeGreaterThan(0);
      expect(each['timeout-minutes'], name).toBeLessThanOrEqual(60);
    }
  });

  it('runs one run per pull request at a time, the newest winning', () => {
    expect(workflow.concurrency).toEqual({ group: 'preview-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
  });

  it('grants read access at the top, an OIDC token only to deploy and remove, and pull-request writes only to the comment', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(build.permissions).toEqual({ contents: 'read' });
    for (const [name, each] of Object.entries(credentialed)) expect(each.permissions, name).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(comment.permissions).toEqual({ 'pull-requests': 'write' });
  });

  it('builds with a read-only token, no environment and no credentials, as a preview under previews/pr-<number>/', () => {
    expect(build.environment).toBeUndefined();
    expect(build.if).toBe("github.event.action != 'closed'");
    expect(strings(build).filter(([, value]) => /secrets\.|vars\.|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/.test(value))).toEqual([]);
    expect(build.env).toEqual({ BROADSHEET_BASE: '/previews/pr-${{ github.event.pull_request.number }}/', BROADSHEET_PREVIEW: '1' });
    const steps = build.steps;
    const install = runIndex(steps, /^npm ci\b/);
    const validate = runIndex(steps, /^npm run validate\b/m);
    const buildStep = runIndex(steps, /^npm run build\b/m);
    expect(usesIndex(steps, 'actions/cache')).toBeGreaterThan(install);
    expect(validate).toBeGreaterThan(install);
    expect(buildStep).toBeGreaterThan(validate);
    expect(runIndex(steps, /scripts\/preview-address\.ts/)).toBeGreaterThan(buildStep);
    const upload = usesIndex(steps, 'actions/upload-artifact');
    expect(upload).toBeGreaterThan(buildStep);
    expect(steps[upload]!.with).toMatchObject({ name: 'preview', path: 'dist/', 'include-hidden-files': true, 'if-no-files-found': 'error' });
    expect(steps.some((step) => step.uses?.startsWith('aws-actions/'))).toBe(false);
  });

  it("deploys and removes only for the repository's own branches, saying why a fork gets no preview", () => {
    expect(credentialed.deploy.if).toBe(`github.event.action != 'closed' && ${SAME_REPOSITORY}`);
    expect(credentialed.remove.if).toBe(`github.event.action == 'closed' && ${SAME_REPOSITORY}`);
    const note = build.steps.find((step) => step.if === 'github.event.pull_request.head.repo.full_name != github.repository');
    expect(note?.run).toMatch(/fork.*GITHUB_STEP_SUMMARY/s);
  });

  it('pins every action to a full commit where an OIDC token can be requested or the site is carried, a major version elsewhere', () => {
    const pins = pinsIn(text);
    expect(pins).toHaveLength(stepsOf(workflow).filter((step) => step.uses).length);
    const inTokenJobs = new Set(Object.values(credentialed).flatMap((each) => each.steps.map((step) => step.uses).filter(Boolean)));
    for (const pin of pins) {
      const uses = `${pin.action}@${pin.ref}`;
      if (inTokenJobs.has(uses) || SITE_CARRIERS.has(pin.action) || pin.action.startsWith('aws-actions/')) {
        expect(pin.ref, uses).toMatch(COMMIT_PIN);
        expect(pin.release, uses).toMatch(RELEASE);
      } else expect(pin.ref, uses).toMatch(MAJOR_TAG);
    }
  });

  it('checks out without leaving the token, and keeps expressions and secrets out of command text', () => {
    for (const step of stepsOf(workflow)) {
      if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], step.name).toBe(false);
      if (step.run !== undefined) {
        expect(step.run, step.name).not.toContain('${{');
        expect(step.run, step.name).not.toMatch(/secrets\./);
      }
    }
    expect(text).not.toMatch(/secrets\./);
  });

  it.each(['deploy', 'remove'] as const)('%s: runs the base branch’s code through the `preview` environment, nothing but the settings check, install, credentials and the deploy command', (name) => {
    const each = credentialed[name];
    expect(each.environment).toBe('preview');
    const steps = each.steps;
    const allowed = ['actions/checkout', 'actions/setup-node', 'aws-actions/configure-aws-credentials', ...(name === 'deploy' ? ['actions/download-artifact'] : [])];
    for (const step of steps) {
      if (step.uses) expect(allowed, step.name).toContain(step.uses.split('@')[0]);
      else expect(step.run, step.name).toBeDefined();
      expect(step.if, `${step.name}: no step is skipped or forced`).toBeUndefined();
    }
    const checkout = steps[usesIndex(steps, 'actions/checkout')]!;
    expect(checkout.with?.ref, 'never the pull request’s code where credentials exist').toBe('${{ github.event.pull_request.base.sha }}');
    const commands = steps.filter((step) => step.run !== undefined).map((step) => step.run!);
    expect(commands).toHaveLength(3);
    expect(commands[0]).toMatch(/DEPLOY_TARGET\b.*\bAWS_REGION\b/);
    expect(commands[0]).not.toMatch(/\bnpm\b|\bnode\b|\bnpx\b/);
    expect(commands[1]!.trim()).toMatch(/^npm ci\b(?=.*\s--ignore-scripts\b)(?=.*\s--omit=dev\b).*$/);
    expect(commands[2]).toMatch(/^\s*npm run deploy -- /m);
    expect(commands[2]).toContain(name === 'deploy' ? '--preview "$PULL_REQUEST"' : '--remove-preview "$PULL_REQUEST"');
    const last = steps.at(-1)!;
    expect(last.env?.PULL_REQUEST).toBe('${{ github.event.pull_request.number }}');
    expect(last.env?.DEPLOY_TARGET).toBe('${{ vars.DEPLOY_TARGET }}');
    const credentials = usesIndex(steps, 'aws-actions/configure-aws-credentials');
    expect(credentials, 'credentials come right before the deploy').toBe(steps.length - 2);
    if (name === 'deploy') {
      const download = usesIndex(steps, 'actions/download-artifact');
      expect(steps[download]!.with).toMatchObject({ name: 'preview', path: 'dist/' });
      expect(download).toBeLessThan(credentials);
      expect([each.needs].flat()).toEqual(['build']);
    }
  });

  it('comments with GitHub’s CLI only, after a deploy or a removal, updating its one marked comment', () => {
    expect([comment.needs].flat().sort()).toEqual(['build', 'deploy', 'remove']);
    expect(comment.if).toBe("always() && (needs.deploy.result == 'success' || needs.remove.result == 'success')");
    expect(comment.environment).toBeUndefined();
    expect(comment.steps).toHaveLength(1);
    const [step] = comment.steps;
    expect(step!.uses).toBeUndefined();
    expect(step!.env?.GH_TOKEN).toBe('${{ github.token }}');
    expect(step!.env?.ADDRESS).toBe('${{ needs.build.outputs.address }}');
    expect(step!.run).toContain("marker='<!-- broadsheet-preview -->'");
    expect(step!.run).toMatch(/--method PATCH "repos\/\$REPOSITORY\/issues\/comments\/\$id"/);
  });
});
