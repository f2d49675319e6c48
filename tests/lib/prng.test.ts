import { describe, expect, it } from 'vitest';
import { createRng, hashSeed, mulberry32 } from '../../scripts/lib/prng.ts';
import { generateArticles } from '../../scripts/lib/corpus.ts';

// The values below were taken from the generators before they shared this module. If one changes,
// every committed sample image (npm run sample-images) and every benchmark corpus changes with it.
describe('the shared PRNG', () => {
  it('gives a picture name the sequence the sample images were drawn with', () => {
    expect(hashSeed('gulf-water-1')).toBe(3974612227);
    const rng = createRng('gulf-water-1');
    expect([rng.next(), rng.next(), rng.next()]).toEqual([0.3974126991815865, 0.13709327531978488, 0.15769114531576633]);
  });

  it('gives a number seed the sequence the bench corpus was generated with', () => {
    const random = mulberry32(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('seeds from a text exactly as from its hash, and repeats itself', () => {
    const fromText = createRng('signal-1');
    const fromHash = createRng(hashSeed('signal-1'));
    const again = createRng('signal-1');
    const draws = Array.from({ length: 50 }, () => fromText.int(0, 1000));
    expect(Array.from({ length: 50 }, () => fromHash.int(0, 1000))).toEqual(draws);
    expect(Array.from({ length: 50 }, () => again.int(0, 1000))).toEqual(draws);
  });

  it('keeps the bench corpus the same article for article', () => {
    const summary = (articles: Iterable<{ slug: string; title: string }>) => [...articles].map(({ slug, title }) => [slug, title]);
    expect(summary(generateArticles(3))).toEqual([
      ['middle-east-militia-0', 'Zekzek mortel riyadh desalination its is nalmigor tenquifes'],
      ['asia-pacific-taiwan-1', 'Alliance are and rinal tenhalnal in leaders crisis'],
      ['europe-brussels-2', 'More halrobas mimika have kazekqui this security for'],
    ]);
    expect(summary(generateArticles(2, { seed: 7 }))).toEqual([
      ['middle-east-gulf-0', 'Ceasefire be are that from ribasmi that udnalgor'],
      ['asia-pacific-archipelago-1', 'Archipelago for dorfesdor crisis archipelago and government with'],
    ]);
    expect([...generateArticles(40, { seed: 3 })]).toEqual([...generateArticles(40, { seed: 3 })]);
  });
});
