import { describe, expect, it } from 'vitest';
import { shardLayout, shardList, shardOf, type ShardLayout } from '../../src/lib/search/shards.ts';

const zone = 'America/New_York';
const at = (iso: string) => new Date(iso);

const layout = (newestYear: string, halvedYears: string[] = []): ShardLayout => ({ newestYear, halvedYears: new Set(halvedYears) });

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
    expect(shardLayout([], zone)).toEqual({ newestYear: '', halvedYears: new Set() });
  });

  it('halve a past year of more pieces than a shard should hold, at the end of June in that zone', () => {
    const dates = [
      ...Array.from({ length: 4 }, () => at('2024-03-01T12:00:00Z')),
      ...Array.from({ length: 3 }, () => at('2025-03-01T12:00:00Z')),
      ...Array.from({ length: 9 }, () => at('2026-03-01T12:00:00Z')),
    ];
    const found = shardLayout(dates, zone, 3);
    // 2024 has more than three pieces and is halved; 2025 has three; 2026, the newest, is in months whatever its count.
    expect(found).toEqual({ newestYear: '2026', halvedYears: new Set(['2024']) });
    expect(shardOf(at('2024-03-01T12:00:00Z'), zone, found)).toBe('2024-h1');
    // 03:00 UTC on 1 July is still 30 June in New York.
    expect(shardOf(at('2024-07-01T03:00:00Z'), zone, found)).toBe('2024-h1');
    expect(shardOf(at('2024-07-01T05:00:00Z'), zone, found)).toBe('2024-h2');
    expect(shardOf(at('2025-09-01T12:00:00Z'), zone, found)).toBe('2025');
    expect(shardOf(at('2026-09-01T12:00:00Z'), zone, found)).toBe('2026-09');
    expect(['2026-01', '2025', '2024-h2', '2024-h1', '2023'].sort()).toEqual(['2023', '2024-h1', '2024-h2', '2025', '2026-01']);
  });

  it('are listed newest first, the newest month served as the primary index', () => {
    expect(shardList(['2024', '2026-02', '2025', '2026-11', '2026-10'], '/pr-1/')).toEqual({
      archive: ['/pr-1/pagefind/archive/2026-10/', '/pr-1/pagefind/archive/2026-02/', '/pr-1/pagefind/archive/2025/', '/pr-1/pagefind/archive/2024/'],
    });
  });
});
