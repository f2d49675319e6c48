import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { xmlError } from '../helpers/xml.ts';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { authorFeedDescription, feedContentHtml, feedTitle, rssFeed, SITE_FEED_SUBJECT, type FeedItem } from '../../src/lib/distribution/feeds.ts';

const articleUrl = 'https://gazette.example/ports-and-tariffs/';
const image = { url: 'https://gazette.example/_astro/harbour.jpg', width: 1200, height: 675, type: 'image/jpeg', alt: 'Cranes', credit: 'Ana Ruiz/Reuters' };

describe('feedContentHtml', () => {
  const html = feedContentHtml({
    articleUrl,
    bodyHtml: '<p>See <a href="/canal-water/">the canal</a>, <a href="#fn-1">a note</a> and <a href="https://ports.example/dues">the ports</a>.</p><img src="/_astro/map.webp" srcset="/_astro/map-1.webp 400w, /_astro/map-2.webp 800w" alt="Map">',
    image,
    photoCredit: 'Top photo credit: Cranes at dusk. Ana Ruiz/Reuters',
    closingLines: ['This article was republished with permission by The Harbor Quarterly.'],
  });
  const tree = fromHtml(html, { fragment: true });

  it('makes every link and image address absolute', () => {
    const hrefs = selectAll('a', tree).map((a) => a.properties.href);
    expect(hrefs).toEqual(['https://gazette.example/canal-water/', 'https://gazette.example/ports-and-tariffs/#fn-1', 'https://ports.example/dues']);
    const images = selectAll('img', tree);
    expect(images.map((img) => img.properties.src)).toEqual([image.url, 'https://gazette.example/_astro/map.webp']);
    expect(images[1]!.properties.srcSet).toBe('https://gazette.example/_astro/map-1.webp 400w, https://gazette.example/_astro/map-2.webp 800w');
  });

  it('puts the top photo with its credit first and the republish credit last', () => {
    expect(html).toMatch(/^<figure><img src="https:\/\/gazette\.example\/_astro\/harbour\.jpg" alt="Cranes" width="1200" height="675"><figcaption>Top photo credit: Cranes at dusk\. Ana Ruiz\/Reuters<\/figcaption><\/figure>/);
    expect(html).toMatch(/<p><em>This article was republished with permission by The Harbor Quarterly\.<\/em><\/p>$/);
  });
});

describe('feedContentHtml with embeds', () => {
  it('leaves out the frame, keeping the title and the link to the original', () => {
    const bodyHtml = '<figure class="embed embed-chart"><div class="embed-frame embed-ratio-4x3"><iframe src="https://datawrapper.dwcdn.net/pC7tQ/3/" title="Transits" sandbox="allow-scripts"></iframe></div><figcaption class="embed-caption"><span class="embed-title">Transits</span> <a href="https://datawrapper.dwcdn.net/pC7tQ/3/">Open the chart on Datawrapper</a></figcaption></figure>';
    const html = feedContentHtml({ articleUrl, bodyHtml, closingLines: [] });
    expect(html).not.toContain('<iframe');
    expect(html).toBe('<figure class="embed embed-chart"><figcaption class="embed-caption"><span class="embed-title">Transits</span> <a href="https://datawrapper.dwcdn.net/pC7tQ/3/">Open the chart on Datawrapper</a></figcaption></figure>');
  });
});

describe('rssFeed', () => {
  const item: FeedItem = {
    url: articleUrl,
    title: 'Why "</script>" & <b>tags</b> stay text',
    dek: 'Ports & tariffs',
    published: new Date('2026-10-14T12:30:00Z'),
    authors: ['Ada Ferrer', 'Ben Okri'],
    categories: ['World', 'shipping'],
    image,
    contentHtml: '<p>Body &amp; <a href="https://gazette.example/x/">link</a></p>',
  };
  const channel = { title: 'The Gazette', description: 'News & analysis', pageUrl: 'https://gazette.example/', feedUrl: 'https://gazette.example/rss.xml', language: 'en', copyright: 'The Gazette' };

  it('is well-formed RSS 2.0 with full content, authors, categories, image and a self link', async () => {
    const xml = await rssFeed(channel, [item, { ...item, url: 'https://gazette.example/older/', published: new Date('2026-10-01T00:00:00Z'), image: undefined }]);
    expect(xmlError(xml)).toBeNull();
    const rss = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category', 'dc:creator'].includes(name) }).parse(xml).rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel).toMatchObject({ title: 'The Gazette', link: 'https://gazette.example/', description: 'News & analysis', language: 'en', lastBuildDate: 'Wed, 14 Oct 2026 12:30:00 GMT' });
    expect(rss.channel['atom:link']).toMatchObject({ '@_href': 'https://gazette.example/rss.xml', '@_rel': 'self' });
    const [first, second] = rss.channel.item;
    expect(first).toMatchObject({ title: item.title, link: articleUrl, pubDate: 'Wed, 14 Oct 2026 12:30:00 GMT', description: 'Ports &amp; tariffs', 'dc:creator': ['Ada Ferrer', 'Ben Okri'], category: ['World', 'shipping'] });
    expect(first.guid).toMatchObject({ '#text': articleUrl, '@_isPermaLink': 'true' });
    expect(first['content:encoded']).toBe(item.contentHtml);
    expect(first['media:content']).toMatchObject({ '@_url': image.url, '@_medium': 'image', '@_width': '1200', '@_height': '675', 'media:credit': 'Ana Ruiz/Reuters', 'media:description': 'Cranes' });
    expect(second).not.toHaveProperty('media:content');
  });

  it('is the same text for the same items, whatever the clock says', async () => {
    expect(await rssFeed(channel, [item])).toBe(await rssFeed(channel, [item]));
  });

  it('is a valid channel with no items when nothing is published yet', async () => {
    const xml = await rssFeed(channel, []);
    expect(xmlError(xml)).toBeNull();
    expect(xml).not.toContain('<item>');
  });
});

describe('feed names', () => {
  it('names a feed after the publication and what it follows', () => {
    expect(feedTitle('The Gazette', 'Middle East')).toBe('The Gazette: Middle East');
    expect(feedTitle('The Gazette', SITE_FEED_SUBJECT)).toBe('The Gazette: latest');
  });

  it('describes an author\'s feed with the role when there is one', () => {
    expect(authorFeedDescription('The Gazette', { name: 'Noor Haddad', role: 'Gulf correspondent' })).toBe('Articles by Noor Haddad, Gulf correspondent, from The Gazette');
    expect(authorFeedDescription('The Gazette', { name: 'Noor Haddad' })).toBe('Articles by Noor Haddad, from The Gazette');
  });
});
