/** Stage four: site pages, `content/pages/<slug>.md` (About, Masthead...), which share the top level of addresses with articles and sections. */
import path from 'node:path';
import { CONTENT_LAYOUT } from '../content-files.ts';
import { pageSchema, type Section } from '../schema/index.ts';
import { isReservedTopLevel, SITE_PAGE_NAMES, slugFromFileName, slugProblem } from '../../urls.ts';
import { findInternalLinks } from '../body-checks.ts';
import { checkBody } from './body.ts';
import { checkBodyBlocks } from './photos.ts';
import type { PageRecord } from './records.ts';
import type { ValidationRun } from './run.ts';

export interface SitePages {
  pages: PageRecord[];
  /** Each page's address (its slug) and the file that holds it. */
  pageOwners: Map<string, string>;
}

export function checkPages(run: ValidationRun, sectionById: ReadonlyMap<string, Section>): SitePages {
  const pages: PageRecord[] = [];
  const pageOwners = new Map<string, string>();
  const kindOwners = new Map<string, string>();
  const schema = pageSchema();
  for (const { relative, absolutePath, file, parsed, reporter } of run.markdownFiles(path.join(run.root, CONTENT_LAYOUT.pages), 'site page')) {
    const slug = slugFromFileName(relative);
    const slugIssue = slugProblem(slug);
    if (slugIssue) reporter.atLine(1, 1, 'file', 'error', `name ${slugIssue}; the file name is the page's address`);
    else if (sectionById.has(slug)) reporter.atLine(1, 1, 'file', 'error', `"${slug}" is the address of a section; rename the file`);
    else if (isReservedTopLevel(slug) && !SITE_PAGE_NAMES.includes(slug)) reporter.atLine(1, 1, 'file', 'error', `"${slug}" is a fixed address of the site; rename the file`);
    else if (pageOwners.has(slug)) reporter.atLine(1, 1, 'file', 'error', `slug "${slug}" is already used by ${pageOwners.get(slug)}; rename one of the files`);
    else pageOwners.set(slug, file);
    const result = schema.safeParse(parsed.data);
    if (!result.success) reporter.zodIssues(result.error.issues, schema);
    checkBody(reporter, parsed, 'page');
    const figures = checkBodyBlocks(run, reporter, parsed, absolutePath).map((figure) => figure.src);
    if (result.success && result.data.kind !== 'other') {
      const owner = kindOwners.get(result.data.kind);
      if (owner) reporter.at(['kind'], 'error', `${owner} is already the ${result.data.kind} page; a publication has one, so give this page another kind or "other"`);
      else kindOwners.set(result.data.kind, file);
    }
    if (result.success && !slugIssue) pages.push({ slug, file, absolutePath, raw: parsed.data, data: result.data, body: parsed.body, bodyLine: parsed.bodyLine, figures, internalLinks: findInternalLinks(parsed.body) });
  }
  return { pages, pageOwners };
}
