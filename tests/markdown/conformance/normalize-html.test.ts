/**
 * The port of the CommonMark test suite's normaliser. The strict cases are the
 * doctests of normalize.py; when ported, it gave normalize.py's output (Python
 * 3.11) on every example's expected and rendered HTML and on 4,000 generated
 * tag soups.
 */
import { describe, expect, it } from 'vitest';
import { normalizeHtml } from './normalize-html.ts';

describe('normalizeHtml, strict: exactly normalize.py', () => {
  const strict = (html: string) => normalizeHtml(html, { strict: true });

  it.each([
    ['<p>a  \t b</p>', '<p>a b</p>'],
    ['<p>a  \t\nb</p>', '<p>a b</p>'],
    ['<p>a  b</p>', '<p>a b</p>'],
    [' <p>a  b</p>', '<p>a b</p>'],
    ['<p>a  b</p> ', '<p>a b</p>'],
    ['\n\t<p>\n\t\ta  b\t\t</p>\n\t', '<p>a b</p>'],
    ['<i>a  b</i> ', '<i>a b</i> '],
    ['<br />', '<br>'],
    ['<a title="bar" HREF="foo">x</a>', '<a href="foo" title="bar">x</a>'],
    ['&forall;&amp;&gt;&lt;&quot;', '\u2200&amp;&gt;&lt;&quot;'],
  ])('doctest %j', (html, normalized) => {
    expect(strict(html)).toBe(normalized);
  });

  it('keeps whitespace in <pre>', () => {
    expect(strict('<pre><code>a  b\n\n  c\n</code></pre>')).toBe('<pre><code>a  b\n\n  c\n</code></pre>');
  });

  it('knows only the HTML 4 named references, as Python does, and keeps the others as written', () => {
    expect(strict('&hellip; &ouml; &ngE; &#X22; &#x22; &#34;')).toBe('\u2026 \u00f6 &ngE; &X22; &quot; &quot;');
  });

  it('decodes references in attribute values and writes them back escaped', () => {
    expect(strict('<a href="&ouml;&amp;x" title=\'say "hi"\'>')).toBe('<a href="\u00f6&amp;x" title="say &quot;hi&quot;">');
  });

  it('leaves the plain-character and empty-attribute spellings apart, as normalize.py does', () => {
    expect(strict('<p>a > b</p>')).not.toBe(strict('<p>a &gt; b</p>'));
    expect(strict('<input disabled="">')).not.toBe(strict('<input disabled>'));
  });
});

describe('normalizeHtml, default: also folds spellings cmark never produces', () => {
  it('writes < > & " in text as entities, however they were written', () => {
    expect(normalizeHtml('<p>a > b "c" & d</p>')).toBe(normalizeHtml('<p>a &gt; b &quot;c&quot; &amp; d</p>'));
  });
  it('takes an empty attribute value for none', () => {
    expect(normalizeHtml('<input checked="" disabled="" type="checkbox">')).toBe(normalizeHtml('<input type="checkbox" disabled checked>'));
  });
  it('ignores whitespace at the start and end of the document', () => {
    expect(normalizeHtml('<a href="x">\n')).toBe(normalizeHtml('<a href="x">'));
  });
});

describe('normalizeHtml still tells different HTML apart', () => {
  it.each([
    ['<p>a</p>', '<p>b</p>'],
    ['<p>a b</p>', '<p>ab</p>'],
    ['<em>a</em>', '<strong>a</strong>'],
    ['<a href="x">a</a>', '<a href="y">a</a>'],
    ['<a href="x">a</a>', '<a href="x" rel="noopener">a</a>'],
    ['<p>"a"</p>', '<p>\u201ca\u201d</p>'],
    ['<pre><code>a  b</code></pre>', '<pre><code>a b</code></pre>'],
    ['<p>a</p><!-- c -->', '<p>a</p>'],
  ])('%j from %j', (one, other) => {
    expect(normalizeHtml(one)).not.toBe(normalizeHtml(other));
  });
});
