/** Where content lives inside a content directory, and how files are listed (sorted, so runs are repeatable). */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Markdown files, whatever the case of the extension (`.md`, `.MD`). */
export const MARKDOWN_FILE = /\.md$/i;

export const CONTENT_LAYOUT = {
  site: 'site.yaml',
  sections: 'sections.yaml',
  series: 'series.yaml',
  authors: 'authors',
  articles: 'articles',
  pages: 'pages',
} as const;

/** Every file below `dir`, relative to it with "/" separators, sorted; [] when `dir` is missing. */
export function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => !entry.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** Path for messages: relative to the working directory when inside it, with "/" separators. */
export function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolutePath;
  return shown.split(path.sep).join('/');
}
