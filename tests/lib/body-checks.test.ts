import { describe, expect, it } from 'vitest';
import { findInternalLinks, findSwallowingTags, findUnfinishedEnding, findUnsafeBodyUrls, mayHoldUnsafeUrl, withoutCode } from '../../src/lib/content/body-checks.ts';

describe('findUnsafeBodyUrls', () => {
  it('finds javascript:, data: and protocol-relative links with their position', () => {
    const body = 'Fine [link](https://example.org).\n\nBad [x](javascript:alert(1)) here.\n<img src="data:text/html;base64,AAA">\n[ref]: //evil.example/x\n';
    const found = findUnsafeBodyUrls(body);
    expect(found.map((f) => [f.line, f.url])).toEqual([
      [3, 'javascript:alert(1)'],
      [4, 'data:text/html;base64,AAA'],
      [5, '//evil.example/x'],
    ]);
    expect(found[0]!.column).toBe(9);
  });
  it('sees through entity-encoded and mixed-case schemes', () => {
    expect(findUnsafeBodyUrls('<a href="&#106;avascript:alert(1)">x</a>')).toHaveLength(1);
    expect(findUnsafeBodyUrls('[x](JaVaScRiPt:alert(1))')).toHaveLength(1);
  });
  it('leaves ordinary prose and safe links alone', () => {
    expect(findUnsafeBodyUrls('The data: it shows [a](https://a.example) and <https://b.example>.')).toEqual([]);
  });
});

describe('mayHoldUnsafeUrl, the quick look that lets most bodies skip the full scan', () => {
  // What it replaced: one pattern for everything an unsafe link needs. It may say yes more often, never less.
  const needs = /(script|data|file)\s*(:|&)|&#|&[a-z]+;|(^|[^:])\/\//im;
  it('says yes to every text the full pattern matches (20,000 generated texts)', () => {
    const pieces = ['java', 'script', 'VBScript', 'DATA', 'file', 'fil', ':', '&', '&#', '&colon;', '&amp', ';', '/', '//', 'https:', ' ', '\t', '\n', 'a', '[x](', ')', '<', '>', '="'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let matched = 0;
    for (let sample = 0; sample < 20_000; sample++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      if (!needs.test(text)) continue;
      matched++;
      expect(mayHoldUnsafeUrl(text), JSON.stringify(text)).toBe(true);
    }
    expect(matched).toBeGreaterThan(5_000);
  });
  it('says no to prose with ordinary https links', () => {
    expect(mayHoldUnsafeUrl('See [the report](https://a.example/r) and <https://b.example>: the data, in short.')).toBe(false);
  });
});

describe('withoutCode', () => {
  it('returns a body without code as it is, and blanks code where there is some', () => {
    const prose = 'A paragraph.\n\nAnother, with a list:\n\n- one\n- two\n';
    expect(withoutCode(prose)).toBe(prose);
    expect(withoutCode('Text `<style>` here.\n\n    indented <script>\n')).toBe(`Text ${' '.repeat(9)} here.\n\n${' '.repeat(21)}\n`);
  });
});

describe('findInternalLinks', () => {
  it('places each link at its line and column, and keeps a segment with broken escapes as written', () => {
    const links = findInternalLinks('First line.\n\nSee [a](/one/) and\n[b](/two/) then [c](/%E0%A4%A/).');
    expect(links.map((link) => [link.firstSegment, link.line, link.column])).toEqual([
      ['one', 3, 9],
      ['two', 4, 5],
      ['%E0%A4%A', 4, 21],
    ]);
  });
  it('finds root-relative links with their first path segment', () => {
    const links = findInternalLinks('See [this](/iran-sco/#note) and [that](/author/ada/) but not [ext](https://a.example/x) or [pr](//b.example).');
    expect(links.map((link) => [link.firstSegment, link.href, link.line])).toEqual([
      ['iran-sco', '/iran-sco/#note', 1],
      ['author', '/author/ada/', 1],
    ]);
  });
});

describe('findUnsafeBodyUrls, evasions', () => {
  it.each([
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    "<a href='java\tscript:alert(1)'>x</a>",
    '<a href=javascript:alert(1)>x</a>',
  ])('catches %j', (html) => {
    expect(findUnsafeBodyUrls(html)).toHaveLength(1);
  });
  it('quotes the whole link, parentheses included', () => {
    expect(findUnsafeBodyUrls('[click](javascript:alert(1))')[0]!.url).toBe('javascript:alert(1)');
  });
});

describe('findSwallowingTags', () => {
  it('is an error for an unclosed raw-text element, which would take the text after it', () => {
    expect(findSwallowingTags('Line one.\n\nThe <style> element sets colours.')).toEqual([
      { line: 3, column: 5, tag: 'style', severity: 'error', message: expect.stringContaining('"<style>" is never closed, so the text after it would be lost') },
    ]);
    expect(findSwallowingTags('A <PLAINTEXT> tag </plaintext> never ends.')[0]).toMatchObject({ tag: 'plaintext', severity: 'error' });
    expect(findSwallowingTags('Type it in a <textarea name="x">.')[0]).toMatchObject({ tag: 'textarea', severity: 'error', message: expect.stringContaining('`<textarea>`') });
  });

  it('is a warning for a closed one, which the page loses whole', () => {
    expect(findSwallowingTags('Watch: <iframe src="https://video.example/1"></iframe>')).toEqual([
      { line: 1, column: 8, tag: 'iframe', severity: 'warning', message: expect.stringContaining('link to the page it shows instead') },
    ]);
    expect(findSwallowingTags('<script>alert(1)</script>')[0]).toMatchObject({ tag: 'script', severity: 'warning', message: expect.stringContaining('remove it') });
  });

  it('leaves tags in code alone: spans, fenced and indented blocks', () => {
    expect(findSwallowingTags('The `<style>` element and ``<script>`` too.')).toEqual([]);
    expect(findSwallowingTags('Before.\n\n```html\n<style>\n```\n\n~~~~\n<script>\n~~~~\n\n    <title>\n\nAfter.')).toEqual([]);
    // A fence that never closes runs to the end, as in CommonMark.
    expect(findSwallowingTags('```\n<style>')).toEqual([]);
  });

  it('still finds a tag after code, on the right line and column', () => {
    expect(findSwallowingTags('`<b>` then\n```\ncode\n```\nand <noscript> here')).toEqual([expect.objectContaining({ line: 5, column: 5, tag: 'noscript' })]);
  });

  it('ignores names that only begin like a raw-text element', () => {
    expect(findSwallowingTags('A <titlebar> and <scripts> are not elements we know; <style-guide> neither.')).toEqual([]);
  });
});

describe('findUnfinishedEnding', () => {
  const ends = (body: string) => findUnfinishedEnding(body);

  it('finds a last paragraph that stops mid-sentence, with its last line and words', () => {
    expect(ends('First paragraph.\n\nThe committee will report in the spring, and until\nthen the')).toEqual({ line: 4, tail: 'the spring, and until then the' });
    expect(ends('It ends on a colon:')).toMatchObject({ line: 1 });
    expect(ends('It ends on a dash —')).toMatchObject({ line: 1 });
    expect(ends('Cut off after [a link](https://example.org)')).toMatchObject({ tail: 'Cut off after a link' });
    // A quotation that never closes its sentence.
    expect(ends('> As one minister put it, the port')).toMatchObject({ line: 1 });
  });

  it('accepts any sentence end, with closing quotes, brackets, emphasis and links after it', () => {
    for (const body of [
      'It ended.',
      'Did it end?',
      'It ended!',
      'And then…',
      'And then...',
      '"It has ended," she said.',
      'He called it "the end."',
      'He called it “the end.”',
      'He called it ‘the end.’',
      'It ended (for now.)',
      'It *ended.*',
      'It **ended**.',
      'It ended, as [the report](/port-report/) says.',
      'It ended.[^1]\n\n[^1]: A note without a full stop',
      'It ended.  ',
      'It ended.\\',
      'It ended. <br>',
      'それは終わった。',
    ]) {
      expect(ends(body), body).toBeNull();
    }
  });

  it('leaves bodies ending in a list, table, code, heading, image, HTML, directive or rule alone', () => {
    for (const body of [
      'What to watch:\n\n- the vote\n- the budget',
      'What to watch:\n\n1. the vote\n2) the budget',
      'Figures:\n\n| year | ships |\n| --- | --- |\n| 2026 | 12 |',
      'Code:\n\n```\nno full stop\n```',
      'Code:\n\n    no full stop',
      'Text.\n\n## What comes next',
      'Text.\n\nWhat comes next\n---------------',
      'Text.\n\n![Cranes at dawn](../../images/harbour.jpg)',
      'Text.\n\n[![Cranes](../../images/harbour.jpg)](https://example.org)',
      'Text.\n\n<figure><img src="x.jpg" alt="x"></figure>',
      'Text.\n\n::figure[Cranes at dawn]{src="../../images/harbour.jpg"}',
      'Text.\n\n:::aside\nA box\n:::',
      'Text.\n\n---',
    ]) {
      expect(ends(body), body).toBeNull();
    }
  });

  it('reads the prose before footnotes and link definitions, and lets a closing line in italics be', () => {
    expect(ends('The end came.[^1]\n\n[^1]: Source: the port authority\n    continued on a second line')).toBeNull();
    expect(ends('The end came.\n\n[report]: https://example.org/report')).toBeNull();
    expect(ends('The end never[^1]\n\n[^1]: A note.')).toMatchObject({ line: 1 });
    expect(ends('The end came.\n\n*Additional reporting by Ana Ruiz*')).toBeNull();
    expect(ends('The end came.\n\n_This piece first appeared in The Harbor Quarterly_')).toBeNull();
  });

  it('says nothing about an empty body (that is an error of its own)', () => {
    expect(ends('')).toBeNull();
    expect(ends('\n\n  \n')).toBeNull();
  });
});
