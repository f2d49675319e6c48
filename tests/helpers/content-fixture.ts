/** Builds throwaway content directories from the valid fixture plus a case's changes. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const VALID_CONTENT = path.join(REPO, 'tests/fixtures/content/valid');
export const FIXTURE_PUBLIC = path.join(REPO, 'tests/fixtures/content/public');
export const INVALID_CASES = path.join(REPO, 'tests/fixtures/content/invalid');
const NODE = path.join(REPO, 'node_modules/.bin/node');

export interface Expectation {
  /** Path inside the content directory. */
  file: string;
  field: string;
  line?: number;
  severity?: 'error' | 'warning';
  /** Text the message must contain. */
  message: string;
}

export interface CaseSpec {
  description: string;
  /** Files of the valid fixture to delete first (paths inside the content directory). */
  remove?: string[];
  /** Files to generate, for inputs too large to commit. */
  generate?: { path: string; kind: 'huge-article'; bytes: number }[];
  /** Exit code of the validator; 1 unless the case holds warnings only. */
  exitCode?: number;
  expect: Expectation[];
}

/** A fresh site folder: `<dir>/content` (the valid fixture) and `<dir>/public`. */
export function makeSite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-content-'));
  cpSync(VALID_CONTENT, path.join(dir, 'content'), { recursive: true });
  cpSync(FIXTURE_PUBLIC, path.join(dir, 'public'), { recursive: true });
  return dir;
}

export function listInvalidCases(): string[] {
  return readdirSync(INVALID_CASES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readCase(name: string): CaseSpec {
  return JSON.parse(readFileSync(path.join(INVALID_CASES, name, 'case.json'), 'utf8')) as CaseSpec;
}

/** Applies a case to a fresh site and returns the site folder. */
export function siteForCase(name: string): string {
  const spec = readCase(name);
  const dir = makeSite();
  const content = path.join(dir, 'content');
  for (const file of spec.remove ?? []) rmSync(path.join(content, file), { force: true, recursive: true });
  const overlay = path.join(INVALID_CASES, name, 'content');
  if (existsSync(overlay)) cpSync(overlay, content, { recursive: true });
  for (const generated of spec.generate ?? []) {
    const target = path.join(content, generated.path);
    mkdirSync(path.dirname(target), { recursive: true });
    const head = readFileSync(path.join(VALID_CONTENT, 'articles/world/canal-water-levels.md'), 'utf8');
    const paragraph = 'The canal authority cut daily transits again after a dry month. '.repeat(16) + '\n\n';
    writeFileSync(target, head + paragraph.repeat(Math.ceil(generated.bytes / paragraph.length)));
  }
  return dir;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runValidateCli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(NODE, [path.join(REPO, 'scripts/validate.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
