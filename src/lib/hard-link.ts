import { linkSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Gives the file at `source` a second name, `target` (a hard link), in place of whatever file
 * `target` was, making its folder if need be; `madeFolders` remembers the folders made or
 * found, so a caller that links many files makes each folder once. Returns false, leaving
 * `target` as it was or absent, when the file system cannot link them (no such source,
 * different devices, no hard links): the caller then copies.
 */
export function hardLink(source: string, target: string, madeFolders: Set<string> = new Set()): boolean {
  try {
    const folder = path.dirname(target);
    // Made first rather than after a failed link: a new page's folder is new, one call fewer each.
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    try {
      linkSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      const [was, is] = [statSync(target), statSync(source)];
      if (was.ino === is.ino && was.dev === is.dev) return true;
      unlinkSync(target);
      linkSync(source, target);
    }
    return true;
  } catch {
    return false;
  }
}
