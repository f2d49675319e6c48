import { describe, expect, it } from 'vitest';
import { paginateArchive, pageNavigation } from '../../src/lib/pagination.ts';

const newestFirst = (count: number) => Array.from({ length: count }, (_, i) => count - i); // item n = nth oldest

describe('paginateArchive', () => {
  it('numbers archive pages from the oldest end', () => {
    const archive = paginateArchive(newestFirst(7), 3);
    expect(archive.front).toEqual([7, 6, 5]);
    expect(archive.pages).toEqual([
      { number: 1, items: [3, 2, 1] },
      { number: 2, items: [6, 5, 4] },
      { number: 3, items: [7] },
    ]);
  });

  it('changes only the front page and the newest archive page when an item is added', () => {
    const before = paginateArchive(newestFirst(10), 4);
    const after = paginateArchive(newestFirst(11), 4);
    expect(after.pages[0]).toEqual(before.pages[0]);
    expect(after.pages[1]).toEqual(before.pages[1]);
    expect(after.pages[2]).not.toEqual(before.pages[2]);
    const grown = paginateArchive(newestFirst(13), 4);
    expect(grown.pages.slice(0, 3)).toEqual(paginateArchive(newestFirst(12), 4).pages);
    expect(grown.pages).toHaveLength(4);
  });

  it('covers every item exactly once across archive pages', () => {
    const archive = paginateArchive(newestFirst(23), 5);
    expect(archive.pages.flatMap((page) => page.items).sort((a, b) => a - b)).toEqual(newestFirst(23).sort((a, b) => a - b));
  });

  it('handles empty and exact lists, and refuses a bad page size', () => {
    expect(paginateArchive([], 5)).toEqual({ front: [], pages: [], pageSize: 5 });
    expect(paginateArchive(newestFirst(6), 3).pages.map((page) => page.items.length)).toEqual([3, 3]);
    expect(() => paginateArchive([1], 0)).toThrow(/positive whole number/);
  });
});

describe('pageNavigation', () => {
  it('links the front page to the archive page that continues it', () => {
    // 7 items, 3 per page: the front shows 7,6,5; the next older item is 4, on page 2.
    expect(pageNavigation('/latest/', 7, 3, 'front')).toMatchObject({ older: '/latest/page/2/' });
    expect(pageNavigation('/latest/', 7, 3, 'front').newer).toBeUndefined();
    expect(pageNavigation('/latest/', 3, 3, 'front').older).toBeUndefined();
  });
  it('walks archive pages towards the past and back to the front page', () => {
    expect(pageNavigation('/latest/', 7, 3, 3)).toMatchObject({ newer: '/latest/', older: '/latest/page/2/' });
    expect(pageNavigation('/latest/', 7, 3, 1)).toMatchObject({ newer: '/latest/page/2/' });
    expect(pageNavigation('/latest/', 7, 3, 1).older).toBeUndefined();
  });
  it('links a window of pages around the current one, and page 1', () => {
    const labels = (current: number | 'front') => pageNavigation('/x/', 200, 10, current).links.map((link) => `${link.gapBefore ? '… ' : ''}${link.label}${link.current ? '*' : ''}`);
    expect(labels('front')).toEqual(['Latest*', '20', '19', '… 1']);
    expect(labels(20)).toEqual(['Latest', '20*', '19', '18', '… 1']);
    expect(labels(10)).toEqual(['Latest', '12', '11', '10*', '9', '8', '… 1']);
    expect(labels(3)).toEqual(['Latest', '5', '4', '3*', '2', '1']);
    expect(labels(4)).toEqual(['Latest', '6', '5', '4*', '3', '2', '1']);
  });
  it('leaves archive pages far below the top unchanged when a publish adds a page', () => {
    for (const number of [1, 5, 17]) expect(pageNavigation('/x/', 201, 10, number), `page ${number}`).toEqual(pageNavigation('/x/', 200, 10, number));
    // Only the pages near the top see the new one.
    expect(pageNavigation('/x/', 201, 10, 19)).not.toEqual(pageNavigation('/x/', 200, 10, 19));
  });
  it('lists the front page then archive pages newest first, marking the current one', () => {
    const { links } = pageNavigation('/x/', 7, 3, 2);
    expect(links.map((link) => [link.label, link.href, link.current])).toEqual([
      ['Latest', '/x/', false],
      ['3', '/x/page/3/', false],
      ['2', '/x/page/2/', true],
      ['1', '/x/page/1/', false],
    ]);
  });
});
