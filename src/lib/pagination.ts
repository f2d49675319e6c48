/**
 * Stable archive pagination. A list's front page shows the newest items; its
 * archive pages are numbered from the OLDEST end: page 1 holds the oldest
 * `pageSize` items, page 2 the next, and the highest page the newest few. A new
 * article therefore changes the front page and the highest archive page only
 * (or adds a page), never shifts every page: old archive URLs keep their
 * content, and a publish re-uploads a handful of list pages to the CDN.
 *
 *   /latest/            the newest `pageSize` items
 *   /latest/page/1/     the oldest `pageSize` items
 *   /latest/page/N/     the newest archive page (may hold fewer)
 */
import { archivePagePath } from './urls.ts';

export interface ArchivePage<T> {
  /** 1 = oldest. */
  number: number;
  /** Newest first within the page. */
  items: T[];
}

export interface Archive<T> {
  front: T[];
  /** Oldest page first. */
  pages: ArchivePage<T>[];
  pageSize: number;
}

/** `newestFirst` must be sorted newest first. */
export function paginateArchive<T>(newestFirst: readonly T[], pageSize: number): Archive<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`page size must be a positive whole number, not ${pageSize}`);
  const oldestFirst = [...newestFirst].reverse();
  const pages: ArchivePage<T>[] = [];
  for (let start = 0, number = 1; start < oldestFirst.length; start += pageSize, number++) {
    pages.push({ number, items: oldestFirst.slice(start, start + pageSize).reverse() });
  }
  return { front: newestFirst.slice(0, pageSize), pages, pageSize };
}

export interface PageLink {
  label: string;
  href: string;
  current: boolean;
  /** Pages are left out before this one (shown as "…"). */
  gapBefore?: boolean;
}

export interface PageNavigation {
  /** rel="prev": newer items. */
  newer?: string;
  /** rel="next": older items. */
  older?: string;
  /**
   * The front page, then archive pages from newest to oldest: those within
   * PAGE_WINDOW of the current page, and page 1. Never the whole archive, and
   * never "the highest page" from far below it: an archive page must not change
   * when a publish adds a page at the top.
   */
  links: PageLink[];
}

/** Archive pages linked on each side of the current one. */
export const PAGE_WINDOW = 2;

/**
 * Navigation for the front page (`current` = 'front') or an archive page of the
 * list whose front page is `base` (e.g. "/latest/"). Older from the front page
 * leads to the archive page holding the item right after the front page's last one.
 */
export function pageNavigation(base: string, totalItems: number, pageSize: number, current: number | 'front'): PageNavigation {
  const pageCount = Math.ceil(totalItems / pageSize);
  const pageOfOldestIndex = (indexFromOldest: number) => Math.floor(indexFromOldest / pageSize) + 1;
  const links: PageLink[] = [{ label: 'Latest', href: base, current: current === 'front' }];
  // The front page sits above the newest archive page; its window reaches down from there.
  const centre = current === 'front' ? pageCount + 1 : current;
  const highest = Math.min(pageCount, centre + PAGE_WINDOW);
  const lowest = Math.max(1, centre - PAGE_WINDOW);
  for (let number = highest; number >= lowest; number--) {
    links.push({ label: String(number), href: archivePagePath(base, number), current: current === number });
  }
  if (lowest > 1) links.push({ label: '1', href: archivePagePath(base, 1), current: false, ...(lowest > 2 ? { gapBefore: true } : {}) });
  const navigation: PageNavigation = { links };
  if (current === 'front') {
    // The first item not on the front page, counted from the oldest end.
    const firstOlder = totalItems - pageSize - 1;
    if (firstOlder >= 0) navigation.older = archivePagePath(base, pageOfOldestIndex(firstOlder));
    return navigation;
  }
  navigation.newer = current >= pageCount ? base : archivePagePath(base, current + 1);
  if (current > 1) navigation.older = archivePagePath(base, current - 1);
  return navigation;
}
