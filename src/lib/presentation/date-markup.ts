/**
 * The markup of a date readers see: `<time datetime="2026-10-14T08:30:00-04:00">October 14, 2026</time>`,
 * machine-readable in the publication's time zone, written the way readers say it.
 * Bylines, corrections, teasers, headline lists and search records all use it
 * (src/components/DateTime.astro in templates).
 */
import { h } from 'hastscript';
import type { Element, Properties } from 'hast';
import type { DisplayedDate } from '../dates.ts';

/** `properties` add to the element, e.g. Pagefind's metadata on a search record's date. */
export function timeElement(date: DisplayedDate, properties: Properties = {}): Element {
  return h('time', { dateTime: date.iso, ...properties }, date.display);
}
