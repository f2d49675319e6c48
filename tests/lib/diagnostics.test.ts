import { describe, expect, it } from 'vitest';
import { ContentValidationError, formatDiagnostic, previewErrorPayload, type Diagnostic } from '../../src/lib/content/diagnostics.ts';

const error: Diagnostic = { file: 'content/articles/world/canal.md', line: 9, column: 3, severity: 'error', field: 'hero.credit', message: 'missing; every photo needs a credit line' };
const warning: Diagnostic = { file: 'content/articles/world/dues.md', line: 2, column: 1, severity: 'warning', field: 'dek', message: 'is long' };
const second: Diagnostic = { ...error, file: 'content/articles/world/ports.md', line: 4, field: 'title', message: 'is empty; write the headline' };

describe('content errors', () => {
  it('name file, line, column, field and what to do', () => {
    expect(formatDiagnostic(error)).toBe('content/articles/world/canal.md:9:3 error hero.credit: missing; every photo needs a credit line');
  });

  it('reach the preview overlay with every error (warnings aside) and the first located in its file', () => {
    const payload = previewErrorPayload(new ContentValidationError([error, warning, second], 3), (file) => `/site/${file}`);
    expect(payload.type).toBe('error');
    expect(payload.err.message.split('\n')).toEqual([formatDiagnostic(error), formatDiagnostic(second)]);
    expect(payload.err.loc).toEqual({ file: '/site/content/articles/world/canal.md', line: 9, column: 3 });
    expect(payload.err.id).toBe('/site/content/articles/world/canal.md');
    expect(payload.err.hint).toMatch(/last version that validated/);
  });

  it('say in the terminal that nothing was built and how to see the whole report', () => {
    const thrown = new ContentValidationError([error], 1);
    expect(thrown.message).toContain(formatDiagnostic(error));
    expect(thrown.message).toContain('nothing was built');
    expect(thrown.message).toContain('npm run validate');
  });
});
