import { describe, expect, it } from 'vitest';
import { parseEditorialDate, toZonedIso, localDateKey, formatDisplayDate, wallTimeToUtc } from '../../src/lib/dates.ts';

const NY = 'America/New_York';

function parsed(input: string, zone = NY): string {
  const result = parseEditorialDate(input, zone);
  if (!result.ok) throw new Error(result.reason);
  return result.date.toISOString();
}

describe('parseEditorialDate', () => {
  it('reads a bare date as midnight in the site time zone', () => {
    expect(parsed('2026-10-14')).toBe('2026-10-14T04:00:00.000Z');
    expect(parsed('2026-12-14')).toBe('2026-12-14T05:00:00.000Z');
    expect(parsed('2026-10-14', 'Asia/Tokyo')).toBe('2026-10-13T15:00:00.000Z');
  });

  it('keeps an explicit offset or Z', () => {
    expect(parsed('2026-10-14T08:30:00-04:00')).toBe('2026-10-14T12:30:00.000Z');
    expect(parsed('2026-10-14T08:30:00Z')).toBe('2026-10-14T08:30:00.000Z');
    expect(parsed('2026-10-14T08:30:00+0530')).toBe('2026-10-14T03:00:00.000Z');
  });

  it('reads a local date-time without offset in the site time zone', () => {
    expect(parsed('2026-10-14T08:30')).toBe('2026-10-14T12:30:00.000Z');
    expect(parsed('2026-10-14 08:30:15')).toBe('2026-10-14T12:30:15.000Z');
  });

  it('refuses impossible dates and times with a reason', () => {
    for (const input of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-10-14T25:00', '2026-10-14T10:61', 'yesterday', '14/10/2026', '2026-10-14T08:30:00+15:00', '2026-10-14T08:30:00+14:59']) {
      const result = parseEditorialDate(input, NY);
      expect(result.ok, input).toBe(false);
    }
    const leap = parseEditorialDate('2027-02-29', NY);
    expect(leap.ok).toBe(false);
    if (!leap.ok) expect(leap.reason).toContain('has 28 days');
    expect(parseEditorialDate('2028-02-29', NY).ok).toBe(true);
  });

  it('moves a wall time in the spring-forward gap forward, and takes the earlier of an overlap', () => {
    // 2026-03-08 02:30 does not exist in New York.
    expect(wallTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0, ms: 0 }, NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 2026-11-01 01:30 happens twice; the first is EDT (-04:00).
    expect(wallTimeToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0, ms: 0 }, NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('formatting in the site time zone', () => {
  const instant = new Date('2026-10-15T02:00:00Z');
  it('writes ISO with the local offset', () => {
    expect(toZonedIso(instant, NY)).toBe('2026-10-14T22:00:00-04:00');
    expect(toZonedIso(new Date('2026-12-01T12:00:00Z'), 'UTC')).toBe('2026-12-01T12:00:00+00:00');
  });
  it('gives the local calendar day', () => {
    expect(localDateKey(instant, NY)).toBe('2026-10-14');
    expect(localDateKey(instant, 'Europe/Berlin')).toBe('2026-10-15');
    expect(formatDisplayDate(instant, NY)).toBe('October 14, 2026');
  });
});
