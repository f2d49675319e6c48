/**
 * Which address search engines should treat as the original of a piece.
 *
 * Policy (site.yaml `republishing.canonical`):
 * - `self` (default): every piece is canonical on this site; republished pieces
 *   carry the credit line. When a rights holder asks for the canonical link, the
 *   piece's frontmatter sets `canonical:` to the original's address.
 * - `original`: every republished piece with a `republished.url` is canonical to
 *   that address; `canonical:` in frontmatter still wins.
 */
export type RepublishingPolicy = 'self' | 'original';

export interface CanonicalInput {
  /** This site's absolute address of the piece. */
  selfUrl: string;
  canonical?: string | undefined;
  republished?: { url?: string | undefined } | undefined;
}

export function canonicalUrl(article: CanonicalInput, policy: RepublishingPolicy): string {
  if (article.canonical) return article.canonical;
  if (policy === 'original' && article.republished?.url) return article.republished.url;
  return article.selfUrl;
}

/** Pieces canonical elsewhere stay readable here but are left out of sitemaps. */
export function isCanonicalHere(article: CanonicalInput, policy: RepublishingPolicy): boolean {
  return canonicalUrl(article, policy) === article.selfUrl;
}
