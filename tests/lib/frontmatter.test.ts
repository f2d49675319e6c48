import { describe, expect, it } from 'vitest';
import { parseMarkdownSource } from '../../src/lib/frontmatter.ts';
import { YamlLocator } from '../../src/lib/yaml-locate.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseMarkdownSource', () => {
  it('splits frontmatter and body and keeps dates as text', () => {
    const outcome = parseMarkdownSource(bytes('---\ntitle: A\npublished: 2026-10-14\n---\n\nBody text.\n'));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.source.data).toEqual({ title: 'A', published: '2026-10-14' });
    expect(outcome.source.body.trim()).toBe('Body text.');
    expect(outcome.source.bodyLine).toBe(5);
  });
  it('accepts CRLF line endings', () => {
    const outcome = parseMarkdownSource(bytes('---\r\ntitle: A\r\n---\r\nBody\r\n'));
    expect(outcome.ok && outcome.source.data).toEqual({ title: 'A' });
  });
  it.each([
    ['', 'file', 'is empty'],
    ['\uFEFF---\ntitle: A\n---\nx', 'file', 'byte-order mark'],
    ['   \n\n', 'file', 'is blank'],
    ['title: A\n', 'frontmatter', 'missing'],
    ['---\ntitle: A\n', 'frontmatter', 'not closed'],
    ['---\n- a\n- b\n---\nx', 'frontmatter', 'must be "field: value" lines (e.g. "title: ..."), not a list'],
    ['---\ntitle: "unclosed\n---\nx', 'frontmatter', 'YAML error'],
    ['---\nhero:\n\tsrc: a.jpg\n---\nx', 'frontmatter', 'tabs'],
    ['---\ntitle: a\ntitle: b\n---\nx', 'frontmatter', 'each field may appear only once'],
  ])('refuses %j', (text, field, message) => {
    const outcome = parseMarkdownSource(bytes(text));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem.field).toBe(field);
    expect(outcome.problem.message).toContain(message);
  });
  it('points an unclosed quote at the line where it opens', () => {
    const outcome = parseMarkdownSource(bytes('---\ntitle: ok\ndek: "never closed\ntype: news\nsection: world\n---\nx'));
    expect(!outcome.ok && outcome.problem).toMatchObject({ line: 3, column: 6 });
  });
  it('names the line of a YAML error', () => {
    const outcome = parseMarkdownSource(bytes('---\ntitle: ok\ndek: ok\nhero: [unclosed\n---\nx'));
    expect(!outcome.ok && outcome.problem.line).toBeGreaterThanOrEqual(4);
  });
  it('names the line of invalid UTF-8', () => {
    const outcome = parseMarkdownSource(new Uint8Array([...bytes('---\ntitle: a\n---\nline four\nbad '), 0xff, 0xfe, 0x0a]));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problem).toMatchObject({ line: 5, field: 'file' });
  });
  it('refuses files over 1 MB', () => {
    const outcome = parseMarkdownSource(new Uint8Array(5 * 1024 * 1024).fill(0x61));
    expect(!outcome.ok && outcome.problem.message).toContain('5.0 MB');
  });
});

describe('YamlLocator', () => {
  const yamlText = '\ntitle: A\nhero:\n  src: a.jpg\n  alt: x\nauthors:\n  - one\n  - two\n';
  const locator = new YamlLocator(yamlText);
  it('finds nested keys and list items', () => {
    expect(locator.locate(['title'])).toEqual({ line: 2, column: 1 });
    expect(locator.locate(['hero', 'alt'])).toEqual({ line: 5, column: 3 });
    expect(locator.locate(['authors', 1])).toEqual({ line: 8, column: 5 });
  });
  it('falls back to the nearest ancestor for a missing key', () => {
    expect(locator.locate(['hero', 'credit'])).toEqual({ line: 3, column: 1 });
    expect(locator.locate(['dek'])).toEqual({ line: 1, column: 1 });
  });
});
