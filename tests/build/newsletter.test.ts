/**
 * `npm run newsletter` on the sample publication (run once by
 * tests/helpers/sample-site-setup.ts): the issue is parsed back and held to
 * the content and to the site built with it.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { REPO } from '../helpers/content-fixture.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { isPublic } from '../../src/lib/content/visibility.ts';
import { NEWSLETTER_MAX_BYTES, parseIsoWeek, piecesOfWeek, weekRange } from '../../src/lib/distribution/newsletter.ts';
import { smartenText } from '../../src/markdown/remark-typography.ts';

const issue = inject('sampleNewsletter');
const SITE = 'https://meridian-review.example';
const report = validateContent(path.join(REPO, 'content'), { cwd: REPO });
const parsedWeek = parseIsoWeek(issue.week);
if (!parsedWeek.ok) throw new Error(parsedWeek.reason);
const range = weekRange(parsedWeek.week, report.site!.timeZone);
const inWeek = piecesOfWeek(report.articles.map((article) => ({ ...article.data, slug: article.slug })), range, () => true);
const published = inWeek.filter((piece) => isPublic(piece, new Date(issue.now)));
const html = readFileSync(path.join(issue.outDir, `newsletter/${issue.week}.html`), 'utf8');
const text = readFileSync(path.join(issue.outDir, `newsletter/${issue.week}.txt`), 'utf8');
const tree = fromHtml(html);

/** The built file an absolute address of the site is served from. */
function builtFile(url: string): string {
  expect(url.startsWith(`${SITE}/`), url).toBe(true);
  const sitePath = url.slice(SITE.length);
  return path.join(issue.outDir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
}

describe('the weekly newsletter', () => {
  it('is written for the week asked, as HTML and text, under 100 KB', () => {
    expect(issue.output).toContain(`newsletter/${issue.week}.html`);
    expect(statSync(path.join(issue.outDir, `newsletter/${issue.week}.html`)).size).toBeLessThan(NEWSLETTER_MAX_BYTES);
  });

  it('holds every piece published that week, short takes as a list, and nothing from a draft', () => {
    expect(inWeek.some((piece) => piece.draft)).toBe(true);
    expect(published.length).toBeGreaterThanOrEqual(3);
    const headlines = selectAll('h3', tree).map((h) => toText(h));
    const takes = selectAll('li', tree).map((li) => toText(li));
    for (const piece of published) {
      const title = smartenText(piece.title, '');
      if (piece.type === 'short-take') expect(takes.some((take) => take.endsWith(title)), piece.slug).toBe(true);
      else expect(headlines, piece.slug).toContain(title);
      expect(text, piece.slug).toContain(`${SITE}/${piece.slug}/`);
      expect(html, piece.slug).toContain(`${SITE}/${piece.slug}/`);
    }
    expect(headlines.length + takes.length).toBe(published.length);
    for (const piece of inWeek.filter((candidate) => candidate.draft)) {
      expect(html).not.toContain(piece.slug);
      expect(text).not.toContain(piece.slug);
      expect(html).not.toContain(smartenText(piece.title, ''));
    }
  });

  it('links only to pages the build wrote, with absolute addresses', () => {
    const links = selectAll('a', tree).map((a) => String(a.properties.href));
    expect(links.length).toBeGreaterThan(published.length);
    for (const link of links) expect(existsSync(builtFile(link)), link).toBe(true);
  });

  it('shows each photo from the site, with width, height and alt text; short takes are a list, without theirs', () => {
    const images = selectAll('img', tree);
    expect(published.some((piece) => piece.type === 'short-take' && piece.hero)).toBe(true);
    expect(images.length).toBe(published.filter((piece) => piece.type !== 'short-take' && piece.hero).length);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(existsSync(builtFile(String(image.properties.src))), String(image.properties.src)).toBe(true);
      expect(Number(image.properties.width)).toBeGreaterThan(0);
      expect(Number(image.properties.height)).toBeGreaterThan(0);
      expect(String(image.properties.alt)).not.toBe('');
    }
  });
});

describe('npm run newsletter refuses', () => {
  const run = (args: string[]) =>
    spawnSync(path.join(REPO, 'node_modules/.bin/node'), [path.join(REPO, 'scripts/newsletter.ts'), ...args, '--out', path.join(issue.outDir, 'never')], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, BROADSHEET_NOW: issue.now },
    });

  it.each([
    ['a week with no pieces', ['--week', '2020-W10'], 1, 'nothing was published in 2020-W10 (March 2–8, 2020)'],
    ['a week that has not begun', ['--week', '2026-W50'], 2, 'has not begun'],
    ['a week that does not exist', ['--week', '2025-W53'], 2, '2025 has weeks 1 to 52, not 53'],
    ['a week written another way', ['--week', '2026-11-16'], 2, 'write it as an ISO week, e.g. 2026-W47'],
  ])('%s, building nothing', (_, args, status, message) => {
    const result = run(args);
    expect(result.status).toBe(status);
    expect(result.stderr).toContain(message);
    expect(existsSync(path.join(issue.outDir, 'never'))).toBe(false);
  });
});
