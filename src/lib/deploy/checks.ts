/** Checks run before a deploy touches the store; each returns problems, empty when fine. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileEntry } from './manifest.ts';

/** Files every complete Astro build of the site has. */
export const REQUIRED_FILES = ['index.html', '404.html'] as const;

export function checkBuildDirectory(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [`${dir} is not a directory`];
  const missing = REQUIRED_FILES.filter((file) => !existsSync(path.join(dir, file)));
  if (missing.length === 0) return [];
  return [
    `${dir} is not a complete build: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing. ` +
      'Run `npm run build` and deploy its output; a partial build would replace a whole site with part of one.',
  ];
}

function isHtml(sitePath: string, entry: FileEntry): boolean {
  return /\.html?$/i.test(sitePath) || entry.contentType.toLowerCase().startsWith('text/html');
}

/**
 * Header policies that would do lasting harm once published. An immutable
 * page cannot be corrected: browsers and CDNs keep it for a year whatever the
 * next deploy says.
 */
export function checkPolicies(files: Record<string, FileEntry>): string[] {
  const problems: string[] = [];
  for (const [sitePath, entry] of Object.entries(files)) {
    if (isHtml(sitePath, entry) && /\bimmutable\b/i.test(entry.cacheControl)) {
      problems.push(`${sitePath}: HTML must never be immutable, but its policy is "${entry.cacheControl}"`);
    }
  }
  return problems;
}

/**
 * What a build says it was made for, read from its `_headers` (src/lib/distribution/http-headers.ts):
 * the base path its first rule starts with, and whether it asks crawlers to keep
 * away (a preview build). Undefined for a build without `_headers`.
 */
export function builtFor(dir: string): { base: string; preview: boolean } | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '_headers'), 'utf8');
  } catch {
    return undefined;
  }
  const first = text.split('\n').find((line) => line.startsWith('/'));
  if (first === undefined || !first.endsWith('*')) return undefined;
  return { base: first.slice(0, -1), preview: /^\s+X-Robots-Tag:\s*noindex\s*$/im.test(text) };
}

/**
 * A preview build must go to the preview folder it was built for, and a
 * preview build must never become the site: its noindex would take the whole
 * publication out of search engines.
 */
export function checkBuildPurpose(dir: string, previewBase: string | undefined): string[] {
  const built = builtFor(dir);
  if (previewBase === undefined) {
    return built?.preview
      ? [`${dir} is a preview build (BROADSHEET_PREVIEW, noindex on every page): deploy it with --preview, never as the site; build the site without BROADSHEET_PREVIEW`]
      : [];
  }
  const rebuild = `build it with BROADSHEET_BASE=${previewBase} BROADSHEET_PREVIEW=1`;
  if (!built) return [`${dir} has no _headers saying what it was built for, so it cannot be told from a preview build of ${previewBase}; ${rebuild}`];
  const problems: string[] = [];
  if (built.base !== previewBase) problems.push(`${dir} was built for ${built.base}, not for ${previewBase} where this preview is served; ${rebuild}`);
  if (!built.preview) problems.push(`${dir} is not a preview build (it lets crawlers index it and hides drafts); ${rebuild}`);
  return problems;
}
