import path from 'node:path';

/**
 * The content folder as the CMS names it: relative to the repository's root
 * (the project folder), with "/" separators. A folder outside the project is
 * in no repository the CMS could commit to; the CMS then names it by its own
 * name, as if it sat at the root, so that the output does not depend on where
 * a temporary copy happened to be.
 */
export function contentFolderInRepository(contentDir: string, projectRoot: string): string {
  const relative = path.relative(projectRoot, path.resolve(projectRoot, contentDir));
  if (relative === '') return '';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return path.basename(path.resolve(projectRoot, contentDir));
  return relative.split(path.sep).join('/');
}
