import { describe, expect, it } from 'vitest';
import { findInternalLinks, findUnsafeBodyUrls } from '../../src/lib/body-checks.ts';

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

describe('findInternalLinks', () => {
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
