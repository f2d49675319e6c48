/**
 * Reads a few settings from site.yaml before anything else is loaded: the
 * article schema needs the time zone, the Astro config needs the site URL.
 * The validator, which runs first in every loader, reports a missing or broken file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidTimeZone } from '../dates.ts';
import { CONTENT_LAYOUT } from './content-files.ts';
import { loadYaml } from './yaml.ts';

function readLoosely(contentDir: string): Record<string, unknown> {
  try {
    const data = loadYaml(readFileSync(path.join(contentDir, CONTENT_LAYOUT.site), 'utf8'));
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function readSiteTimeZone(contentDir: string): string {
  const { timeZone } = readLoosely(contentDir);
  return typeof timeZone === 'string' && isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

export function readSiteUrl(contentDir: string): string {
  const { url } = readLoosely(contentDir);
  try {
    return new URL(String(url)).href;
  } catch {
    return 'https://example.invalid/';
  }
}
