/**
 * RSS 2.0 feeds with full article content. Feed readers show content out of
 * the site's context, so every address in it is absolute and the top photo,
 * its credit and the republish credit travel with the text.
 */
import { getRssString } from '@astrojs/rss';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';
import { escapeXml } from './xml.ts';

/** Items per feed: readers poll often; the archive is on the site. */
export const FEED_ITEM_LIMIT = 50;

/**
 * A feed's name in feed readers and in pages' `<link rel="alternate">`: the
 * publication, then what the feed follows ("The Meridian Review: Middle East").
 */
export function feedTitle(publication: string, subject: string): string {
  return `${publication}: ${subject}`;
}

/** What pages call the site's own feed ("The Meridian Review: latest"); its channel carries the publication's bare name. */
export const SITE_FEED_SUBJECT = 'latest';

/** An author's feed, described: "Articles by Noor Haddad, Gulf correspondent, from The Meridian Review". */
export function authorFeedDescription(publication: string, author: { name: string; role?: string | undefined }): string {
  return `Articles by ${author.name}${author.role ? `, ${author.role}` : ''}, from ${publication}`;
}

export interface FeedImage {
  url: string;
  width: number;
  height: number;
  type: string;
  alt: string;
  credit: string;
}

export interface FeedItem {
  url: string;
  title: string;
  dek: string;
  published: Date;
  authors: string[];
  /** Section name first, then tags. */
  categories: string[];
  image?: FeedImage | undefined;
  /** Full content, already made absolute (see `feedContentHtml`). */
  contentHtml: string;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The page this feed follows (home, section, author). */
  pageUrl: string;
  /** The feed's own absolute address. */
  feedUrl: string;
  language: string;
  copyright: string;
}

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'] as const;

/** Makes every link and image address in `node` absolute against `baseUrl` (the article's own address). */
function absolutize(tree: Root, baseUrl: string): void {
  visit(tree, 'element', (element: Element) => {
    for (const attribute of URL_ATTRIBUTES) {
      const value = element.properties[attribute];
      if (typeof value === 'string' && value !== '') element.properties[attribute] = new URL(value, baseUrl).href;
    }
    const srcset = element.properties.srcSet;
    if (typeof srcset === 'string' || Array.isArray(srcset)) {
      const candidates = Array.isArray(srcset) ? srcset.map(String) : srcset.split(',');
      element.properties.srcSet = candidates
        .map((candidate) => {
          const [address, ...descriptor] = candidate.trim().split(/\s+/);
          return [new URL(address!, baseUrl).href, ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * Embeds' frames (src/markdown/remark-embed-directive.ts) left out: a feed
 * reader honours neither our sandbox nor our Content-Security-Policy, so its
 * readers get the frame's title and the link to the original, as print does.
 */
function withoutEmbedFrames(parent: Root | Element): void {
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element') return true;
    const classes = child.properties.className;
    if (Array.isArray(classes) && classes.includes('embed-frame')) return false;
    withoutEmbedFrames(child);
    return true;
  }) as typeof parent.children;
}

/**
 * The item content: top photo with its credit, the body (already sanitized by
 * the Markdown pipeline, embeds' frames left out), then the republish credit, all with absolute URLs.
 */
export function feedContentHtml(input: { articleUrl: string; bodyHtml: string; image?: FeedImage | undefined; photoCredit?: string | undefined; closingLines: string[] }): string {
  const tree = fromHtml(input.bodyHtml, { fragment: true });
  withoutEmbedFrames(tree);
  absolutize(tree, input.articleUrl);
  const before: ElementContent[] = input.image
    ? [
        element('figure', {}, [
          element('img', { src: input.image.url, alt: input.image.alt, width: input.image.width, height: input.image.height }),
          ...(input.photoCredit ? [element('figcaption', {}, [text(input.photoCredit)])] : []),
        ]),
      ]
    : [];
  const after: ElementContent[] = input.closingLines.map((line) => element('p', {}, [element('em', {}, [text(line)])]));
  tree.children = [...before, ...(tree.children as ElementContent[]), ...after];
  return toHtml(tree);
}

export async function rssFeed(channel: FeedChannel, items: readonly FeedItem[]): Promise<string> {
  // The newest item's date, not the clock: the same content gives the same feed.
  const newest = items.reduce<Date | undefined>((latest, item) => (!latest || item.published > latest ? item.published : latest), undefined);
  const channelData = [
    `<language>${escapeXml(channel.language)}</language>`,
    `<copyright>${escapeXml(channel.copyright)}</copyright>`,
    newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
  ].join('');
  return getRssString({
    title: channel.title,
    description: channel.description,
    site: channel.pageUrl,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/', media: 'http://search.yahoo.com/mrss/' },
    customData: channelData,
    items: items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: item.published,
      // RSS readers render a description as HTML: the dek is text, so its markup characters are escaped.
      description: escapeXml(item.dek),
      content: item.contentHtml,
      categories: item.categories,
      customData: [
        ...item.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`),
        item.image
          ? `<media:content url="${escapeXml(item.image.url)}" medium="image" type="${escapeXml(item.image.type)}" width="${item.image.width}" height="${item.image.height}">` +
            `<media:description>${escapeXml(item.image.alt)}</media:description><media:credit>${escapeXml(item.image.credit)}</media:credit></media:content>`
          : '',
      ].join(''),
    })),
  });
}
