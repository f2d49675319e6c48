/**
 * Watches the content folder for the preview: one watch per folder, none per file. Vite's own
 * watcher (chokidar) looks at every file on start and watches each one: at 10,000 articles that
 * was about a second of the preview's start before its first page, and 10,000 of the system's
 * file watches (`fs.inotify.max_user_watches` is 8,192 on some systems). The content loader
 * needs less: it checks every file's size and time again after any change, so it only has to
 * hear that something under the folder changed, once per burst of events (a save can be a
 * truncation and a write, or a temporary file renamed over the old one).
 */
import { watch, readdirSync, statSync, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface FolderWatcher {
  close(): void;
}

export interface FolderWatchOptions {
  /** Quiet time after the last event before the changes are reported, in ms. */
  settleMs?: number;
}

/**
 * Calls `onChange` with the paths changed under `root` (files and folders, added, changed or
 * removed) once events have stopped for `settleMs`. Folders made later are watched as they
 * appear, with whatever they already hold; removed ones are let go. When `root` itself is
 * removed, it is watched again, with what it holds, once it is back.
 */
export function watchFolder(root: string, onChange: (changed: string[]) => void, { settleMs = 30 }: FolderWatchOptions = {}): FolderWatcher {
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  /** Past the first look at the folder: files found in a folder from then on are new. */
  let started = false;
  /** Looks for the folder itself while it is gone (replaced whole, as by some checkouts). */
  let awaitingRoot: NodeJS.Timeout | undefined;

  const report = () => {
    timer = undefined;
    const changed = [...pending].sort();
    pending = new Set();
    if (!closed && changed.length > 0) onChange(changed);
  };
  const changedPath = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(report, settleMs);
  };
  const forget = (folder: string) => {
    for (const [watched, watcher] of watchers) {
      if (watched === folder || watched.startsWith(folder + path.sep)) {
        watcher.close();
        watchers.delete(watched);
      }
    }
  };
  const add = (folder: string) => {
    if (closed || watchers.has(folder)) return;
    let watcher: FSWatcher;
    let entries;
    try {
      watcher = watch(folder, (_event, name) => {
        if (folder === root && !isFolder(root)) return rootGone();
        const changed = name ? path.join(folder, name.toString()) : folder;
        if (changed !== folder) {
          if (isFolder(changed)) add(changed);
          else forget(changed);
        }
        changedPath(changed);
      });
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // Gone between the event and the look: its parent's event reports it.
      return;
    }
    // A folder removed while watched: its parent reports the removal.
    watcher.on('error', () => forget(folder));
    watchers.set(folder, watcher);
    for (const entry of entries) {
      if (entry.isDirectory()) add(path.join(folder, entry.name));
      // Files already in a folder that appeared after the start (copied in whole) are news too.
      else if (started) changedPath(path.join(folder, entry.name));
    }
  };

  // A watch follows the folder it was opened on: one deleted and made again is watched afresh.
  const rootGone = () => {
    forget(root);
    changedPath(root);
    awaitingRoot ??= setInterval(() => {
      if (!isFolder(root)) return;
      clearInterval(awaitingRoot);
      awaitingRoot = undefined;
      add(root);
      changedPath(root);
    }, ROOT_LOOK_MS).unref();
  };

  add(root);
  started = true;
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (awaitingRoot) clearInterval(awaitingRoot);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** How often a deleted content folder is looked for, in ms. */
const ROOT_LOOK_MS = 250;

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
