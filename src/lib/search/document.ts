/**
 * The page Pagefind indexes for one article. Search is built from these
 * documents rather than from the finished article pages, so the index can be
 * written while Astro renders pages (on the other core) instead of after it,
 * and a year's index can be rebuilt alone. The document carries what the
 * article page shows and Pagefind read there: kicker, headline (Pagefind's
 * title, weighted as a heading), dek, byline and dates, the body, the
 * republish credit, corrections and tags; and the metadata the search page
 * displays (section, date, published).
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent } from 'hast';
import type { DisplayedDate } from '../dates.ts';
import { timeElement } from '../presentation/date-markup.ts';

export interface SearchDocumentInput {
  language: string;
  /** The article's address, e.g. "/iran-sco/". */
  url: string;
  /** The article type's label, or the short-takes brand's label. */
  kicker: string;
  /** The section's name; `undefined` for short takes, whose kicker names the brand. */
  section?: string | undefined;
  title: string;
  dek: string;
  authors: readonly string[];
  published: DisplayedDate;
  updated?: DisplayedDate | undefined;
  /** Rendered and sanitized by the Markdown pipeline. */
  bodyHtml: string;
  /** "This article was republished with permission by ..." */
  republished?: string | undefined;
  corrections: readonly (DisplayedDate & { text: string })[];
  tags: readonly string[];
}

/** Bumped whenever the document changes shape, so every shard is indexed again. */
export const SEARCH_DOCUMENT_VERSION = 1;

function byline(authors: readonly string[]): string {
  if (authors.length <= 1) return `By ${authors[0] ?? ''}`;
  return `By ${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

export function searchDocument(input: SearchDocumentInput): string {
  const sectionMeta = { dataPagefindMeta: 'section', dataPagefindFilter: 'section' };
  const kicker: ElementContent[] = input.section ? [h('span', `${input.kicker} | `), h('span', sectionMeta, input.section)] : [h('span', sectionMeta, input.kicker)];
  const dates = `${input.published.display}${input.updated ? ` · Updated ${input.updated.display}` : ''}`;
  const article = h('article', { dataPagefindBody: true }, [
    h('p', kicker),
    h('h1', input.title),
    h('p', input.dek),
    h('p', `${byline(input.authors)} ${dates}`),
    // Metadata for the result listing, never indexed as text.
    h('p', { hidden: true, dataPagefindIgnore: true }, [timeElement(input.published, { dataPagefindMeta: 'date, published[datetime]' })]),
    { type: 'raw', value: input.bodyHtml } as unknown as ElementContent,
    ...(input.republished ? [h('p', input.republished)] : []),
    ...(input.corrections.length > 0
      ? [h('aside', [h('h2', 'Corrections'), h('ul', input.corrections.map((correction) => h('li', `${correction.display}: ${correction.text}`)))])]
      : []),
    ...(input.tags.length > 0 ? [h('ul', input.tags.map((tag) => h('li', tag)))] : []),
  ]);
  const page = h('html', { lang: input.language }, [h('head', [h('meta', { charSet: 'utf-8' }), h('title', input.title)]), h('body', [article])]);
  // The body is the pipeline's sanitized HTML; everything else is escaped here.
  return `<!doctype html>${toHtml(page, { allowDangerousHtml: true })}`;
}
