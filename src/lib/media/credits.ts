/** The credit lines readers see, worded the way the publication words them. */

/** "Top photo credit: Tankers wait off Fujairah. Jane Doe/Reuters" */
export function photoCreditLine(photo: { caption?: string | undefined; credit: string }): string {
  const caption = photo.caption?.trim();
  if (!caption) return `Top photo credit: ${photo.credit}`;
  return `Top photo credit: ${caption}${captionEnding(caption)} ${photo.credit}`;
}

/** What a caption needs before the credit that follows it: a full stop, unless it already ends a sentence. Body figures (src/markdown/remark-figure.ts) end theirs the same way. */
export function captionEnding(caption: string): string {
  return /[.!?\u2026]["\u201d\u2019)]?$/.test(caption.trim()) ? '' : '.';
}

/** "This article was republished with permission by The Harbor Quarterly." */
export function republishCreditLine(republished: { outlet: string; author?: string | undefined }): string {
  const by = republished.author ? `${republished.author}, ${republished.outlet}` : republished.outlet;
  return `This article was republished with permission by ${by}.`;
}
