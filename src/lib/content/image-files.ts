/** Checks on photo files named by content: present, inside the repository, really an image, not huge. */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';

export const IMAGE_WARN_BYTES = 2 * 1024 * 1024;
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'unknown';

export interface ImageFileFacts {
  exists: boolean;
  bytes: number;
  kind: ImageKind;
}

/** Reads the first bytes of a file to tell what image format it really is. */
export function sniffImageKind(header: Uint8Array): ImageKind {
  const ascii = (from: number, to: number) => String.fromCharCode(...header.subarray(from, to));
  if (header[0] === 0xff && header[1] === 0xd8 && header[2] === 0xff) return 'jpeg';
  if (header[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  return 'unknown';
}

/** Facts about image files, each file looked at once per run (many articles share photos). */
export class ImageFileCache {
  private readonly facts = new Map<string, ImageFileFacts>();

  get(absolutePath: string): ImageFileFacts {
    let facts = this.facts.get(absolutePath);
    if (!facts) {
      facts = readFacts(absolutePath);
      this.facts.set(absolutePath, facts);
    }
    return facts;
  }
}

function readFacts(absolutePath: string): ImageFileFacts {
  let bytes: number;
  try {
    const stat = statSync(absolutePath);
    if (!stat.isFile()) return { exists: false, bytes: 0, kind: 'unknown' };
    bytes = stat.size;
  } catch {
    return { exists: false, bytes: 0, kind: 'unknown' };
  }
  const header = new Uint8Array(16);
  const fd = openSync(absolutePath, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return { exists: true, bytes, kind: sniffImageKind(header) };
}

/** True when `target` lies inside `root` (after resolving "..", not following links). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

const EXTENSION_KINDS: Record<string, ImageKind> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' };

/** Why the photo at `absolutePath` cannot be published, with its severity; null when it is fine. */
export function imageFileProblem(
  facts: ImageFileFacts,
  shownPath: string,
): { severity: 'error' | 'warning'; message: string } | null {
  if (!facts.exists) return { severity: 'error', message: `file "${shownPath}" does not exist; check the name and the "../" steps` };
  if (facts.kind === 'unknown') return { severity: 'error', message: `"${shownPath}" is not a JPEG, PNG, WebP or AVIF image` };
  const extension = shownPath.split('.').pop()?.toLowerCase() ?? '';
  const expected = EXTENSION_KINDS[extension];
  if (expected && expected !== facts.kind) {
    return { severity: 'error', message: `"${shownPath}" is really a ${facts.kind.toUpperCase()} file; rename it with the right extension` };
  }
  const megabytes = (facts.bytes / (1024 * 1024)).toFixed(1);
  if (facts.bytes > IMAGE_MAX_BYTES) {
    return { severity: 'error', message: `"${shownPath}" is ${megabytes} MB; the limit is 10 MB. Export it at most 2,400 px wide` };
  }
  if (facts.bytes > IMAGE_WARN_BYTES) {
    return { severity: 'warning', message: `"${shownPath}" is ${megabytes} MB; photos over 2 MB slow the build. Export it at most 2,400 px wide` };
  }
  return null;
}
