/** Where a finding goes: one file's diagnostics, each placed at a field of its YAML or at a line. */
import type { z } from 'zod';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { YamlLocator } from '../yaml-locate.ts';
import { fieldName, issuesToProblems } from '../zod-issues.ts';

/** Collects diagnostics for one file, locating fields in its YAML only when something is wrong. */
export class FileReporter {
  private locator: YamlLocator | undefined;
  private readonly sink: Diagnostic[];
  private readonly file: string;
  /** The frontmatter's text, or how to read it: only a finding needs it. */
  private readonly yamlText: string | (() => string) | undefined;

  constructor(sink: Diagnostic[], file: string, yamlText: string | (() => string) | undefined) {
    this.sink = sink;
    this.file = file;
    this.yamlText = yamlText;
  }

  at(fieldPath: readonly (string | number)[], severity: Severity, message: string): void {
    // The YAML text's line 1 is the file's line 1 (frontmatter text starts right after "---").
    let line = 1;
    let column = 1;
    if (this.yamlText !== undefined && fieldPath.length > 0) {
      this.locator ??= new YamlLocator(typeof this.yamlText === 'string' ? this.yamlText : this.yamlText());
      ({ line, column } = this.locator.locate(fieldPath));
    }
    this.sink.push({ file: this.file, line, column, severity, field: fieldName(fieldPath), message });
  }

  atLine(line: number, column: number, field: string, severity: Severity, message: string): void {
    this.sink.push({ file: this.file, line, column, severity, field, message });
  }

  zodIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): void {
    for (const problem of issuesToProblems(issues, schema)) this.at(problem.path, 'error', problem.message);
  }
}

/** A finding about a whole file (it is missing, unreadable, ignored), placed at its first line. */
export function plain(file: string, severity: Severity, field: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity, field, message };
}
