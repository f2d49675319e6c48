/** Which articles readers may see: never drafts, never pieces scheduled for later, never pieces withdrawn. */

export interface Schedulable {
  draft: boolean;
  published: Date;
  /** Set on a piece taken down; its address then shows a notice, not the piece. */
  withdrawn?: unknown;
}

export function isPublic(article: Schedulable, now: Date): boolean {
  return !article.draft && article.withdrawn === undefined && article.published.getTime() <= now.getTime();
}

/** A withdrawn piece that had been published: its address keeps a notice (a draft or a piece never out has nothing to keep). */
export function showsWithdrawalNotice(article: Schedulable, now: Date): boolean {
  return !article.draft && article.withdrawn !== undefined && article.published.getTime() <= now.getTime();
}

/** Newest first; ties by slug so the order never depends on file-system order. */
export function compareNewestFirst<T extends { published: Date; slug: string }>(a: T, b: T): number {
  return b.published.getTime() - a.published.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
