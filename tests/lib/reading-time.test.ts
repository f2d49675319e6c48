import { describe, expect, it } from 'vitest';
import { readingMinutes, readingTimeLabel, WORDS_PER_MINUTE } from '../../src/lib/presentation/reading-time.ts';

describe('reading time', () => {
  it('is never under a minute, even for an empty or odd count', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(40)).toBe(1);
    expect(readingMinutes(-5)).toBe(1);
    expect(readingMinutes(Number.NaN)).toBe(1);
  });

  it('rounds to the nearest whole minute at 230 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingMinutes(344)).toBe(1);
    expect(readingMinutes(345)).toBe(2);
    expect(readingMinutes(1150)).toBe(5);
    expect(readingMinutes(1264)).toBe(5);
    expect(readingMinutes(1265)).toBe(6);
  });

  it('reads "N min read"', () => {
    expect(readingTimeLabel(1150)).toBe('5 min read');
    expect(readingTimeLabel(12)).toBe('1 min read');
  });
});
