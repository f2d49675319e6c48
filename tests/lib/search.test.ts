import { describe, expect, it } from 'vitest';
import { excerptPieces, normalizeQuery, queryFromSearch, resultCountMessage, searchHref } from '../../src/lib/search/results.ts';

describe('queryFromSearch', () => {
  it('reads q from the address, decoded and normalized', () => {
    expect(queryFromSearch('?q=seabed+cables')).toBe('seabed cables');
    expect(queryFromSearch('?q=%20%20gulf%20%20water%20&page=2')).toBe('gulf water');
    expect(queryFromSearch('?q=caf%C3%A9')).toBe('café');
  });
  it('is empty when there is no query', () => {
    expect(queryFromSearch('')).toBe('');
    expect(queryFromSearch('?other=1')).toBe('');
    expect(queryFromSearch('?q=%20')).toBe('');
  });
});

describe('normalizeQuery', () => {
  it('trims and collapses whitespace, including newlines and tabs', () => {
    expect(normalizeQuery('  a \t b\n c ')).toBe('a b c');
    expect(normalizeQuery(null)).toBe('');
  });
});

describe('searchHref', () => {
  it('sets q, keeping the path, other parameters and the fragment', () => {
    expect(searchHref('http://example.org/search/?x=1#top', 'reef  patrols')).toBe('/search/?x=1&q=reef+patrols#top');
    expect(searchHref('http://example.org/search/?q=old', 'new')).toBe('/search/?q=new');
  });
  it('removes q when the query is empty', () => {
    expect(searchHref('http://example.org/search/?q=old', '  ')).toBe('/search/');
  });
});

describe('excerptPieces', () => {
  it('separates marked words from plain text', () => {
    expect(excerptPieces('the <mark>Baltic</mark> grid and <mark>Baltic</mark> cables')).toEqual([
      { text: 'the ', marked: false },
      { text: 'Baltic', marked: true },
      { text: ' grid and ', marked: false },
      { text: 'Baltic', marked: true },
      { text: ' cables', marked: false },
    ]);
  });
  it('decodes the escaping Pagefind applies, so markup in an article stays text', () => {
    expect(excerptPieces('a &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>&lt;b&gt;</mark>')).toEqual([
      { text: 'a <script>alert(1)</script> & ', marked: false },
      { text: '<b>', marked: true },
    ]);
  });
  it('leaves a bare ampersand and unknown entities alone', () => {
    expect(excerptPieces('R&D &bogus; &#39;quoted&#x27;')).toEqual([{ text: "R&D &bogus; 'quoted'", marked: false }]);
  });
  it('merges adjacent marks and drops empty pieces', () => {
    expect(excerptPieces('<mark>sea</mark><mark>bed</mark>')).toEqual([{ text: 'seabed', marked: true }]);
    expect(excerptPieces('')).toEqual([]);
  });
});

describe('resultCountMessage', () => {
  it('counts results in words a screen reader reads naturally', () => {
    expect(resultCountMessage(0, 'zzz')).toBe('No results for “zzz”.');
    expect(resultCountMessage(1, 'reef')).toBe('1 result for “reef”.');
    expect(resultCountMessage(12, ' reef  patrols ')).toBe('12 results for “reef patrols”.');
  });
});
