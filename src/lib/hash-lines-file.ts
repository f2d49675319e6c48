/**
 * A file of `[hash, value]` lines, one per rendered body, that a build reads in one piece instead
 * of one small file per body: reading 10,000 metadata files took the related-story worker 4.6 of
 * its 9.3 s in a 10,000-article rebuild profiled on a busy machine, and an archive reaches 50,000.
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
  readonly #file: string;
  readonly #isValue: (value: unknown) => value is T;

  constructor(file: string, isValue: (value: unknown) => value is T) {
    this.#file = file;
    this.#isValue = isValue;
  }

  /** Every value the file holds, by hash. */
  read(): Map<string, T> {
    const lines = this.#lines();
    const values = new Map<string, T>();
    for (const [hash, line] of lines.byHash) {
      const value = this.#parse(hash, lines.text(line));
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
    const lines = this.#lines();
    const wanted = new Set(hashes);
    let pending: string[] = [];
    let added = 0;
    let separator = lines.endsWithNewline ? '' : '\n';
    const flush = () => {
      if (pending.length === 0) return;
      appendFileSync(this.#file, separator + pending.join(''));
      separator = '';
      pending = [];
    };
    for (const hash of wanted) {
      const line = lines.byHash.get(hash);
      let value = line === undefined ? undefined : this.#parse(hash, lines.text(line));
      if (value === undefined) {
        value = missing(hash);
        pending.push(lineOf(hash, value));
        added++;
        if (pending.length >= APPEND_EVERY) flush();
      }
      use(hash, value);
    }
    flush();
    if (lines.count + added - wanted.size > wanted.size / 4) this.#keepOnly(wanted);
  }

  /**
   * Rewrites the file with the lines of `hashes` alone. Read again rather than kept from
   * complete(), which appended what it added; each hash's last line is then one complete() read
   * or wrote, so none is parsed again.
   */
  #keepOnly(hashes: ReadonlySet<string>): void {
    const lines = this.#lines();
    const kept: Buffer[] = [];
    for (const hash of hashes) {
      const line = lines.byHash.get(hash);
      if (line !== undefined) kept.push(lines.bytes(line), NEWLINE);
    }
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat(kept));
    renameSync(temporary, this.#file);
  }

  /**
   * The file's lines, each hash's last one by its number; the number of lines; whether the file
   * ends a line. Kept as bytes and decoded one line at a time: decoded whole, the summaries
   * file (whose excerpts have curly quotes) was one two-byte string, twice the memory and slower
   * to parse; summarizing 50,000 bodies took 1.2 s against 0.8 s.
   */
  #lines(): { byHash: Map<string, number>; count: number; endsWithNewline: boolean; text: (line: number) => string; bytes: (line: number) => Buffer } {
    let file: Buffer;
    try {
      file = readFileSync(this.#file);
    } catch {
      file = Buffer.alloc(0);
    }
    const starts: number[] = [];
    const ends: number[] = [];
    const byHash = new Map<string, number>();
    for (let start = 0; start < file.length; ) {
      let end = file.indexOf(NEWLINE_BYTE, start);
      if (end === -1) end = file.length;
      if (end > start) {
        // `["<hash>",...`: the hash is read here and checked against the parsed line later.
        if (file[start] === 0x5b && file[start + 1] === QUOTE_BYTE) {
          const close = file.indexOf(QUOTE_BYTE, start + 2);
          if (close !== -1 && close < end) byHash.set(file.toString('utf8', start + 2, close), starts.length);
        }
        starts.push(start);
        ends.push(end);
      }
      start = end + 1;
    }
    return {
      byHash,
      count: starts.length,
      endsWithNewline: file.length === 0 || file[file.length - 1] === NEWLINE_BYTE,
      text: (line) => file.toString('utf8', starts[line], ends[line]),
      bytes: (line) => file.subarray(starts[line], ends[line]),
    };
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

const NEWLINE_BYTE = 0x0a;
const QUOTE_BYTE = 0x22;
const NEWLINE = Buffer.from('\n');

function lineOf(hash: string, value: unknown): string {
  return `${JSON.stringify([hash, value])}\n`;
}
