/** Checks run before a deploy touches the store; each returns problems, empty when fine. */
import { existsSync, statSync } from 'node:fs';
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
