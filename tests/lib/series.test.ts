import { describe, expect, it } from 'vitest';
import { numberingProblems, partLabel, placementOf, readerParts } from '../../src/lib/content/series.ts';

const parts = (...numbers: number[]) => numbers.map((part, index) => ({ part, file: `content/articles/p${index}.md` }));

describe("the editor's numbering of a series", () => {
  it('accepts 1, 2, 3 in any file order', () => {
    expect(numberingProblems('gulf-water', parts(2, 3, 1))).toEqual([]);
  });

  it('refuses a number used twice, on the second file, naming the first', () => {
    expect(numberingProblems('gulf-water', parts(1, 2, 2))).toEqual([
      { index: 2, message: 'part 2 of series "gulf-water" is also content/articles/p1.md; give each part its own number' },
    ]);
  });

  it('refuses a gap, on the part after it', () => {
    const problems = numberingProblems('gulf-water', parts(1, 2, 4));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.index).toBe(2);
    expect(problems[0]!.message).toBe(
      'series "gulf-water" has no part 3 before this part 4 (its parts are 1, 2, 4); number the parts 1, 2, 3... without gaps, or add the missing part 3',
    );
  });

  it('refuses a series that does not start at 1, and names a run of missing parts once', () => {
    expect(numberingProblems('s', parts(2, 3)).map((p) => [p.index, p.message.slice(0, 40)])).toEqual([[0, 'series "s" has no part 1 before this par']]);
    expect(numberingProblems('s', parts(1, 5))[0]!.message).toContain('has no parts 2 to 4 before this part 5');
  });
});

describe("the reader's numbering", () => {
  const a = { slug: 'a', part: 1 };
  const b = { slug: 'b', part: 2 };
  const c = { slug: 'c', part: 3 };
  const number = (visible: (typeof a)[]) => readerParts(visible, (item) => item.part, (item) => item.slug);

  it("follows the editor's order whatever order the pieces come in", () => {
    expect(number([c, a, b]).map((part) => [part.item.slug, part.number])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('numbers again from 1 when a part is not public, so readers never meet a gap', () => {
    const visible = number([a, c]);
    expect(placementOf(visible, c)).toEqual({ number: 2, of: 2, previous: a });
    expect(placementOf(visible, a)).toEqual({ number: 1, of: 2, next: c });
    expect(placementOf(visible, b)).toBeUndefined();
  });

  it('gives the first and last parts one neighbour each and the middle two', () => {
    const visible = number([a, b, c]);
    expect(placementOf(visible, b)).toEqual({ number: 2, of: 3, previous: a, next: c });
    expect(partLabel(2, 3)).toBe('Part 2 of 3');
  });
});
