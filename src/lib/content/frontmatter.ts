/**
 * Reads an editor's Markdown file: bytes to text, frontmatter to data, with
 * every way it can go wrong named precisely. No Astro here: the validator CLI,
 * the content loader and the tests share this.
 */
import { loadYaml, YamlError } from './yaml.ts';

export interface SourceProblem {
  line: number;
  column: number;
  field: string;
  message: string;
}

export interface ParsedSource {
  /** Frontmatter as YAML data (dates stay strings: the schema reads them in the site's time zone). */
  data: Record<string, unknown>;
  /** The raw frontmatter text, for locating fields when something is wrong. */
  frontmatterText: string;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

export type ParseOutcome = { ok: true; source: ParsedSource } | { ok: false; problem: SourceProblem };

/** Largest Markdown file we accept; a larger one is almost always a paste accident or generated data. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

// ignoreBOM keeps a byte-order mark in the text, so normalizeText is the one place that drops it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A byte-order mark is dropped (Windows editors save UTF-8 with one; gray-matter,
 * Hugo and Astro's own loader accept it) and CRLF or CR line ends become LF.
 */
function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

const DELIMITER = '---';
/** The first line of a file with frontmatter: "---", spaces allowed after it. */
const OPENING_LINE = /^---[ \t]*\n/;
/** The frontmatter ends at the first line that starts with "---", as gray-matter reads it. */
const CLOSING = `\n${DELIMITER}`;

/** Where the frontmatter ends; -1 when it is never closed. */
function closingIndex(text: string): number {
  return text.indexOf(CLOSING, DELIMITER.length);
}

type Split = { ok: true; data: unknown; frontmatterText: string; body: string; bodyLine: number } | { ok: false; problem: SourceProblem };

/**
 * Splits the frontmatter from the body, `parseYaml` reading the frontmatter, in
 * a text with an opening "---" line and a closing one at `closing` (see
 * closingIndex). It keeps gray-matter's reading, which editors' tools share:
 * the frontmatter text starts with the rest of the opening "---" line, so its
 * line k (0-based) is line k + 1 of the file, and frontmatter that holds only
 * comments and blank lines is no fields at all. (gray-matter itself cost a
 * third of the split for its options, cache and excerpt handling, and a
 * frontmatter field `excerpt_separator` changed what it did.)
 */
function splitFrontmatter(text: string, closing: number, parseYaml: (yamlText: string) => unknown): Split {
  const frontmatterText = text.slice(DELIMITER.length, closing);
  const onlyComments = frontmatterText.replace(/^\s*#[^\n]+/gm, '').trim() === '';
  const data = onlyComments ? {} : parseYaml(frontmatterText);
  const bodyLine = countNewlines(frontmatterText) + 3;
  const closingStart = DELIMITER.length + frontmatterText.length + 1;
  const closingEnd = text.indexOf('\n', closingStart);
  const closingLine = text.slice(closingStart, closingEnd === -1 ? text.length : closingEnd);
  // Read as gray-matter reads it, the body would start right after "---", on the closing line itself.
  const extra = closingLine.slice(DELIMITER.length).trim();
  if (extra !== '') {
    const message = `"${closingLine}" ends the frontmatter, but the closing line must be "---" alone; put "${extra}" on a line of its own or remove it`;
    return { ok: false, problem: { line: bodyLine - 1, column: closingLine.indexOf(extra, DELIMITER.length) + 1, field: 'frontmatter', message } };
  }
  const body = closingEnd === -1 ? '' : text.slice(closingEnd + 1);
  return { ok: true, data, frontmatterText, body, bodyLine };
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

function fail(line: number, field: string, message: string, column = 1): ParseOutcome {
  return { ok: false, problem: { line, column, field, message } };
}

/** Decodes and splits one Markdown file. `kind` words the messages ("article", "author profile"). */
export function parseMarkdownSource(bytes: Uint8Array, kind = 'article'): ParseOutcome {
  if (bytes.length === 0) {
    return fail(1, 'file', `is empty; an ${kind} starts with frontmatter between two "---" lines, then the text`);
  }
  if (bytes.length > MAX_SOURCE_BYTES) {
    const size = (bytes.length / (1024 * 1024)).toFixed(1);
    return fail(1, 'file', `is ${size} MB; the limit is 1 MB per file. Split the piece, or move data out of it`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return fail(lineOfByte(bytes, Math.max(0, offset)), 'file', `is not valid UTF-8 (byte ${offset}); save it as UTF-8`);
  }
  text = normalizeText(text);
  if (text.trim() === '') {
    return fail(1, 'file', `is blank; an ${kind} starts with frontmatter between two "---" lines, then the text`);
  }
  if (!OPENING_LINE.test(text)) {
    return fail(1, 'frontmatter', `missing; the file must start with a "---" line, then the fields, then another "---" line`);
  }
  const closing = closingIndex(text);
  if (closing === -1) return fail(1, 'frontmatter', 'is not closed; add a "---" line after the last field');
  let yamlText = '';
  let split: Split;
  try {
    split = splitFrontmatter(text, closing, (matterText) => {
      yamlText = matterText;
      return loadYaml(matterText);
    });
  } catch (error) {
    return yamlFailure(error, yamlText);
  }
  if (!split.ok) return { ok: false, problem: split.problem };
  const { data, frontmatterText, body, bodyLine } = split;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const shape = Array.isArray(data) ? 'a list' : 'a single value';
    return fail(2, 'frontmatter', `must be "field: value" lines (e.g. "title: ..."), not ${shape}`);
  }
  return { ok: true, source: { data: data as Record<string, unknown>, frontmatterText, body, bodyLine } };
}

/**
 * The frontmatter text and body of a file that parsed before, without parsing
 * its frontmatter again: for validation findings reused from the cache
 * (src/lib/content/validate.ts).
 */
export function splitSource(bytes: Uint8Array): { frontmatterText: string; body: string } | undefined {
  const text = normalizeText(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  const closing = closingIndex(text);
  if (!OPENING_LINE.test(text) || closing === -1) return undefined;
  const split = splitFrontmatter(text, closing, () => ({}));
  return split.ok ? { frontmatterText: split.frontmatterText, body: split.body } : undefined;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function yamlFailure(error: unknown, text: string): ParseOutcome {
  if (error instanceof YamlError) {
    // The frontmatter text begins with the rest of the opening "---" line, so
    // its line k (0-based) is line k + 1 of the file.
    const line = (error.mark?.line ?? 0) + 1;
    const column = (error.mark?.column ?? 0) + 1;
    // A quote left open makes YAML fail further down, with a message about whatever it
    // read next ("can not read a block mapping entry"); name the field whose quote never closes.
    const unclosed = unclosedQuote(text);
    if (unclosed && unclosed.line <= line) {
      const which = unclosed.quote === '"' ? 'double' : 'single';
      const inside = unclosed.quote === '"' ? 'write a " inside the value as \\"' : "write a ' inside the value as ''";
      return fail(
        unclosed.line,
        unclosed.field,
        `the ${which} quote that opens this value is never closed; end the value with ${unclosed.quote} on the same line (${inside})`,
        unclosed.column,
      );
    }
    return fail(line, 'frontmatter', `YAML error: ${explainYamlError(error.reason ?? error.message)}`, column);
  }
  throw error;
}

export interface UnclosedQuote {
  /** 1-based line and column of the opening quote, in the file (the frontmatter text starts on line 1). */
  line: number;
  column: number;
  /** The field whose value it opens: "title", "hero.alt"; for a list item, its list's field. */
  field: string;
  quote: '"' | "'";
}

/**
 * The first `field: "...` (or `- "...`) whose quoted value never closes: not on its
 * own line, nor on the lines that continue it before the next field starts. YAML
 * allows a quoted value over several lines, so a quote open at the end of a line
 * alone is not the mistake.
 */
export function unclosedQuote(text: string): UnclosedQuote | undefined {
  const lines = text.split('\n');
  // The keys that enclose the current line, by indent, so a nested value is named "hero.alt".
  const enclosing: { indent: number; key: string }[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    const key = /^(\s*)((?:- )?)([\w-]+):/.exec(line);
    if (key) {
      const indent = key[1]!.length + key[2]!.length;
      while (enclosing.length > 0 && enclosing.at(-1)!.indent >= indent) enclosing.pop();
      enclosing.push({ indent, key: key[3]! });
    }
    const field = enclosing.map((entry) => entry.key).join('.') || 'frontmatter';
    const match = /^(\s*(?:- )?[\w-]+:\s*|\s*- )(["'])/.exec(line);
    if (!match) continue;
    const quote = match[2] as '"' | "'";
    let rest = line.slice(match[0].length);
    let closed = closes(rest, quote);
    // Continuation lines: indented, up to the next line that starts a field of the same or lower indent.
    for (let next = index + 1; !closed && next < lines.length && !/^\S[^:]*:/.test(lines[next]!) && !/^\s*- /.test(lines[next]!); next++) {
      rest = lines[next]!;
      closed = closes(rest, quote);
    }
    if (!closed) return { line: index + 1, column: match[1]!.length + 1, field, quote };
  }
  return undefined;
}

function closes(text: string, quote: '"' | "'"): boolean {
  return quote === '"' ? /(^|[^\\])(\\\\)*"/.test(text) : /'(?!')/.test(text.replace(/''/g, ''));
}

function explainYamlError(reason: string): string {
  if (/tab/i.test(reason)) return `${reason}; YAML does not allow tabs for indentation, use spaces`;
  if (/duplicated mapping key/.test(reason)) return `${reason}; each field may appear only once`;
  if (/bad indentation/.test(reason)) return `${reason}; indent nested fields with two spaces, and quote values that contain ": "`;
  if (/end of the stream|unexpected end/.test(reason)) return `${reason}; check for an unclosed quote or bracket`;
  return `${reason}; quote values that contain ":", "#", or start with "[", "{", "*" or "&"`;
}
