import { describe, expect, it } from 'vitest';
import { makeExcerpt, truncateText } from '../../src/lib/excerpt.ts';

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
    const cut = truncateText('Tehran, Moscow, Beijing, and the rest of them, all waiting', 30);
    expect(cut).toBe('Tehran, Moscow, Beijing, and…');
  });
  it('treats closing quotes after a full stop as part of the sentence', () => {
    expect(truncateText('He said “no.” Then he left the room for good and never came back.', 24)).toBe('He said “no.”');
  });
});

describe('makeExcerpt', () => {
  const p = (text: string) => ({ tag: 'p', text });
  it('takes the opening paragraphs until the first sub-heading', () => {
    expect(makeExcerpt([p('One.'), p('Two.'), { tag: 'h2', text: 'Head' }, p('Three.')])).toEqual(['One.', 'Two.']);
  });
  it('skips a leading quote or heading', () => {
    expect(makeExcerpt([{ tag: 'blockquote', text: 'Epigraph' }, p('Opening.')])).toEqual(['Opening.']);
  });
  it('stays within the character budget and stops after a cut paragraph', () => {
    const long = 'word '.repeat(200).trim();
    const excerpt = makeExcerpt([p('Short opening.'), p(long), p('Never shown.')], { maxChars: 120, maxParagraphs: 3 });
    expect(excerpt[0]).toBe('Short opening.');
    expect(excerpt[1]!.endsWith('…')).toBe(true);
    expect(excerpt.join('').length).toBeLessThanOrEqual(120);
    expect(excerpt).toHaveLength(2);
  });
  it('limits the number of paragraphs', () => {
    expect(makeExcerpt([p('A.'), p('B.'), p('C.'), p('D.')], { maxChars: 1000, maxParagraphs: 2 })).toEqual(['A.', 'B.']);
  });
  it('is empty for a body without paragraphs', () => {
    expect(makeExcerpt([{ tag: 'ul', text: 'list' }])).toEqual([]);
  });
});
