/**
 * The editors' validator: reads a whole content directory and reports every
 * problem in every file in one pass. The Astro build runs exactly this before
 * it loads anything, so the build and `npm run validate` can never disagree.
 *
 * It runs in stages (src/lib/content/validate/), each of which reports into
 * one run and hands the next what it needs: the publication's own files
 * (site.ts), author profiles (authors.ts), site pages (pages.ts), articles
 * (articles.ts, whose per-file findings a cache keeps between runs), then the
 * rules across files (cross-file.ts). Reading files is run.ts's.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics } from './diagnostics.ts';
import { publicDir } from '../build-settings.ts';
import { checkArticles, type ArticleFileCache } from './validate/articles.ts';
import { checkAuthors } from './validate/authors.ts';
import { checkInternalLinks, checkPreviousSlugs, checkSeriesNumbering } from './validate/cross-file.ts';
import { checkPages } from './validate/pages.ts';
import type { ContentReport } from './validate/records.ts';
import { plain } from './validate/reporter.ts';
import { ValidationRun } from './validate/run.ts';
import { checkSiteFiles } from './validate/site.ts';

export { ArticleFileCache } from './validate/articles.ts';
export type { ArticleRecord, AuthorRecord, ContentReport, PageRecord } from './validate/records.ts';

export interface ValidateOptions {
  /** Paths in messages are shown relative to this directory. Default: process.cwd(). */
  cwd?: string;
  /** The folder of files published as they are, where the logo lives. Default: the build's (src/lib/build-settings.ts). */
  publicDir?: string;
  /**
   * Findings about each article file, kept from one run to the next (the
   * editor's preview validates again on every save): a file whose size, time,
   * photo and context are unchanged is not read and checked again. The rules
   * across files (slugs, former slugs, links, sections and authors) always run.
   */
  cache?: ArticleFileCache;
  /**
   * Whether a large archive's article files are checked on a worker thread as
   * well as this one (validate/shared-work.ts). Default: true. The findings are
   * the same either way.
   */
  shareWork?: boolean;
  /**
   * Whether each article record keeps its file's frontmatter text and body in
   * memory. Default: true. Without them, a record reads its file again the
   * first time its body or the place of a field is asked for: the command line,
   * which only reports, holds 50,000 bodies for nothing otherwise (a third of
   * its time went to sending them between threads and collecting them).
   */
  keepTexts?: boolean;
}

export function validateContent(contentDir: string, options: ValidateOptions = {}): ContentReport {
  const root = path.resolve(contentDir);
  const run = new ValidationRun(root, options.cwd ?? process.cwd());
  if (!existsSync(root)) {
    run.diagnostics.push(plain(run.shown(root), 'error', 'directory', 'does not exist; give the folder that holds site.yaml, sections.yaml, authors/ and articles/'));
    return { contentDir: root, sections: [], series: [], authors: [], pages: [], articles: [], diagnostics: run.diagnostics, filesChecked: 0 };
  }

  const siteFiles = checkSiteFiles(run, options.publicDir ?? publicDir());
  const authors = checkAuthors(run);
  const { pages, pageOwners } = checkPages(run, siteFiles.sectionById);
  const { articles, slugOwners, previousSlugs, seriesParts } = checkArticles(run, siteFiles, new Set(authors.map((author) => author.id)), pageOwners, options.cache, options);

  checkSeriesNumbering(seriesParts);
  const addresses = { slugOwners, sectionById: siteFiles.sectionById, pageOwners };
  const redirectOwners = checkPreviousSlugs(previousSlugs, addresses);
  checkInternalLinks(articles, pages, { ...addresses, redirectOwners }, run.diagnostics);

  run.diagnostics.sort(compareDiagnostics);
  return {
    contentDir: root,
    ...(siteFiles.site ? { site: siteFiles.site } : {}),
    sections: siteFiles.sections,
    series: [...siteFiles.seriesById.values()],
    authors,
    pages,
    articles,
    diagnostics: run.diagnostics,
    filesChecked: run.filesChecked,
  };
}
