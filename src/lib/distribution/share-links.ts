/**
 * Share links of an article page: plain links to each network's own "share"
 * address, so sharing needs no script, no button widget and no tracking pixel.
 * The reader's browser goes to the network only when they choose to; nothing
 * of it loads with the page. Titles are untrusted text: every value is
 * percent-encoded as a whole query value (a `&`, `#` or `"` in a headline
 * stays text), and lone surrogates, which `encodeURIComponent` refuses, become
 * U+FFFD first.
 */

export const SHARE_NETWORKS = ['email', 'bluesky', 'x', 'linkedin', 'facebook', 'whatsapp'] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

export interface ShareLink {
  network: ShareNetwork;
  /** What the link shows, e.g. "Bluesky". */
  label: string;
  /** Words before the label that only screen readers need ("Share on "): the link's name is both. */
  namePrefix: string;
  /** The link's full accessible name, e.g. "Share on Bluesky". */
  accessibleName: string;
  href: string;
}

const LABELS: Record<ShareNetwork, { label: string; namePrefix: string }> = {
  email: { label: 'E-mail', namePrefix: 'Share by ' },
  bluesky: { label: 'Bluesky', namePrefix: 'Share on ' },
  x: { label: 'X', namePrefix: 'Share on ' },
  linkedin: { label: 'LinkedIn', namePrefix: 'Share on ' },
  facebook: { label: 'Facebook', namePrefix: 'Share on ' },
  whatsapp: { label: 'WhatsApp', namePrefix: 'Share on ' },
};

/** Text as one percent-encoded URL component; never throws. */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** Headline and address on one line each, for the networks that take a single text. */
function titleAndUrl(title: string, url: string): string {
  return `${title}\n${url}`;
}

/** The share address of one network for a piece with this headline and canonical address. */
export function shareHref(network: ShareNetwork, title: string, url: string): string {
  switch (network) {
    case 'email':
      // RFC 6068: hfvalues percent-encoded; a line break in the body is %0D%0A.
      return `mailto:?subject=${encodeComponent(title)}&body=${encodeComponent(`${title}\r\n\r\n${url}`)}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose?text=${encodeComponent(titleAndUrl(title, url))}`;
    case 'x':
      return `https://x.com/intent/tweet?text=${encodeComponent(title)}&url=${encodeComponent(url)}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${encodeComponent(url)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${encodeComponent(url)}`;
    case 'whatsapp':
      return `https://wa.me/?text=${encodeComponent(titleAndUrl(title, url))}`;
  }
}

/** Every share link of a piece, in the order the page shows them. */
export function shareLinks(title: string, url: string): ShareLink[] {
  return SHARE_NETWORKS.map((network) => {
    const { label, namePrefix } = LABELS[network];
    return { network, label, namePrefix, accessibleName: `${namePrefix}${label}`, href: shareHref(network, title, url) };
  });
}
