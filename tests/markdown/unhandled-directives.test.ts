import { describe, expect, it } from 'vitest';
import { createProcessor, renderBody } from '../../src/markdown/pipeline.ts';

const processor = createProcessor({ siteUrl: 'https://meridian-review.example' });
const html = (markdown: string) => renderBody(processor, markdown).html;

describe('directives no plugin claims are put back as the text they were written as', () => {
  it('keeps the colons of prose: times, ratios, labels', () => {
    expect(html('Talks resumed at 10:30 and ended 2:1, with Note:this and ratio:high.')).toBe(
      '<p>Talks resumed at 10:30 and ended 2:1, with Note:this and ratio:high.</p>',
    );
  });

  it('keeps a text directive with a label and attributes, label formatting included', () => {
    expect(html('The :abbr[*UN*]{title="United Nations"} met.')).toBe('<p>The :abbr[<em>UN</em>]{title=”United Nations”} met.</p>');
  });

  it('sets typography across a restored directive as if it had never been parsed', () => {
    expect(html('"Note:this" matters')).toBe('<p>“Note:this” matters</p>');
  });

  it('keeps an unknown leaf directive as a paragraph', () => {
    expect(html('::unknown[A label]{src="x.jpg"}')).toBe('<p>::unknown[A label]{src=”x.jpg”}</p>');
  });

  it('keeps an unknown container directive with all its content, nested ones too', () => {
    const markdown = [':::box{.wide}', 'First **paragraph**.', '', '::inner', '', ':::'].join('\n');
    expect(html(markdown)).toBe('<p>:::box{class=”wide”}</p>\n<p>First <strong>paragraph</strong>.</p>\n<p>::inner</p>\n<p>:::</p>');
  });

  it('leaves directives in code alone', () => {
    expect(html('`::figure` and\n\n```\n:::aside\n```')).toBe('<p><code>::figure</code> and</p>\n<pre><code>:::aside\n</code></pre>');
  });
});
