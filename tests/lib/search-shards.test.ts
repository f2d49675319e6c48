import { describe, expect, it } from 'vitest';
import { shardLayout, shardList, shardOf, type ShardLayout } from '../../src/lib/search/shards.ts';

const zone = 'America/New_York';
const at = (iso: string) => new Date(iso);

const layout = (newestYear: string, splitYears: [string, number][] = []): ShardLayout => ({ newestYear, splitYears: new Map(splitYears) });

describe('search shards', () => {
  it('are months in the newest year and years before it, in the site’s time zone', () => {
    expect(shardOf(at('2026-11-14T12:00:00Z'), zone, layout('2026'))).toBe('2026-11');
    expect(shardOf(at('2025-11-14T12:00:00Z'), zone, layout('2026'))).toBe('2025');
    // 03:00 UTC on 1 December is still 30 November in New York.
    expect(shardOf(at('2026-12-01T03:00:00Z'), zone, layout('2026'))).toBe('2026-11');
    // ...and 03:00 UTC on 1 January 2027 still 2026, whose months then make one shard.
    expect(shardOf(at('2027-01-01T03:00:00Z'), zone, layout('2027'))).toBe('2026');
  });

  it('take the newest year from the newest date in that zone', () => {
    expect(shardLayout([at('2024-05-01T00:00:00Z'), at('2026-01-01T04:00:00Z'), at('2025-07-01T00:00:00Z')], zone).newestYear).toBe('2025');
    expect(shardLayout([at('2026-01-01T06:00:00Z')], zone).newestYear).toBe('2026');
    expect(shardLayout([], zone)).toEqual({ newestYear: '', splitYears: new Map() });
  });

  it('halve a past year of more pieces than a shard should hold, at the end of June in that zone', () => {
    const dates = [
      ...Array.from({ length: 4 }, () => at('2024-03-01T12:00:00Z')),
      ...Array.from({ length: 3 }, () => at('2025-03-01T12:00:00Z')),
      ...Array.from({ length: 9 }, () => at('2026-03-01T12:00:00Z')),
    ];
    const found = shardLayout(dates, zone, 3);
    // 2024 has more than three pieces and is halved; 2025 has three; 2026, the newest, is in months whatever its count.
    expect(found).toEqual({ newestYear: '2026', splitYears: new Map([['2024', 2]]) });
    expect(shardOf(at('2024-03-01T12:00:00Z'), zone, found)).toBe('2024-h1');
    // 03:00 UTC on 1 July is still 30 June in New York.
    expect(shardOf(at('2024-07-01T03:00:00Z'), zone, found)).toBe('2024-h1');
    expect(shardOf(at('2024-07-01T05:00:00Z'), zone, found)).toBe('2024-h2');
    expect(shardOf(at('2025-09-01T12:00:00Z'), zone, found)).toBe('2025');
    expect(shardOf(at('2026-09-01T12:00:00Z'), zone, found)).toBe('2026-09');
    expect(['2026-01', '2025', '2024-h2', '2024-h1', '2023'].sort()).toEqual(['2023', '2024-h1', '2024-h2', '2025', '2026-01']);
  });

  it('split a past year into as few runs of months as keep each shard within the limit', () => {
    const year = (count: number, y: string) => Array.from({ length: count }, (_, i) => at(`${y}-${String((i % 12) + 1).padStart(2, '0')}-15T12:00:00Z`));
    const found = shardLayout([...year(7, '2021'), ...year(10, '2022'), ...year(13, '2023'), ...year(40, '2024'), ...year(1, '2026')], zone, 3);
    // 7 pieces: halves would hold 4, thirds 3. 10: quarters hold 3. 13: two-month parts hold 3. 40: months, whatever they hold.
    expect(found.splitYears).toEqual(new Map([['2021', 3], ['2022', 4], ['2023', 6], ['2024', 12]]));
    expect(['2021-01', '2021-04', '2021-05', '2021-12'].map((month) => shardOf(at(`${month}-15T12:00:00Z`), zone, found))).toEqual(['2021-t1', '2021-t1', '2021-t2', '2021-t3']);
    expect(['2022-03', '2022-04', '2022-12'].map((month) => shardOf(at(`${month}-15T12:00:00Z`), zone, found))).toEqual(['2022-q1', '2022-q2', '2022-q4']);
    expect(['2023-02', '2023-03', '2023-12'].map((month) => shardOf(at(`${month}-15T12:00:00Z`), zone, found))).toEqual(['2023-b1', '2023-b2', '2023-b6']);
    expect(['2024-01', '2024-09', '2024-10', '2024-12'].map((month) => shardOf(at(`${month}-15T12:00:00Z`), zone, found))).toEqual(['2024-m01', '2024-m09', '2024-m10', '2024-m12']);
    // Within a year the names sort in order of the months.
    const names = Array.from({ length: 12 }, (_, i) => shardOf(at(`2024-${String(i + 1).padStart(2, '0')}-15T12:00:00Z`), zone, found));
    expect([...names].sort()).toEqual(names);
  });

  it('are listed newest first, the newest month served as the primary index', () => {
    expect(shardList(['2024', '2026-02', '2025', '2026-11', '2026-10'], '/pr-1/')).toEqual({
      archive: ['/pr-1/pagefind/archive/2026-10/', '/pr-1/pagefind/archive/2026-02/', '/pr-1/pagefind/archive/2025/', '/pr-1/pagefind/archive/2024/'],
    });
  });
});
