import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { parseMarkdownSource, splitSource } from '../../src/lib/content/frontmatter.ts';
import { YamlLocator } from '../../src/lib/content/yaml-locate.ts';
import { loadYaml } from '../../src/lib/content/yaml.ts';

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
    ['   \n\n', 'file', 'is blank'],
    ['title: A\n', 'frontmatter', 'missing'],
    ['---\ntitle: A\n', 'frontmatter', 'not closed'],
    ['---\n- a\n- b\n---\nx', 'frontmatter', 'must be "field: value" lines (e.g. "title: ..."), not a list'],
    ['---\ntitle: "unclosed\n---\nx', 'title', 'quote that opens this value is never closed'],
    ['---\nhero: [unclosed\n---\nx', 'frontmatter', 'YAML error'],
    ['---\nhero:\n\tsrc: a.jpg\n---\nx', 'frontmatter', 'tabs'],
    ['---\ntitle: a\ntitle: b\n---\nx', 'frontmatter', 'each field may appear only once'],
  ])('refuses %j', (text, field, message) => {
    const outcome = parseMarkdownSource(bytes(text));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem.field).toBe(field);
    expect(outcome.problem.message).toContain(message);
  });
  it('points an unclosed quote at the line and field where it opens', () => {
    const outcome = parseMarkdownSource(bytes('---\ntitle: ok\ndek: "never closed\ntype: news\nsection: world\n---\nx'));
    expect(!outcome.ok && outcome.problem).toMatchObject({ line: 3, column: 6, field: 'dek' });
  });
  it('names the field of an unclosed quote on the first line, where YAML reports a later line', () => {
    // The case an editor met: YAML said "4:5 can not read a block mapping entry".
    const outcome = parseMarkdownSource(bytes('---\ntitle: "unclosed quote\ndek: fine\ntype: analysis\nsection: africa\n---\nx'));
    expect(!outcome.ok && outcome.problem).toMatchObject({ line: 2, column: 8, field: 'title' });
    expect(!outcome.ok && outcome.problem.message).toBe(
      'the double quote that opens this value is never closed; end the value with " on the same line (write a " inside the value as \\")',
    );
  });
  it('names a nested field and a single quote', () => {
    const outcome = parseMarkdownSource(bytes("---\ntitle: ok\nhero:\n  src: a.jpg\n  alt: 'a view\n  credit: x\nsection: y\n---\nx"));
    expect(!outcome.ok && outcome.problem).toMatchObject({ line: 5, column: 8, field: 'hero.alt' });
    expect(!outcome.ok && outcome.problem.message).toContain("write a ' inside the value as ''");
  });
  it('does not blame a quoted value that closes on a later line', () => {
    const outcome = parseMarkdownSource(bytes('---\ndek: "a value\n  over two lines"\nhero: [unclosed\n---\nx'));
    expect(!outcome.ok && outcome.problem).toMatchObject({ field: 'frontmatter' });
    expect(!outcome.ok && outcome.problem.message).toContain('YAML error');
  });
  it('accepts a byte-order mark, as gray-matter, Hugo and Astro do, with CRLF too', () => {
    const outcome = parseMarkdownSource(bytes('\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n'));
    expect(outcome.ok && outcome.source).toMatchObject({ data: { title: 'A' }, body: 'Body\n', bodyLine: 4 });
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
  it('refuses text after the closing "---" on its line, naming the line and the text', () => {
    for (const [closing, column, extra] of [
      ['--- The strike went on.', 5, 'The strike went on.'],
      ['---x', 4, 'x'],
      ['----', 4, '-'],
    ] as const) {
      const outcome = parseMarkdownSource(bytes(`---\ntitle: A\n${closing}\nBody.\n`));
      expect(!outcome.ok && outcome.problem).toEqual({
        line: 3,
        column,
        field: 'frontmatter',
        message: `"${closing}" ends the frontmatter, but the closing line must be "---" alone; put "${extra}" on a line of its own or remove it`,
      });
    }
  });
  it('allows spaces after either "---", and frontmatter of comments alone (no fields, as an empty one)', () => {
    const spaced = parseMarkdownSource(bytes('---  \ntitle: A\n--- \t\nBody.\n'));
    expect(spaced.ok && spaced.source).toMatchObject({ data: { title: 'A' }, body: 'Body.\n', bodyLine: 4 });
    const comments = parseMarkdownSource(bytes('---\n# to do\n---\nBody.\n'));
    expect(comments.ok && comments.source).toMatchObject({ data: {}, body: 'Body.\n', bodyLine: 4 });
  });
  it('ends the frontmatter at the first "---" line, as gray-matter does, even inside a block of text', () => {
    const outcome = parseMarkdownSource(bytes('---\ntitle: A\n---\nBody.\n\n---\n\nMore.\n'));
    expect(outcome.ok && outcome.source).toMatchObject({ data: { title: 'A' }, body: 'Body.\n\n---\n\nMore.\n', bodyLine: 4 });
  });
  it('reads frontmatter and body exactly as gray-matter does, which editors\' other tools use', () => {
    const texts = [
      '---\ntitle: A\n---\nBody.\n',
      '---  \ntitle: A\n--- \t\nBody.\n',
      '---\n# a comment\n\n---\nBody.\n',
      '---\n---\nBody straight after.\n',
      '---\ntitle: A\n---\n\n\nBlank lines first.\n---\nA rule later.\n',
      '---\ntitle: A\ntags:\n  - x # note\n---\n---more dashes\n',
      '---\ntitle: A\n---',
    ];
    for (const text of texts) {
      const ours = parseMarkdownSource(bytes(text));
      const theirs = matter(text, { engines: { yaml: (yamlText: string) => loadYaml(yamlText) as object } });
      expect(ours.ok, text).toBe(true);
      if (!ours.ok) continue;
      expect({ data: ours.source.data, frontmatterText: ours.source.frontmatterText }, text).toEqual({ data: theirs.data, frontmatterText: theirs.matter });
      // Spaces after the closing "---" start gray-matter's body; they are no text of the piece.
      expect(ours.source.body, text).toBe(theirs.content.replace(/^[ \t]+\n/, ''));
    }
  });
  it('gives a field named excerpt_separator no meaning of its own, whatever its value', () => {
    const outcome = parseMarkdownSource(bytes('---\ntitle: A\nexcerpt_separator: {toString: 1}\n---\nBody.\n'));
    expect(outcome.ok && outcome.source.data).toEqual({ title: 'A', excerpt_separator: { toString: 1 } });
  });
  it('calls frontmatter that is a bare value a single value, not fields', () => {
    const outcome = parseMarkdownSource(bytes('---\n~\n---\nBody.\n'));
    expect(!outcome.ok && outcome.problem).toMatchObject({ line: 2, field: 'frontmatter', message: expect.stringContaining('not a single value') });
  });
  it('splits a file again without parsing it, exactly as parsing did (for cached findings)', () => {
    const text = '\uFEFF---\r\ntitle: A\r\ndek: "b"\r\n---\r\n\r\nBody\r\n';
    const outcome = parseMarkdownSource(bytes(text));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(splitSource(bytes(text))).toEqual({ frontmatterText: outcome.source.frontmatterText, body: outcome.source.body });
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
    expect(locator.locate(['title', 'deeper'])).toEqual({ line: 2, column: 1 });
    expect(locator.locate(['authors', 2])).toEqual({ line: 6, column: 1 });
  });
  it('finds keys and items written in brackets and braces, quoted keys, and values under comments', () => {
    const text = [
      '',
      'tags: [ports, "red sea",',
      '  shipping]',
      'hero: { src: a.jpg, alt: "x, y" }',
      '"quoted key": 1',
      '# a comment',
      'corrections:',
      '  - date: 2026-10-15',
      '    text: |',
      '      A block',
      '      of text.',
      '  -   date: 2026-10-16',
      '? explicit',
      ': value',
      'last: x',
    ].join('\n');
    const at = new YamlLocator(text);
    expect(at.locate(['tags', 1])).toEqual({ line: 2, column: 15 });
    expect(at.locate(['tags', 2])).toEqual({ line: 3, column: 3 });
    expect(at.locate(['hero', 'alt'])).toEqual({ line: 4, column: 21 });
    expect(at.locate(['quoted key'])).toEqual({ line: 5, column: 1 });
    expect(at.locate(['corrections', 0, 'text'])).toEqual({ line: 9, column: 5 });
    expect(at.locate(['corrections', 1])).toEqual({ line: 12, column: 7 });
    expect(at.locate(['corrections', 1, 'date'])).toEqual({ line: 12, column: 7 });
    expect(at.locate(['explicit'])).toEqual({ line: 13, column: 3 });
    expect(at.locate(['last'])).toEqual({ line: 15, column: 1 });
  });
  it('counts CRLF lines as the file does, and locates a list of sections', () => {
    const at = new YamlLocator('- id: world\r\n  name: World\r\n- id: africa\r\n  kind: brand\r\n');
    expect(at.locate([1, 'kind'])).toEqual({ line: 4, column: 3 });
    expect(at.locate([1])).toEqual({ line: 3, column: 3 });
  });
  it('does not throw on text that does not parse (the validator reports its YAML error instead)', () => {
    const at = new YamlLocator('\ntitle: A\ndek: "open\nhero: [x\n');
    expect(at.locate(['title'])).toEqual({ line: 1, column: 1 });
  });
});
