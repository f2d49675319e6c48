/**
 * The pages of a build that frame embeds, and the origins each frames, read
 * from the built HTML itself: what the header policy (`framePages`,
 * src/lib/distribution/http-headers.ts) must give them, found independently of the build's code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FramePage } from '../../src/lib/distribution/http-headers.ts';

export function framePagesOf(outDir: string, files: readonly string[]): FramePage[] {
  const pages: FramePage[] = [];
  for (const file of files.filter((name) => name.endsWith('index.html')).sort()) {
    const html = readFileSync(path.join(outDir, file), 'utf8');
    const origins = [...html.matchAll(/<iframe\b[^>]*?\ssrc="([^"]+)"/g)].map((match) => new URL(match[1]!.replaceAll('&#x26;', '&').replaceAll('&amp;', '&')).origin);
    if (origins.length > 0) pages.push({ path: `/${file.slice(0, -'index.html'.length)}`, origins: [...new Set(origins)].sort() });
  }
  return pages;
}
