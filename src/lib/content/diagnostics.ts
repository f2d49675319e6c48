/** Problems found in content, reported compiler style so editors can jump to them. */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path as the editor knows it, relative to the working directory, with "/" separators. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Dotted field path such as `hero.credit`, or `file`/`body`/`frontmatter`. */
  field: string;
  message: string;
}

/** `content/articles/iran-sco.md:7:1 error hero.credit: missing; ...` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.field}: ${d.message}`;
}

function escapeAnnotationData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeAnnotationProperty(value: string): string {
  return escapeAnnotationData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub Actions workflow command, so the problem shows on the pull request's diff. */
export function formatGithubAnnotation(d: Diagnostic): string {
  const properties = `file=${escapeAnnotationProperty(d.file)},line=${d.line},col=${d.column},title=${escapeAnnotationProperty(d.field)}`;
  return `::${d.severity} ${properties}::${escapeAnnotationData(d.message)}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.field !== b.field) return a.field < b.field ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export function summaryLine(diagnostics: readonly Diagnostic[], filesChecked: number): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(filesChecked, 'file')}`;
}

/** Thrown by the build so Astro stops with every problem listed, in the validator's words. */
export class ContentValidationError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[], filesChecked: number) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `Content has ${summaryLine(diagnostics, filesChecked)}; nothing was built.\n` +
        errors.map(formatDiagnostic).join('\n') +
        '\nRun `npm run validate` for the full report.',
    );
    this.name = 'ContentValidationError';
    this.diagnostics = diagnostics;
  }
}

/**
 * What the preview's error overlay shows for content that does not validate
 * (Vite's `error` message, which Astro's overlay renders): every error with its
 * file, line and field, the first one located so the overlay can open it.
 */
export function previewErrorPayload(error: ContentValidationError, absolutePathOf: (file: string) => string) {
  const errors = error.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  return {
    type: 'error' as const,
    err: {
      name: 'ContentValidationError',
      title: 'The content does not validate',
      message: errors.map(formatDiagnostic).join('\n'),
      hint: 'Fix the lines above and save: the preview keeps showing the last version that validated until then.',
      stack: '',
      plugin: 'broadsheet-validator',
      ...(first ? { id: absolutePathOf(first.file), loc: { file: absolutePathOf(first.file), line: first.line, column: first.column } } : {}),
    },
  };
}
