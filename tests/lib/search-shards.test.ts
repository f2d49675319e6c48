import { describe, expect, it } from 'vitest';
import { newestYearOf, shardList, shardOf } from '../../src/lib/search/shards.ts';

const zone = 'America/New_York';
const at = (iso: string) => new Date(iso);

describe('search shards', () => {
  it('are months in the newest year and years before it, in the site’s time zone', () => {
    expect(shardOf(at('2026-11-14T12:00:00Z'), zone, '2026')).toBe('2026-11');
    expect(shardOf(at('2025-11-14T12:00:00Z'), zone, '2026')).toBe('2025');
    // 03:00 UTC on 1 December is still 30 November in New York.
    expect(shardOf(at('2026-12-01T03:00:00Z'), zone, '2026')).toBe('2026-11');
    // ...and 03:00 UTC on 1 January 2027 still 2026, whose months then make one shard.
    expect(shardOf(at('2027-01-01T03:00:00Z'), zone, '2027')).toBe('2026');
  });

  it('take the newest year from the newest date in that zone', () => {
    expect(newestYearOf([at('2024-05-01T00:00:00Z'), at('2026-01-01T04:00:00Z'), at('2025-07-01T00:00:00Z')], zone)).toBe('2025');
    expect(newestYearOf([at('2026-01-01T06:00:00Z')], zone)).toBe('2026');
    expect(newestYearOf([], zone)).toBe('');
  });

  it('are listed newest first, the newest month served as the primary index', () => {
    expect(shardList(['2024', '2026-02', '2025', '2026-11', '2026-10'], '/pr-1/')).toEqual({
      archive: ['/pr-1/pagefind/archive/2026-10/', '/pr-1/pagefind/archive/2026-02/', '/pr-1/pagefind/archive/2025/', '/pr-1/pagefind/archive/2024/'],
    });
  });
});
