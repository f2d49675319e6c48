/**
 * The size and digest of every photo the content names (src/lib/media/photos.ts),
 * read once per version of the file: kept in the build cache by path, size and
 * modification time, so an unchanged archive of photos is not read again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { PhotoFacts } from '../lib/media/photos.ts';

interface Entry {
  size: number;
  mtimeMs: number;
  facts: PhotoFacts;
}

export class PhotoFactsReader {
  private readonly file: string;
  private readonly entries: Map<string, Entry>;
  private readonly pending = new Map<string, Promise<PhotoFacts>>();
  /** Photos already stat'ed in this pass over the content: thousands of pieces share a few hundred photos. */
  private readonly seenThisPass = new Map<string, PhotoFacts>();
  private changed = false;

  constructor(cacheDir: string) {
    this.file = path.join(cacheDir, 'photos.json');
    try {
      this.entries = new Map(Object.entries(JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Entry>));
    } catch {
      this.entries = new Map();
    }
  }

  /** Facts of a photo the validator has checked (it exists, inside the content folder, in a format we read). */
  read(absolutePath: string): Promise<PhotoFacts> {
    const seen = this.seenThisPass.get(absolutePath);
    if (seen) return Promise.resolve(seen);
    const stat = statSync(absolutePath);
    const known = this.entries.get(absolutePath);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      this.seenThisPass.set(absolutePath, known.facts);
      return Promise.resolve(known.facts);
    }
    let reading = this.pending.get(absolutePath);
    if (!reading) {
      reading = (async () => {
        const bytes = readFileSync(absolutePath);
        const metadata = await sharp(bytes).metadata();
        // EXIF orientations 5 to 8 turn the picture a quarter: its displayed width is its stored height.
        const turned = (metadata.orientation ?? 1) >= 5;
        const facts: PhotoFacts = {
          name: path.basename(absolutePath, path.extname(absolutePath)),
          hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
          width: (turned ? metadata.height : metadata.width) ?? 0,
          height: (turned ? metadata.width : metadata.height) ?? 0,
        };
        this.entries.set(absolutePath, { size: stat.size, mtimeMs: stat.mtimeMs, facts });
        this.changed = true;
        return facts;
      })().finally(() => this.pending.delete(absolutePath));
      this.pending.set(absolutePath, reading);
    }
    return reading;
  }

  /** Starts a new pass over the content (the preview's next saved edit): photos may have changed since the last. */
  newPass(): void {
    this.seenThisPass.clear();
  }

  save(): void {
    if (!this.changed) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.entries)));
    renameSync(temporary, this.file);
    this.changed = false;
  }
}
