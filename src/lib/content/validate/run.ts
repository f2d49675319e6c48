/**
 * Stage one of the validator, files and encoding: what one validation run
 * shares across the stages (the content folder, the diagnostics, the image
 * facts, the files counted) and how it reads a file: Markdown with frontmatter
 * (UTF-8, a byte-order mark accepted, CRLF fine) or a YAML file, each checked
 * against its schema with every problem placed at its line and field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.ts';
import { parseMarkdownSource, type ParsedSource } from '../frontmatter.ts';
import { MARKDOWN_FILE, displayPath, listFiles } from '../content-files.ts';
import { ImageFileCache } from '../image-files.ts';
import { loadYaml, YamlError } from '../yaml.ts';
import { FileReporter, plain } from './reporter.ts';

/** Files an editor may have meant as content but that are not read: worth a warning. */
const IGNORED_LOOKALIKES = /\.(markdown|mdx|mdown|txt|html?)$/i;

export interface MarkdownFile {
  /** Path below the folder listed. */
  relative: string;
  absolutePath: string;
  /** Path as shown in messages. */
  file: string;
  parsed: ParsedSource;
  reporter: FileReporter;
}

export class ValidationRun {
  readonly diagnostics: Diagnostic[] = [];
  readonly images = new ImageFileCache();
  /** Size and time of photo files, looked up once per run: many pieces share a photo. */
  readonly photoStats = new Map<string, { size: number; mtimeMs: number }>();
  filesChecked = 0;

  /** The content folder, absolute. */
  readonly root: string;
  /** The folder paths in messages are relative to. */
  readonly cwd: string;
  /** A path as messages show it: relative to the folder given as `cwd`. */
  readonly shown: (absolutePath: string) => string;

  constructor(root: string, cwd: string) {
    this.root = root;
    this.cwd = cwd;
    this.shown = (absolutePath) => displayPath(absolutePath, cwd);
  }

  /** A file below a content folder that is not Markdown: skipped, with a warning when it looks like it was meant to be read. */
  isSkipped(relative: string, absolutePath: string, kind: string): boolean {
    if (MARKDOWN_FILE.test(relative)) return false;
    if (IGNORED_LOOKALIKES.test(relative)) this.diagnostics.push(plain(this.shown(absolutePath), 'warning', 'file', `is ignored; ${kind} files must end in ".md"`));
    return true;
  }

  /** Every Markdown file below `dir` that could be read and split; warns about look-alikes that would be skipped. */
  *markdownFiles(dir: string, kind: string): Generator<MarkdownFile> {
    for (const relative of listFiles(dir)) {
      const absolutePath = path.join(dir, relative);
      if (this.isSkipped(relative, absolutePath, kind)) continue;
      this.filesChecked++;
      const file = this.shown(absolutePath);
      const parsed = readMarkdown(absolutePath, file, kind, this.diagnostics);
      if (parsed) yield { relative, absolutePath, file, parsed, reporter: new FileReporter(this.diagnostics, file, parsed.frontmatterText) };
    }
  }

  /** A YAML file of the content folder, checked against its schema; `what` says what it holds, for the message when it is missing. */
  readYamlFile<S extends z.ZodType>(absolutePath: string, fileSchema: S, what: string): { value?: z.output<S>; reporter?: FileReporter } {
    const file = this.shown(absolutePath);
    this.filesChecked++;
    let text: string;
    try {
      text = readFileSync(absolutePath, 'utf8');
    } catch {
      this.diagnostics.push(plain(file, 'error', 'file', `missing; create it with ${what} (see README, "Editors' guide")`));
      return {};
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const reporter = new FileReporter(this.diagnostics, file, text);
    let data: unknown;
    try {
      data = loadYaml(text);
    } catch (error) {
      if (!(error instanceof YamlError)) throw error;
      reporter.atLine((error.mark?.line ?? 0) + 1, (error.mark?.column ?? 0) + 1, 'yaml', 'error', `YAML error: ${error.reason}`);
      return { reporter };
    }
    const result = fileSchema.safeParse(data);
    if (!result.success) {
      reporter.zodIssues(result.error.issues, fileSchema);
      return { reporter };
    }
    return { value: result.data, reporter };
  }
}

/** A Markdown file's frontmatter and body, or undefined with the reason in `diagnostics`. */
export function readMarkdown(absolutePath: string, file: string, kind: string, diagnostics: Diagnostic[], alreadyRead?: Uint8Array): ParsedSource | undefined {
  let bytes: Uint8Array;
  try {
    bytes = alreadyRead ?? readFileSync(absolutePath);
  } catch (error) {
    diagnostics.push(plain(file, 'error', 'file', `cannot be read (${(error as NodeJS.ErrnoException).code}); check its permissions`));
    return undefined;
  }
  const outcome = parseMarkdownSource(bytes, kind);
  if (!outcome.ok) {
    const { line, column, field, message } = outcome.problem;
    diagnostics.push({ file, line, column, severity: 'error', field, message });
    return undefined;
  }
  return outcome.source;
}
