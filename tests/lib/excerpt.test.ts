import { describe, expect, it } from 'vitest';
import { makeExcerpt, truncateText, LEAD_CHARS } from '../../src/markdown/excerpt.ts';

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('Short.', 100)).toBe('Short.');
  });
  it('cuts at the last sentence end when it is past half-way', () => {
    const text = 'First sentence is here. Second sentence is a bit longer than that. Third.';
    expect(truncateText(text, 40)).toBe('First sentence is here.');
    expect(truncateText(text, 60)).toBe('First sentence is here. Second sentence is a bit longer…');
    expect(truncateText(text, 70)).toBe('First sentence is here. Second sentence is a bit longer than that.');
  });
  it('cuts at a word and adds an ellipsis when no sentence end is near', () => {
    const text = 'A very long opening sentence without any full stop that goes on and on for a while';
    const cut = truncateText(text, 40);
    expect(cut).toBe('A very long opening sentence without…');
    expect(cut.length).toBeLessThanOrEqual(40);
  });
  it('never cuts inside a word or leaves dangling punctuation', () => {
    expect(truncateText('Tehran, Moscow, Beijing, and the rest of them, all waiting', 30)).toBe('Tehran, Moscow, Beijing, and…');
  });
  it('treats closing quotes after a full stop as part of the sentence', () => {
    expect(truncateText('He said “no.” Then he left the room for good and never came back.', 24)).toBe('He said “no.”');
  });
});

describe('makeExcerpt', () => {
  const p = (text: string) => ({ tag: 'p', text });
  const sentence = (n: number) => `Sentence number ${n} carries a little more than sixty characters of text.`;
  const longParagraph = [1, 2, 3, 4, 5, 6].map(sentence).join(' ');

  it('leads with the opening sentences and keeps the rest of the paragraph for "keep reading"', () => {
    const excerpt = makeExcerpt([p(longParagraph), p('Second paragraph.')]);
    expect(excerpt.lead).toBe([1, 2, 3].map(sentence).join(' '));
    expect(excerpt.lead.length).toBeLessThanOrEqual(LEAD_CHARS);
    expect(excerpt.more).toEqual([[4, 5, 6].map(sentence).join(' '), 'Second paragraph.']);
  });
  it('ends the opening at the first sub-heading, and skips a leading quote', () => {
    expect(makeExcerpt([{ tag: 'blockquote', text: 'Epigraph' }, p('One.'), p('Two.'), { tag: 'h2', text: 'Head' }, p('Three.')])).toEqual({
      lead: 'One.',
      more: ['Two.'],
    });
  });
  it('cuts a sentence that is too long for a lead at a word, and continues after it', () => {
    const run = 'word '.repeat(100).trim();
    const excerpt = makeExcerpt([p(run)]);
    expect(excerpt.lead.endsWith('…')).toBe(true);
    expect(excerpt.more[0]!.startsWith('…word')).toBe(true);
    expect(`${excerpt.lead.slice(0, -1)} ${excerpt.more[0]!.slice(1)}`.replace(/\s+/g, ' ')).toBe(run);
  });
  it('stays within the character budget', () => {
    const excerpt = makeExcerpt([p(longParagraph), p(longParagraph), p(longParagraph)], { maxChars: 500, maxParagraphs: 3 });
    expect(excerpt.lead.length + excerpt.more.join('').length).toBeLessThanOrEqual(501);
    expect(excerpt.more.at(-1)!.endsWith('.') || excerpt.more.at(-1)!.endsWith('…')).toBe(true);
  });
  it('is empty for a body without paragraphs', () => {
    expect(makeExcerpt([{ tag: 'ul', text: 'list' }])).toEqual({ lead: '', more: [] });
  });
});
