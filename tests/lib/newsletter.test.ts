import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import {
  NEWSLETTER_MAX_BYTES,
  bylineText,
  formatIsoWeek,
  isoWeekOf,
  lastFullWeek,
  newsletterHtml,
  newsletterText,
  parseIsoWeek,
  piecesOfWeek,
  weekRange,
  type NewsletterIssue,
  type NewsletterPiece,
} from '../../src/lib/distribution/newsletter.ts';

const NY = 'America/New_York';

describe('weeks', () => {
  it('reads ISO weeks and refuses what is not one', () => {
    expect(parseIsoWeek('2026-W47')).toEqual({ ok: true, week: { year: 2026, week: 47 } });
    expect(parseIsoWeek('2026-47')).toMatchObject({ ok: false, reason: expect.stringContaining('e.g. 2026-W47') });
    expect(parseIsoWeek('2026-W00')).toMatchObject({ ok: false, reason: '2026 has weeks 1 to 53, not 0' });
    expect(parseIsoWeek('2025-W53')).toMatchObject({ ok: false, reason: '2025 has weeks 1 to 52, not 53' });
    expect(parseIsoWeek('2026-W53').ok).toBe(true);
  });

  it('finds the ISO week of a day, across the turn of the year', () => {
    expect(isoWeekOf('2026-11-18')).toEqual({ year: 2026, week: 47 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });

  it('runs Monday 00:00 to Monday 00:00 on the site clocks', () => {
    const range = weekRange({ year: 2026, week: 47 }, NY);
    expect(range.start.toISOString()).toBe('2026-11-16T05:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(range.label).toBe('November 16–22, 2026');
    expect(weekRange({ year: 2026, week: 53 }, NY).label).toBe('December 28, 2026 – January 3, 2027');
    expect(weekRange({ year: 2026, week: 44 }, NY).label).toBe('October 26 – November 1, 2026');
  });

  it('defaults to the last full week in the site time zone', () => {
    // Monday 01:00 UTC is still Sunday evening in New York: the week that ends that night is not full yet.
    expect(formatIsoWeek(lastFullWeek(new Date('2026-11-23T01:00:00Z'), NY))).toBe('2026-W46');
    expect(formatIsoWeek(lastFullWeek(new Date('2026-11-23T06:00:00Z'), NY))).toBe('2026-W47');
    expect(formatIsoWeek(lastFullWeek(new Date('2027-01-05T12:00:00Z'), NY))).toBe('2026-W53');
  });

  it('holds the pieces published in it that readers may see, oldest first', () => {
    const range = weekRange({ year: 2026, week: 47 }, NY);
    const pieces = [
      { slug: 'sunday-night', published: new Date('2026-11-23T04:59:00Z'), draft: false },
      { slug: 'monday-morning', published: new Date('2026-11-16T05:00:00Z'), draft: false },
      { slug: 'next-monday', published: new Date('2026-11-23T05:00:00Z'), draft: false },
      { slug: 'sunday-before', published: new Date('2026-11-16T04:59:00Z'), draft: false },
      { slug: 'a-draft', published: new Date('2026-11-18T12:00:00Z'), draft: true },
    ];
    expect(piecesOfWeek(pieces, range, (piece) => !piece.draft).map((piece) => piece.slug)).toEqual(['monday-morning', 'sunday-night']);
  });
});

const piece = (n: number, photo = true): NewsletterPiece => ({
  url: `https://gazette.example/piece-${n}/`,
  kicker: 'Analysis',
  title: `Ports & "tariffs" <${n}>`,
  dek: 'What changes for shippers, and when.',
  authors: ['Ada Ferrer', 'Ben Okri'],
  ...(photo ? { photo: { url: `https://gazette.example/_astro/p${n}.jpg`, width: 1200, height: 675, alt: `Cranes over quay ${n}`, credit: 'Ana Ruiz/Reuters' } } : {}),
});

const issue: NewsletterIssue = {
  publication: { name: 'The Gazette', url: 'https://gazette.example/', description: 'News from the harbour.', language: 'en' },
  range: weekRange({ year: 2026, week: 47 }, NY),
  sections: [
    { name: 'World', url: 'https://gazette.example/world/', pieces: [piece(1), piece(2, false)] },
    { name: 'Economy', url: 'https://gazette.example/economy/', pieces: [piece(3)] },
  ],
  shortTakes: [{ label: 'BRIEFS', title: 'Tariff notes', url: 'https://gazette.example/tariff-note/' }],
};

describe('the e-mail HTML', () => {
  const html = newsletterHtml(issue);
  const tree = fromHtml(html);

  it('lays out with tables and inline styles, a dark palette in <head> its only stylesheet', () => {
    expect(selectAll('table[role="presentation"]', tree).length).toBeGreaterThanOrEqual(2);
    expect(selectAll('style', tree)).toHaveLength(1);
    expect(toText(select('style', tree)!)).toMatch(/^@media \(prefers-color-scheme: dark\)/);
    expect(select('meta[name="color-scheme"]', tree)!.properties.content).toBe('light dark');
    expect(selectAll('link, script', tree)).toEqual([]);
    for (const element of selectAll('h1, h2, h3, p, li, img', tree)) expect(element.properties.style, element.tagName).toBeTruthy();
  });

  it('groups the pieces by section, each with headline, dek, byline, photo and link', () => {
    expect(selectAll('h2', tree).map((h) => toText(h))).toEqual(['World', 'Economy', 'Short takes']);
    expect(selectAll('h3', tree).map((h) => toText(h))).toEqual(['Ports & "tariffs" <1>', 'Ports & "tariffs" <2>', 'Ports & "tariffs" <3>']);
    expect(toText(tree)).toContain('By Ada Ferrer and Ben Okri');
    expect(toText(tree)).toContain('What changes for shippers, and when.');
    expect(selectAll('li a', tree).map((a) => a.properties.href)).toEqual(['https://gazette.example/tariff-note/']);
  });

  it('gives every image its width, height and alt text, and links only to absolute addresses', () => {
    const images = selectAll('img', tree);
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.properties).toMatchObject({ width: 552, height: 311, alt: expect.stringMatching(/^Cranes over quay \d$/) });
      expect(String(image.properties.src)).toMatch(/^https:\/\//);
    }
    for (const link of selectAll('a', tree)) expect(String(link.properties.href)).toMatch(/^https:\/\/gazette\.example\//);
  });

  it('reads with images off: every headline and link is text', () => {
    const withoutImages = fromHtml(html.replace(/<img[^>]*>/g, ''));
    for (const n of [1, 2, 3]) expect(toText(withoutImages)).toContain(`Ports & "tariffs" <${n}>`);
  });

  it('escapes what editors wrote', () => {
    expect(html).toContain('Ports &amp; &quot;tariffs&quot; &lt;1&gt;');
    expect(html).not.toContain('<1>');
  });

  it('stays under 100 KB with a heavy week', () => {
    const heavy = { ...issue, sections: Array.from({ length: 8 }, (_, s) => ({ name: `Section ${s}`, url: `https://gazette.example/s${s}/`, pieces: Array.from({ length: 6 }, (_, n) => piece(s * 10 + n)) })) };
    expect(Buffer.byteLength(newsletterHtml(heavy))).toBeLessThan(NEWSLETTER_MAX_BYTES);
  });
});

describe('the plain-text part', () => {
  it('has every piece with its byline and address, and the short takes', () => {
    const text = newsletterText(issue);
    expect(text).toContain('The week of November 16–22, 2026');
    expect(text).toContain('WORLD\n=====');
    expect(text).toContain('Analysis: Ports & "tariffs" <1>\nWhat changes for shippers, and when.\nBy Ada Ferrer and Ben Okri\nhttps://gazette.example/piece-1/');
    expect(text).toContain('SHORT TAKES');
    expect(text).toContain('- Tariff notes (BRIEFS)\n  https://gazette.example/tariff-note/');
    expect(text).not.toMatch(/<[a-z]/);
  });

  it('names one, two or three authors as a byline does', () => {
    expect(bylineText(['A'])).toBe('A');
    expect(bylineText(['A', 'B'])).toBe('A and B');
    expect(bylineText(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
