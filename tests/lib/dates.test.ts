import { describe, expect, it } from 'vitest';
import { parseEditorialDate, toZonedIso, localDateKey, formatDisplayDate, wallTimeToUtc, timeZoneOffsetMinutes } from '../../src/lib/dates.ts';

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

describe('offsets, local days and displayed dates remembered by day', () => {
  const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Apia', 'Europe/Amsterdam', 'UTC'];
  const formatters = new Map<string, Intl.DateTimeFormat>();
  /** What Intl says, asked each time. */
  function intlParts(date: Date, timeZone: string) {
    let formatter = formatters.get(timeZone);
    if (!formatter) formatters.set(timeZone, (formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })));
    const parts = formatter.formatToParts(date);
    const get = (type: string) => parts.find((part) => part.type === type)!.value;
    return { key: `${get('year')}-${get('month')}-${get('day')}`, offset: Math.round((Date.UTC(+get('year'), +get('month') - 1, +get('day'), +get('hour'), +get('minute'), +get('second')) - Math.floor(date.getTime() / 1000) * 1000) / 60000) };
  }
  const displayFormatters = new Map<string, Intl.DateTimeFormat>();
  const displayFormatter = (timeZone: string) => {
    let formatter = displayFormatters.get(timeZone);
    if (!formatter) displayFormatters.set(timeZone, (formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'long', day: 'numeric' })));
    return formatter;
  };
  const agrees = (zone: string, instant: number) => {
    const date = new Date(instant);
    const expected = intlParts(date, zone);
    expect([zone, date.toISOString(), timeZoneOffsetMinutes(instant, zone), localDateKey(date, zone)]).toEqual([zone, date.toISOString(), expected.offset, expected.key]);
  };

  it('agree with Intl on the days the clocks change, minute by minute, and on random instants, 1890 to 2100', () => {
    const DAY = 86_400_000;
    let transitionDays = 0;
    for (const zone of ZONES) {
      // 1937: Amsterdam's +00:19:32 became +00:20; 2011: Apia skipped a day.
      for (const year of [1937, 2011, 2026]) {
        for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += DAY) {
          if (intlParts(new Date(day), zone).offset === intlParts(new Date(day + DAY - 1000), zone).offset) {
            agrees(zone, day + DAY / 2);
            continue;
          }
          transitionDays++;
          for (let minute = day; minute < day + DAY; minute += 60_000) {
            agrees(zone, minute);
            agrees(zone, minute - 1000);
          }
        }
      }
    }
    expect(transitionDays).toBeGreaterThan(20);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      const instant = Date.UTC(1890, 0, 1) + Math.floor(random() * (Date.UTC(2100, 0, 1) - Date.UTC(1890, 0, 1)));
      for (const zone of ZONES) {
        agrees(zone, instant);
        const date = new Date(instant);
        expect(formatDisplayDate(date, zone)).toBe(displayFormatter(zone).format(date));
      }
    }
  });

  it('shows a day in the language asked for, whatever was asked before', () => {
    const date = new Date('2026-10-14T12:00:00Z');
    expect(formatDisplayDate(date, 'Europe/Berlin')).toBe('October 14, 2026');
    expect(formatDisplayDate(date, 'Europe/Berlin', 'de-DE')).toBe('14. Oktober 2026');
    expect(formatDisplayDate(date, 'Pacific/Kiritimati')).toBe('October 15, 2026');
  });
});
