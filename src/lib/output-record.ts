/**
 * What a build left in its output folder, and the two questions the next build
 * asks of it (src/integrations/fresh-output.ts): is the folder still exactly
 * that, and which of its files did this build neither write nor keep?
 *
 * Both used to list the whole folder, one directory read per folder: a
 * 50,000-article site is 121,000 files in 70,000 folders, and the two listings
 * took 5 s of a rebuild. A folder's modification time changes whenever an entry
 * is added to it, removed or renamed, so the record keeps every folder's time
 * too: a folder whose time is unchanged holds what the record says, and only
 * changed or new folders are read.
 */
import { lstatSync, readdirSync, rmdirSync, unlinkSync, type Stats } from 'node:fs';
import path from 'node:path';

export interface OutputRecord {
  outDir: string;
  /** Site path, size and modification time of every file. */
  files: [string, number, number][];
  /** Site path ('' for the folder itself) and modification time of every folder. */
  folders: [string, number][];
}

/** What the record says a folder holds: its files and subfolders, by name. */
function entriesByFolder(record: OutputRecord): Map<string, { files: string[]; folders: string[] }> {
  const byFolder = new Map<string, { files: string[]; folders: string[] }>();
  const of = (folder: string) => {
    let entries = byFolder.get(folder);
    if (!entries) byFolder.set(folder, (entries = { files: [], folders: [] }));
    return entries;
  };
  for (const [folder] of record.folders) if (folder !== '') of(parentOf(folder)).folders.push(path.basename(folder));
  for (const [file] of record.files) of(parentOf(file)).files.push(path.basename(file));
  return byFolder;
}

function parentOf(sitePath: string): string {
  const parent = path.dirname(sitePath);
  return parent === '.' ? '' : parent;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Every file and folder under `root` with its stat. Folders the previous
 * record lists with the same modification time are not read: they hold the
 * entries it lists.
 */
function survey(root: string, previous: OutputRecord | undefined): { files: [string, Stats][]; folders: [string, Stats][] } {
  const known = previous ? entriesByFolder(previous) : new Map<string, { files: string[]; folders: string[] }>();
  const knownTime = new Map(previous?.folders);
  const files: [string, Stats][] = [];
  const folders: [string, Stats][] = [];
  const visit = (folder: string, stat: Stats) => {
    folders.push([folder, stat]);
    const full = path.join(root, folder);
    const listed = knownTime.get(folder) === stat.mtimeMs ? known.get(folder) : undefined;
    const names = listed ? [...listed.folders, ...listed.files] : readdirSync(full);
    for (const name of names) {
      const child = path.join(folder, name);
      const childStat = lstatSync(path.join(full, name));
      if (childStat.isDirectory()) visit(child, childStat);
      else files.push([child, childStat]);
    }
  };
  const rootStat = statOrUndefined(root);
  if (rootStat?.isDirectory()) visit('', rootStat);
  return { files, folders };
}

/** True when the folder holds exactly the files, sizes and times, and the folders, the last build recorded. */
export function isAsLeft(outDir: string, record: OutputRecord | undefined): boolean {
  if (!record || record.outDir !== outDir || !Array.isArray(record.folders)) return false;
  // A file added, removed or renamed anywhere changes its folder's time; a file rewritten in place, its own.
  for (const [folder, mtimeMs] of record.folders) {
    const stat = statOrUndefined(path.join(outDir, folder));
    if (!stat?.isDirectory() || stat.mtimeMs !== mtimeMs) return false;
  }
  for (const [file, size, mtimeMs] of record.files) {
    const stat = statOrUndefined(path.join(outDir, file));
    if (!stat?.isFile() || stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/**
 * Removes the files of `outDir` that this build neither wrote nor kept: those
 * still exactly as the previous build left them (same modification time) that
 * are not among `kept` (its pages and endpoints, restored in place) nor under
 * one of `ownedByOthers` (folders other integrations keep), and the folders
 * left empty. Returns the record of what remains.
 */
export function removeStale(
  outDir: string,
  previous: OutputRecord | undefined,
  kept: ReadonlySet<string>,
  ownedByOthers: readonly string[] = [],
): { record: OutputRecord; removed: number } {
  const untouched = new Map(previous?.files.map(([file, , mtimeMs]) => [file, mtimeMs]));
  const owned = ownedByOthers.map((folder) => `${folder.split('/').join(path.sep)}${path.sep}`);
  const { files: present, folders: presentFolders } = survey(outDir, previous);
  const files: [string, number, number][] = [];
  const removedFiles: string[] = [];
  for (const [file, stat] of present) {
    if (!kept.has(file) && untouched.get(file) === stat.mtimeMs && !owned.some((folder) => file.startsWith(folder))) {
      unlinkSync(path.join(outDir, file));
      removedFiles.push(file);
    } else {
      files.push([file, stat.size, stat.mtimeMs]);
    }
  }
  const removed = removedFiles.length;
  if (removed === 0) return { record: { outDir, files, folders: presentFolders.map(([folder, stat]) => [folder, stat.mtimeMs]) }, removed };
  // Folders left empty go, deepest first; the folders whose entries changed get their new times.
  const holding = new Set<string>();
  for (const [file] of files) {
    for (let folder = parentOf(file); !holding.has(folder); folder = parentOf(folder)) {
      holding.add(folder);
      if (folder === '') break;
    }
  }
  const changed = new Set(removedFiles.map(parentOf));
  const gone = new Set<string>();
  for (const [folder] of [...presentFolders].reverse()) {
    if (folder === '' || holding.has(folder) || readdirSync(path.join(outDir, folder)).length > 0) continue;
    rmdirSync(path.join(outDir, folder));
    gone.add(folder);
    changed.add(parentOf(folder));
  }
  const folders = presentFolders
    .filter(([folder]) => !gone.has(folder))
    .map(([folder, stat]): [string, number] => [folder, changed.has(folder) ? lstatSync(path.join(outDir, folder)).mtimeMs : stat.mtimeMs]);
  return { record: { outDir, files, folders }, removed };
}
