/**
 * A file of `[hash, value]` lines, one per rendered body, that a build reads in one piece instead
 * of one small file per body: reading 10,000 metadata files took the related-story worker 4.6 of
 * its 9.3 s in a 10,000-article rebuild (profiled), and an archive reaches 50,000.
 *
 * A value never changes under its hash, so any line there is right and a later line for the
 * same hash wins. A line that does not parse (the end of an append cut short) or holds
 * something else counts as missing; a missing file reads as empty. A build adds a line per new
 * body rather than writing the file whole again (tens of MB at 50,000 articles), and rewrites it
 * once a quarter of its lines are of no use.
 */
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** New lines are appended a few thousand at a time, so a cold build never holds all of them. */
const APPEND_EVERY = 2000;

export class HashLinesFile<T> {
  readonly file: string;
  readonly #isValue: (value: unknown) => value is T;

  constructor(file: string, isValue: (value: unknown) => value is T) {
    this.file = file;
    this.#isValue = isValue;
  }

  /** Every value the file holds, by hash. */
  read(): Map<string, T> {
    const values = new Map<string, T>();
    for (const [hash, line] of this.#lines().byHash) {
      const value = this.#parse(hash, line);
      if (value !== undefined) values.set(hash, value);
    }
    return values;
  }

  /**
   * Hands `use` the value of each of `hashes` (each once, in their order): from the file where
   * it has one, from `missing` otherwise, whose values are then added to the file. Values are
   * parsed one at a time, so the caller need not hold them all.
   */
  complete(hashes: Iterable<string>, missing: (hash: string) => T, use: (hash: string, value: T) => void): void {
    const { byHash, count, endsWithNewline } = this.#lines();
    const wanted = new Set(hashes);
    let pending: string[] = [];
    let added = 0;
    let separator = endsWithNewline ? '' : '\n';
    const flush = () => {
      if (pending.length === 0) return;
      appendFileSync(this.file, separator + pending.join(''));
      separator = '';
      pending = [];
    };
    for (const hash of wanted) {
      const line = byHash.get(hash);
      let value = line === undefined ? undefined : this.#parse(hash, line);
      if (value === undefined) {
        value = missing(hash);
        pending.push(lineOf(hash, value));
        added++;
        if (pending.length >= APPEND_EVERY) flush();
      }
      use(hash, value);
    }
    flush();
    if (count + added - wanted.size > wanted.size / 4) this.#keepOnly(wanted);
  }

  /** Rewrites the file with the lines of `hashes` alone. */
  #keepOnly(hashes: ReadonlySet<string>): void {
    const { byHash } = this.#lines();
    const kept: string[] = [];
    for (const hash of hashes) {
      const line = byHash.get(hash);
      if (line !== undefined && this.#parse(hash, line) !== undefined) kept.push(`${line}\n`);
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, kept.join(''));
    renameSync(temporary, this.file);
  }

  /** Each hash's last line, unparsed; the number of lines; whether the file ends a line. */
  #lines(): { byHash: Map<string, string>; count: number; endsWithNewline: boolean } {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return { byHash: new Map(), count: 0, endsWithNewline: true };
    }
    const byHash = new Map<string, string>();
    let count = 0;
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      if (end > start) {
        count++;
        const line = text.slice(start, end);
        // `["<hash>",...`: the hash is read here and checked against the parsed line later.
        if (line.startsWith('["')) byHash.set(line.slice(2, line.indexOf('"', 2)), line);
      }
      start = end + 1;
    }
    return { byHash, count, endsWithNewline: text === '' || text.endsWith('\n') };
  }

  #parse(hash: string, line: string): T | undefined {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      return undefined;
    }
    return Array.isArray(entry) && entry.length === 2 && entry[0] === hash && this.#isValue(entry[1]) ? (entry[1] as T) : undefined;
  }
}

function lineOf(hash: string, value: unknown): string {
  return `${JSON.stringify([hash, value])}\n`;
}
