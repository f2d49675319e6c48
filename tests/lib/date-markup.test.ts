import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { timeElement } from '../../src/lib/presentation/date-markup.ts';
import { displayedDate } from '../../src/lib/dates.ts';

describe('the <time> of a date readers see', () => {
  const date = displayedDate(new Date('2026-10-14T12:30:00Z'), 'America/New_York');

  it('carries the date in the publication\'s time zone and says it as readers do', () => {
    expect(toHtml(timeElement(date))).toBe('<time datetime="2026-10-14T08:30:00-04:00">October 14, 2026</time>');
  });

  it('takes extra attributes after its own', () => {
    expect(toHtml(timeElement(date, { dataPagefindMeta: 'date' }))).toBe('<time datetime="2026-10-14T08:30:00-04:00" data-pagefind-meta="date">October 14, 2026</time>');
  });
});
