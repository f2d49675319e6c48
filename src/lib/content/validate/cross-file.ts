/**
 * Stage six, the rules across files: a series numbered without gaps or
 * duplicates, former slugs that shadow nothing, and links inside the site that
 * lead to a page that exists.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Section } from '../schema/index.ts';
import { isReservedTopLevel } from '../../urls.ts';
import { closestName } from '../zod-issues.ts';
import { numberingProblems } from '../series.ts';
import type { PreviousSlug, SeriesPart } from './articles.ts';
import type { ArticleRecord, PageRecord } from './records.ts';

/** A series is numbered 1, 2, 3... over all its part files, drafts and scheduled parts included (src/lib/content/series.ts). */
export function checkSeriesNumbering(seriesParts: ReadonlyMap<string, SeriesPart[]>): void {
  for (const [seriesId, parts] of seriesParts) {
    for (const problem of numberingProblems(seriesId, parts)) parts[problem.index]!.reporter.at(['series', 'part'], 'error', problem.message);
  }
}

/** The addresses readers can reach: live articles, former slugs (redirects), sections, site pages and fixed pages. */
export interface Addresses {
  slugOwners: ReadonlyMap<string, { file: string }>;
  sectionById: ReadonlyMap<string, Section>;
  pageOwners: ReadonlyMap<string, string>;
}

/** Former slugs become redirects: they must not shadow a live article, a section or another redirect. Returns each redirect and its article's file. */
export function checkPreviousSlugs(previousSlugs: readonly PreviousSlug[], addresses: Addresses): Map<string, string> {
  const { slugOwners, sectionById, pageOwners } = addresses;
  const redirectOwners = new Map<string, string>();
  for (const { slug, reporter, index, file } of previousSlugs) {
    const liveOwner = slugOwners.get(slug);
    if (liveOwner) {
      reporter.at(['previousSlugs', index], 'error', `"${slug}" is the address of ${liveOwner.file === file ? 'this article itself' : liveOwner.file}; remove it from previousSlugs`);
    } else if (sectionById.has(slug) || isReservedTopLevel(slug) || pageOwners.has(slug)) {
      reporter.at(['previousSlugs', index], 'error', `"${slug}" is the address of a section or fixed page; remove it from previousSlugs`);
    } else if (redirectOwners.has(slug) && redirectOwners.get(slug) !== file) {
      reporter.at(['previousSlugs', index], 'error', `"${slug}" is also a former slug of ${redirectOwners.get(slug)}; one old address can point to one article only`);
    } else {
      redirectOwners.set(slug, file);
    }
  }
  return redirectOwners;
}

/**
 * Links inside the site must lead to a page that exists: an article, a section, a site page or a fixed page.
 * A link to a piece taken down (a draft again, or withdrawn) shows as plain text, so a takedown is one change:
 * the pieces that cite it get a warning, not an error that would hold the takedown up.
 */
export function checkInternalLinks(
  articles: readonly ArticleRecord[],
  pages: readonly PageRecord[],
  addresses: Addresses & { redirectOwners: ReadonlyMap<string, string> },
  diagnostics: Diagnostic[],
): void {
  const { slugOwners, sectionById, pageOwners, redirectOwners } = addresses;
  const takenDown = new Map<string, string>();
  for (const article of articles) {
    const state = article.data.draft ? 'a draft' : article.data.withdrawn ? 'withdrawn' : undefined;
    if (state) for (const slug of [article.slug, ...article.data.previousSlugs]) takenDown.set(slug, state);
  }
  for (const piece of [...articles, ...pages]) {
    for (const link of piece.internalLinks) {
      const target = link.firstSegment;
      const line = piece.bodyLine + link.line - 1;
      if (target === '' || sectionById.has(target) || isReservedTopLevel(target) || pageOwners.has(target)) continue;
      if (!slugOwners.has(target) && !redirectOwners.has(target)) {
        const suggestion = closestName(target, [...slugOwners.keys()]);
        const message = `link "${link.href}" leads nowhere: no article has the slug "${target}"${suggestion ? `; did you mean "/${suggestion}/"?` : ''}`;
        diagnostics.push({ file: piece.file, line, column: link.column, severity: 'error', field: 'body', message });
      } else if (takenDown.has(target)) {
        const message = `link "${link.href}" leads to a piece that is ${takenDown.get(target)}; readers see its words as plain text until the piece is published again, or remove the link`;
        diagnostics.push({ file: piece.file, line, column: link.column, severity: 'warning', field: 'body', message });
      }
    }
  }
}
