/**
 * Editorial dates. Editors write either a full ISO date-time with an offset
 * (`2026-10-14T08:30:00-04:00`), a local date-time (`2026-10-14T08:30`), or a
 * bare date (`2026-10-14`). Anything without an offset is wall-clock time in the
 * publication's time zone, because that is what an editor means by "the 14th".
 */

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

export type DateParseResult = { ok: true; date: Date } | { ok: false; reason: string };

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (east positive), from Intl: a few microseconds a call. */
function exactOffsetMinutes(utcMs: number, timeZone: string): number {
  const parts = partsFormatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

const DAY_MS = 86_400_000;
/**
 * Per time zone and UTC day, the offset when it is the same from the day's first second to its
 * last, or null when the clocks change that day. A 50,000-piece archive asks for some 150,000
 * offsets (dates on pages, feeds, sitemaps, the search plan) on a few thousand days. Kept on
 * `globalThis`: a build loads this module in two module graphs (content sync and the pages'
 * bundle), which would otherwise each work out the same days.
 */
const STEADY_OFFSETS = Symbol.for('broadsheet.steady-offsets');
const steadyOffsets = ((globalThis as Record<symbol, unknown>)[STEADY_OFFSETS] ??= new Map()) as Map<string, Map<number, number | null>>;

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (east positive). */
export function timeZoneOffsetMinutes(utcMs: number, timeZone: string): number {
  let days = steadyOffsets.get(timeZone);
  if (!days) steadyOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(utcMs / DAY_MS);
  let steady = days.get(day);
  if (steady === undefined) {
    const first = exactOffsetMinutes(day * DAY_MS, timeZone);
    steady = first === exactOffsetMinutes(day * DAY_MS + DAY_MS - 1000, timeZone) ? first : null;
    days.set(day, steady);
  }
  return steady ?? exactOffsetMinutes(utcMs, timeZone);
}

/**
 * The instant at which the clocks of `timeZone` show the given wall time.
 * In a spring-forward gap the wall time does not exist; we move it forward by the
 * gap, as calendars do. In a fall-back overlap the earlier instant wins.
 */
export function wallTimeToUtc(
  wall: { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number },
  timeZone: string,
): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
  const firstGuess = naive - timeZoneOffsetMinutes(naive, timeZone) * 60000;
  const offsetAtGuess = timeZoneOffsetMinutes(firstGuess, timeZone);
  const secondGuess = naive - offsetAtGuess * 60000;
  const earlier = Math.min(firstGuess, secondGuess);
  if (naive - timeZoneOffsetMinutes(earlier, timeZone) * 60000 === earlier) return new Date(earlier);
  return new Date(Math.max(firstGuess, secondGuess));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an editor's date string; never guesses, and says why it refused. */
export function parseEditorialDate(input: string, timeZone: string): DateParseResult {
  const match = DATE_PATTERN.exec(input.trim());
  if (!match) {
    return { ok: false, reason: `"${input}" is not a date; write 2026-10-14 or 2026-10-14T08:30:00-04:00` };
  }
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12) return { ok: false, reason: `"${input}" has no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `"${input}" is not a real day: ${year}-${mo} has ${daysInMonth(year, month)} days` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `"${input}" is not a real time of day` };
  }
  if (zone) {
    let offset = 0;
    if (zone !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offsetHours = Number(digits.slice(0, 2));
      const offsetMinutes = Number(digits.slice(2));
      if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60) return { ok: false, reason: `"${input}" has an impossible UTC offset` };
      offset = sign * (offsetHours * 60 + offsetMinutes);
    }
    return { ok: true, date: new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60000) };
  }
  return { ok: true, date: wallTimeToUtc({ year, month, day, hour, minute, second, ms }, timeZone) };
}

/** `2026-10-14` as shown on the clocks of the publication's time zone. */
export function localDateKey(date: Date, timeZone: string): string {
  const utcMs = date.getTime();
  // From the offset where it is whole minutes, as it has been everywhere since long before 1970;
  // local mean times of the 19th century (Amsterdam's +00:19:32) need Intl's seconds.
  if (utcMs >= 0 && utcMs < MAX_FOUR_DIGIT_YEAR_MS) return new Date(utcMs + timeZoneOffsetMinutes(utcMs, timeZone) * 60000).toISOString().slice(0, 10);
  const parts = partsFormatter(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** 9999-12-30: past it, toISOString() writes six-digit years. */
const MAX_FOUR_DIGIT_YEAR_MS = Date.UTC(9999, 11, 30);

/** ISO 8601 with the publication's local offset, for `<time datetime>` and feeds. */
export function toZonedIso(date: Date, timeZone: string): string {
  const offset = timeZoneOffsetMinutes(date.getTime(), timeZone);
  const local = new Date(date.getTime() + offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const displayFormatterCache = new Map<string, Intl.DateTimeFormat>();
/** Displayed dates by locale, time zone and local day: a day reads the same whatever its hour. */
const displayedDays = new Map<string, string>();

/** "October 14, 2026" in the publication's language and time zone. */
export function formatDisplayDate(date: Date, timeZone: string, locale = 'en-US'): string {
  const key = `${locale}|${timeZone}`;
  const dayKey = `${key}|${localDateKey(date, timeZone)}`;
  let shown = displayedDays.get(dayKey);
  if (shown === undefined) {
    let formatter = displayFormatterCache.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'long', day: 'numeric' });
      displayFormatterCache.set(key, formatter);
    }
    displayedDays.set(dayKey, (shown = formatter.format(date)));
  }
  return shown;
}

/** A date as a page shows it: `iso` for `<time datetime>`, `display` for readers. */
export interface DisplayedDate {
  /** ISO 8601 in the publication's time zone. */
  iso: string;
  /** "October 14, 2026". */
  display: string;
}

/** Formatting dates costs a few Intl calls each; pages show the same dates many times, so views hold them formatted. */
export function displayedDate(date: Date, timeZone: string): DisplayedDate {
  return { iso: toZonedIso(date, timeZone), display: formatDisplayDate(date, timeZone) };
}
