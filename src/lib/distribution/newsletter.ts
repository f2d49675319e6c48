/**
 * The weekly newsletter: which pieces a week holds, and the issue as e-mail
 * HTML and plain text. Plain data in, strings out; src/data/newsletter.ts
 * fills it from the build's content and photos, `npm run newsletter` asks
 * the build for a week (BROADSHEET_NEWSLETTER_WEEK).
 *
 * E-mail clients are not browsers: the layout is tables, every style is
 * inline (Gmail drops most `<style>`; the one in `<head>` only adds a dark
 * palette for clients that honour it), every address is absolute, every
 * image has its width, height and alt text and nothing depends on it.
 */
import { localDateKey, wallTimeToUtc } from '../dates.ts';
import { escapeXml } from './xml.ts';

/** Gmail clips messages over 102 KB; an issue must stay under this. */
export const NEWSLETTER_MAX_BYTES = 100 * 1024;
/** The environment variable with which `npm run newsletter` asks the build for an issue. */
export const NEWSLETTER_WEEK_VARIABLE = 'BROADSHEET_NEWSLETTER_WEEK';
/** Width of the issue's column and of its photos, in CSS pixels. */
const COLUMN = 600;
const PHOTO = 552;

export interface IsoWeek {
  year: number;
  week: number;
}

/** `2026-W47`. */
export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const DAY = 86_400_000;

/** Monday of ISO week 1: the week that holds January 4th. */
function firstMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
}

function weeksInYear(year: number): number {
  return Math.round((firstMonday(year + 1) - firstMonday(year)) / (7 * DAY));
}

/** Reads `2026-W47`; says what is wrong otherwise. */
export function parseIsoWeek(text: string): { ok: true; week: IsoWeek } | { ok: false; reason: string } {
  const match = /^(\d{4})-W(\d{2})$/.exec(text.trim());
  if (!match) return { ok: false, reason: `"${text}" is not a week; write it as an ISO week, e.g. 2026-W47` };
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > weeksInYear(year)) return { ok: false, reason: `${year} has weeks 1 to ${weeksInYear(year)}, not ${week}` };
  return { ok: true, week: { year, week } };
}

/** The ISO week of a calendar day (`2026-11-18`). */
export function isoWeekOf(dateKey: string): IsoWeek {
  const [year, month, day] = dateKey.split('-').map(Number) as [number, number, number];
  const date = Date.UTC(year, month - 1, day);
  // The week belongs to the year of its Thursday.
  const thursday = date + (3 - ((new Date(date).getUTCDay() + 6) % 7)) * DAY;
  const weekYear = new Date(thursday).getUTCFullYear();
  return { year: weekYear, week: Math.floor((thursday - firstMonday(weekYear)) / (7 * DAY)) + 1 };
}

/** The last week that has ended by `now`, Monday to Sunday on the clocks of `timeZone`. */
export function lastFullWeek(now: Date, timeZone: string): IsoWeek {
  const current = isoWeekOf(localDateKey(now, timeZone));
  const monday = firstMonday(current.year) + (current.week - 2) * 7 * DAY;
  return isoWeekOf(new Date(monday).toISOString().slice(0, 10));
}

export interface WeekRange {
  week: IsoWeek;
  /** Monday 00:00 in the site's time zone. */
  start: Date;
  /** The next Monday 00:00: the end, excluded. */
  end: Date;
  /** "November 16–22, 2026", for the issue's heading. */
  label: string;
}

export function weekRange(week: IsoWeek, timeZone: string): WeekRange {
  const monday = new Date(firstMonday(week.year) + (week.week - 1) * 7 * DAY);
  const sunday = new Date(monday.getTime() + 6 * DAY);
  const next = new Date(monday.getTime() + 7 * DAY);
  const wall = (date: Date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0, second: 0, ms: 0 });
  const month = (date: Date) => date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  const label =
    monday.getUTCFullYear() !== sunday.getUTCFullYear()
      ? `${month(monday)} ${monday.getUTCDate()}, ${monday.getUTCFullYear()} – ${month(sunday)} ${sunday.getUTCDate()}, ${sunday.getUTCFullYear()}`
      : monday.getUTCMonth() !== sunday.getUTCMonth()
        ? `${month(monday)} ${monday.getUTCDate()} – ${month(sunday)} ${sunday.getUTCDate()}, ${sunday.getUTCFullYear()}`
        : `${month(monday)} ${monday.getUTCDate()}–${sunday.getUTCDate()}, ${sunday.getUTCFullYear()}`;
  return { week, start: wallTimeToUtc(wall(monday), timeZone), end: wallTimeToUtc(wall(next), timeZone), label };
}

/** The pieces published in the week, oldest first; `visible` decides what readers may see (no draft, nothing scheduled later). */
export function piecesOfWeek<T extends { published: Date }>(pieces: readonly T[], range: WeekRange, visible: (piece: T) => boolean): T[] {
  return pieces
    .filter((piece) => visible(piece) && piece.published >= range.start && piece.published < range.end)
    .sort((a, b) => a.published.getTime() - b.published.getTime());
}

export interface NewsletterPhoto {
  url: string;
  width: number;
  height: number;
  alt: string;
  credit: string;
}

export interface NewsletterPiece {
  url: string;
  kicker: string;
  title: string;
  dek: string;
  authors: string[];
  photo?: NewsletterPhoto | undefined;
}

export interface NewsletterIssue {
  publication: { name: string; url: string; description: string; language: string };
  range: WeekRange;
  /** Regular sections in navigation order, each with its pieces of the week. */
  sections: { name: string; url: string; pieces: NewsletterPiece[] }[];
  /** Short takes of the week, with their brand's label. */
  shortTakes: { label: string; title: string; url: string }[];
}

/** "Noor Haddad and Farid Nasser". */
export function bylineText(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const FONT = "Georgia, 'Times New Roman', serif";
const SANS = "Helvetica, Arial, sans-serif";
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#d8d8d8';
const ACCENT = '#8a1c1c';

const html = escapeXml;

function pieceHtml(piece: NewsletterPiece): string {
  const photo = piece.photo;
  const height = photo ? Math.round((photo.height * PHOTO) / photo.width) : 0;
  return [
    '<tr><td class="piece" style="padding:0 24px 28px 24px;">',
    photo
      ? `<a href="${html(piece.url)}"><img src="${html(photo.url)}" width="${PHOTO}" height="${height}" alt="${html(photo.alt)}" style="display:block;width:100%;max-width:${PHOTO}px;height:auto;border:0;background-color:#e9e6e1;color:${MUTED};font-family:${SANS};font-size:13px;"></a>` +
        `<p class="muted" style="margin:6px 0 12px 0;font-family:${SANS};font-size:12px;line-height:16px;color:${MUTED};">${html(photo.credit)}</p>`
      : '',
    `<p class="kicker" style="margin:0 0 6px 0;font-family:${SANS};font-size:12px;line-height:16px;letter-spacing:1px;text-transform:uppercase;color:${ACCENT};">${html(piece.kicker)}</p>`,
    `<h3 style="margin:0 0 8px 0;font-family:${FONT};font-size:22px;line-height:28px;font-weight:bold;"><a class="headline" href="${html(piece.url)}" style="color:${INK};text-decoration:none;">${html(piece.title)}</a></h3>`,
    `<p class="text" style="margin:0 0 8px 0;font-family:${FONT};font-size:17px;line-height:25px;color:${INK};">${html(piece.dek)}</p>`,
    `<p class="muted" style="margin:0;font-family:${SANS};font-size:14px;line-height:20px;color:${MUTED};">By ${html(bylineText(piece.authors))} · <a href="${html(piece.url)}" style="color:${ACCENT};">Read the piece</a></p>`,
    '</td></tr>',
  ].join('');
}

/** The issue as e-mail HTML: one centred 600 px table, styles inline, a dark palette where the client honours one. */
export function newsletterHtml(issue: NewsletterIssue): string {
  const { publication, range } = issue;
  const title = `${publication.name}: the week of ${range.label}`;
  const sectionsHtml = issue.sections
    .map(
      (section) =>
        `<tr><td style="padding:8px 24px 16px 24px;"><h2 style="margin:0;padding-top:12px;border-top:2px solid ${INK};font-family:${SANS};font-size:14px;line-height:18px;letter-spacing:1px;text-transform:uppercase;"><a class="headline" href="${html(section.url)}" style="color:${INK};text-decoration:none;">${html(section.name)}</a></h2></td></tr>` +
        section.pieces.map(pieceHtml).join(''),
    )
    .join('');
  const shortTakesHtml =
    issue.shortTakes.length > 0
      ? `<tr><td style="padding:8px 24px 24px 24px;"><h2 style="margin:0 0 8px 0;padding-top:12px;border-top:2px solid ${INK};font-family:${SANS};font-size:14px;line-height:18px;letter-spacing:1px;text-transform:uppercase;color:${INK};">Short takes</h2><ul style="margin:0;padding:0 0 0 20px;">` +
        issue.shortTakes
          .map(
            (take) =>
              `<li class="text" style="margin:0 0 8px 0;font-family:${FONT};font-size:17px;line-height:24px;color:${INK};"><span style="font-family:${SANS};font-size:12px;letter-spacing:1px;color:${ACCENT};">${html(take.label)}</span> <a class="headline" href="${html(take.url)}" style="color:${INK};">${html(take.title)}</a></li>`,
          )
          .join('') +
        '</ul></td></tr>'
      : '';
  const count = issue.sections.reduce((sum, section) => sum + section.pieces.length, 0) + issue.shortTakes.length;
  return [
    '<!DOCTYPE html>',
    `<html lang="${html(publication.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="supported-color-schemes" content="light dark">',
    '<meta name="robots" content="noindex">',
    `<title>${html(title)}</title>`,
    // The only rules not inline: a dark palette, for the clients that honour prefers-color-scheme.
    `<style>@media (prefers-color-scheme: dark){.body,.sheet{background-color:#161616 !important;}.headline,.text,h1,h2{color:#f2f2f2 !important;}.muted{color:#b8b8b8 !important;}.kicker{color:#f08c8c !important;}}</style>`,
    '</head>',
    `<body class="body" style="margin:0;padding:0;background-color:#f3f1ee;">`,
    // The preview line inbox lists show under the subject.
    `<div style="display:none;max-height:0;overflow:hidden;">${html(`${count} ${count === 1 ? 'piece' : 'pieces'} from ${publication.name}, ${range.label}.`)}</div>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="body" style="background-color:#f3f1ee;"><tr><td align="center" style="padding:16px 8px;">`,
    `<table role="presentation" width="${COLUMN}" cellpadding="0" cellspacing="0" border="0" class="sheet" style="width:100%;max-width:${COLUMN}px;background-color:#ffffff;">`,
    `<tr><td style="padding:28px 24px 8px 24px;"><p class="muted" style="margin:0 0 4px 0;font-family:${SANS};font-size:13px;line-height:18px;color:${MUTED};">The week of ${html(range.label)}</p>`,
    `<h1 style="margin:0 0 6px 0;font-family:${FONT};font-size:30px;line-height:36px;"><a class="headline" href="${html(publication.url)}" style="color:${INK};text-decoration:none;">${html(publication.name)}</a></h1>`,
    `<p class="text" style="margin:0 0 16px 0;font-family:${FONT};font-size:16px;line-height:23px;color:${INK};">${html(publication.description)}</p></td></tr>`,
    sectionsHtml,
    shortTakesHtml,
    `<tr><td style="padding:16px 24px 28px 24px;border-top:1px solid ${RULE};"><p class="muted" style="margin:0;font-family:${SANS};font-size:13px;line-height:19px;color:${MUTED};">You receive this weekly round-up because you subscribed at <a href="${html(publication.url)}" style="color:${MUTED};">${html(publication.url.replace(/^https?:\/\//, '').replace(/\/$/, ''))}</a>. The link to unsubscribe follows.</p></td></tr>`,
    '</table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The plain-text part: the same issue, readable in any client and by any screen reader. */
export function newsletterText(issue: NewsletterIssue): string {
  const lines = [`${issue.publication.name}`, `The week of ${issue.range.label}`, '', issue.publication.description, ''];
  for (const section of issue.sections) {
    lines.push(section.name.toUpperCase(), '='.repeat(section.name.length), '');
    for (const piece of section.pieces) {
      lines.push(`${piece.kicker}: ${piece.title}`, piece.dek, `By ${bylineText(piece.authors)}`, piece.url, '');
    }
  }
  if (issue.shortTakes.length > 0) {
    lines.push('SHORT TAKES', '===========', '');
    for (const take of issue.shortTakes) lines.push(`- ${take.title} (${take.label})`, `  ${take.url}`);
    lines.push('');
  }
  lines.push('--', `You receive this weekly round-up because you subscribed at ${issue.publication.url}.`, 'The link to unsubscribe follows.', '');
  return lines.join('\n');
}
