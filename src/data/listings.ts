/** Paginated lists (latest, sections, authors, tags) as static paths: a front page plus stable archive pages. */
import { paginateArchive, pageNavigation, type PageNavigation } from '../lib/pagination.ts';
import type { ArticleView } from './content.ts';
import { archivePageParameter } from '../lib/urls.ts';

/** Articles per list page. */
export const PAGE_SIZE = 20;

export interface ListingPage {
  /** `undefined` for the front page, `page/<n>` for archive pages: the value of a `[...page]` route parameter. */
  page: string | undefined;
  pageNumber: number | 'front';
  items: ArticleView[];
  navigation: PageNavigation;
}

/** Every page of the list whose front page is `base` (e.g. "/latest/"). */
export function listingPages(base: string, newestFirst: ArticleView[]): ListingPage[] {
  const archive = paginateArchive(newestFirst, PAGE_SIZE);
  const total = newestFirst.length;
  // A list that fits on its front page has no archive yet; page 1 appears once it outgrows it.
  if (total <= PAGE_SIZE) return [{ page: undefined, pageNumber: 'front', items: archive.front, navigation: { links: [] } }];
  return [
    { page: undefined, pageNumber: 'front', items: archive.front, navigation: pageNavigation(base, total, PAGE_SIZE, 'front') },
    ...archive.pages.map((archivePage) => ({
      page: archivePageParameter(archivePage.number),
      pageNumber: archivePage.number,
      items: archivePage.items,
      navigation: pageNavigation(base, total, PAGE_SIZE, archivePage.number),
    })),
  ];
}
