/**
 * What the built sample site offers crawlers, feed readers and social networks:
 * feeds, sitemaps, robots.txt, structured data, social cards, canonical links
 * and redirects, each read back with a real XML or HTML parser.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { xmlError } from '../helpers/xml.ts';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import { htmlDocuments, listOutput, readPage } from '../helpers/build-site.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { compareNewestFirst, isPublic } from '../../src/lib/content/visibility.ts';
import { NEWS_ARTICLE_TYPES, substantiveUpdate } from '../../src/lib/distribution/json-ld.ts';
import { smartenText } from '../../src/markdown/remark-typography.ts';
import { FEED_ITEM_LIMIT } from '../../src/lib/distribution/feeds.ts';
import { escapeXml } from '../../src/lib/distribution/xml.ts';

const build = inject('sampleSite');
const now = new Date(build.now);
const report = validateContent(path.join(REPO, 'content'), { cwd: REPO });
const site = report.site!;
const SITE = site.url.replace(/\/$/, '');
const publicArticles = report.articles
  .filter((article) => isPublic(article.data, now))
  .map((article) => ({ ...article, published: article.data.published }))
  .sort(compareNewestFirst);
const hiddenSlugs = report.articles.filter((article) => !isPublic(article.data, now)).map((article) => article.slug);
const canonicalElsewhere = publicArticles.filter((article) => article.data.canonical);
/** Pages that stand for no document of their own and ask not to be indexed: the 404 page and the notices of withdrawn pieces. */
const unindexed = ['404.html', ...report.articles.filter((article) => article.data.withdrawn && !article.data.draft).map((article) => `${article.slug}/index.html`)];

let files: string[];
const read = (file: string) => readFileSync(path.join(build.outDir, file), 'utf8');
const exists = (url: string) => {
  const sitePath = new URL(url).pathname;
  return existsSync(path.join(build.outDir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath));
};
const pages = new Map<string, Root>();
const tree = (file: string) => {
  let parsed = pages.get(file);
  if (!parsed) pages.set(file, (parsed = readPage(build.outDir, file).tree));
  return parsed;
};
const meta = (root: Root, key: string) => {
  const node = select(`meta[property="${key}"], meta[name="${key}"]`, root);
  return node ? String(node.properties.content) : undefined;
};
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'url', 'sitemap', 'category', 'dc:creator'].includes(name),
});
const parseXml = (file: string) => {
  const xml = read(file);
  expect(xmlError(xml), file).toBeNull();
  return parser.parse(xml);
};
/** Regular pages: not the redirect pages that stand at former addresses. */
const contentPages = () => htmlDocuments(files).filter((file) => !select('meta[http-equiv="refresh"]', tree(file)));

beforeAll(() => {
  files = listOutput(build.outDir);
});

describe('feeds', () => {
  const feedFiles = () => files.filter((file) => file.endsWith('rss.xml'));

  it('exist for the site, every section and brand, every author and every series', () => {
    expect(feedFiles()).toEqual(
      expect.arrayContaining([
        'rss.xml',
        ...report.sections.map((section) => `${section.id}/rss.xml`),
        ...report.authors.map((author) => `author/${author.id}/rss.xml`),
        ...report.series.map((series) => `series/${series.id}/rss.xml`),
      ]),
    );
    expect(feedFiles()).toHaveLength(1 + report.sections.length + report.authors.length + report.series.length);
  });

  it('parse as RSS 2.0 with the right items, newest first, full absolute content and no draft or future piece', () => {
    for (const file of feedFiles()) {
      const { rss } = parseXml(file);
      expect(rss['@_version'], file).toBe('2.0');
      const channel = rss.channel;
      expect(channel['atom:link']['@_href'], file).toBe(`${SITE}/${file}`);
      expect(channel['atom:link']['@_rel'], file).toBe('self');
      expect(channel.language, file).toBe(site.language);
      const items: Record<string, any>[] = channel.item ?? [];
      const scope =
        file === 'rss.xml'
          ? publicArticles
          : file.startsWith('author/')
            ? publicArticles.filter((article) => article.data.authors.includes(file.split('/')[1]!))
            : file.startsWith('series/')
              ? publicArticles.filter((article) => article.data.series?.id === file.split('/')[1])
              : publicArticles.filter((article) => article.data.section === file.split('/')[0]);
      expect(
        items.map((item) => item.link),
        file,
      ).toEqual(scope.slice(0, FEED_ITEM_LIMIT).map((article) => `${SITE}/${article.slug}/`));
      for (const item of items) {
        const slug = new URL(item.link).pathname.split('/')[1]!;
        const article = publicArticles.find((candidate) => candidate.slug === slug)!;
        expect(hiddenSlugs, file).not.toContain(slug);
        expect(new Date(item.pubDate).getTime(), `${file} ${slug}`).toBe(article.data.published.getTime());
        expect(item.pubDate, file).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
        expect(item.title, file).toBe(smartenText(article.data.title, ''));
        expect(item.guid['#text'], file).toBe(item.link);
        expect(item['dc:creator'].length, file).toBe(article.data.authors.length);
        const content = fromHtml(item['content:encoded'], { fragment: true });
        const addresses = [...selectAll('a[href]', content).map((a) => String(a.properties.href)), ...selectAll('img', content).map((img) => String(img.properties.src))];
        for (const address of addresses) expect(address, `${file} ${slug}`).toMatch(/^(https?:|mailto:)/);
        if (article.data.hero) {
          expect(item['media:content']['@_url'], file).toMatch(/^https:\/\/.+\.jpe?g$/);
          expect(exists(item['media:content']['@_url']), item['media:content']['@_url']).toBe(true);
          expect(item['media:content']['media:credit'], file).toBe(article.data.hero.credit);
          expect(toText(select('figcaption', content)!), file).toContain(article.data.hero.credit);
        }
        if (article.data.republished) expect(item['content:encoded'], file).toContain(`republished with permission by ${article.data.republished.author ? `${article.data.republished.author}, ` : ''}${article.data.republished.outlet}`);
      }
    }
  });

  it('are linked from pages with rel=alternate: the site feed everywhere, section and author feeds on their pages', () => {
    for (const file of contentPages()) {
      const alternates = selectAll('link[rel="alternate"][type="application/rss+xml"]', tree(file)).map((link) => String(link.properties.href));
      expect(alternates, file).toContain('/rss.xml');
      for (const href of alternates) expect(files, `${file} -> ${href}`).toContain(href.slice(1));
    }
    for (const section of report.sections) expect(selectAll('link[rel="alternate"]', tree(`${section.id}/index.html`)).map((link) => link.properties.href)).toContain(`/${section.id}/rss.xml`);
    for (const author of report.authors) expect(selectAll('link[rel="alternate"]', tree(`author/${author.id}/index.html`)).map((link) => link.properties.href)).toContain(`/author/${author.id}/rss.xml`);
  });
});

describe('sitemaps and robots.txt', () => {
  it('index every part, and the parts hold every public page that is canonical here, with lastmod', () => {
    const index = parseXml('sitemap.xml').sitemapindex.sitemap as { loc: string; lastmod: string }[];
    expect(index.length).toBeGreaterThanOrEqual(2);
    const urls: { loc: string; lastmod?: string }[] = [];
    for (const part of index) {
      expect(part.loc).toMatch(new RegExp(`^${SITE}/sitemaps/[a-z0-9-]+\\.xml$`));
      expect(Number.isNaN(Date.parse(part.lastmod))).toBe(false);
      urls.push(...parseXml(new URL(part.loc).pathname.slice(1)).urlset.url);
    }
    const locs = urls.map((url) => url.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) expect(exists(loc), loc).toBe(true);
    for (const article of publicArticles) {
      const entry = urls.find((url) => url.loc === `${SITE}/${article.slug}/`);
      if (article.data.canonical) {
        expect(entry, article.slug).toBeUndefined();
        continue;
      }
      expect(entry, article.slug).toBeDefined();
      const lastChange = substantiveUpdate(article.data.updated, article.data.corrections) ?? article.data.published;
      expect(new Date(entry!.lastmod!).getTime(), article.slug).toBe(lastChange.getTime());
    }
    for (const slug of hiddenSlugs) expect(locs.some((loc) => loc.includes(slug))).toBe(false);
    for (const article of report.articles) for (const former of article.data.previousSlugs) expect(locs).not.toContain(`${SITE}/${former}/`);
    expect(locs).toEqual(expect.arrayContaining([`${SITE}/`, `${SITE}/latest/`, ...report.sections.map((section) => `${SITE}/${section.id}/`), ...report.authors.map((author) => `${SITE}/author/${author.id}/`)]));
  });

  it('has a Google News sitemap with exactly the pieces of the last 48 hours', () => {
    const { urlset } = parseXml('news-sitemap.xml');
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const recent = publicArticles.filter((article) => !article.data.canonical && now.getTime() - article.data.published.getTime() < 48 * 3_600_000);
    expect(recent.length).toBeGreaterThan(0);
    const entries: Record<string, any>[] = urlset.url ?? [];
    expect(entries.map((entry) => entry.loc)).toEqual(recent.map((article) => `${SITE}/${article.slug}/`));
    for (const [index, entry] of entries.entries()) {
      const news = entry['news:news'];
      expect(news['news:publication']).toEqual({ 'news:name': site.name, 'news:language': 'en' });
      expect(new Date(news['news:publication_date']).getTime()).toBe(recent[index]!.data.published.getTime());
      expect(news['news:title']).toBe(smartenText(recent[index]!.data.title, ''));
    }
  });

  it('names both sitemaps in robots.txt and keeps crawlers out of search results', () => {
    const robots = read('robots.txt');
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${SITE}/news-sitemap.xml`);
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/search\/$/m);
  });
});

describe('structured data', () => {
  const jsonLd = (file: string) => selectAll('script[type="application/ld+json"]', tree(file)).map((script) => JSON.parse(toText(script)));

  it('describes every article as the NewsArticle subtype of its kind, with authors, publisher, section, keywords and photo credit', () => {
    for (const article of publicArticles) {
      const file = `${article.slug}/index.html`;
      const [data, breadcrumbs] = jsonLd(file);
      const expected = article.data;
      expect(data['@type'], file).toBe(NEWS_ARTICLE_TYPES[expected.type]);
      expect(data.headline, file).toBe(smartenText(expected.title, ''));
      expect(data.description, file).toBe(escapeXml(smartenText(expected.dek, '')));
      expect(new Date(data.datePublished).getTime(), file).toBe(expected.published.getTime());
      const modified = substantiveUpdate(expected.updated, expected.corrections);
      if (modified) expect(new Date(data.dateModified).getTime(), file).toBe(modified.getTime());
      else expect(data, file).not.toHaveProperty('dateModified');
      expect(data.author.map((person: { '@type': string; url: string }) => [person['@type'], person.url]), file).toEqual(expected.authors.map((id) => ['Person', `${SITE}/author/${id}/`]));
      expect(data.publisher, file).toMatchObject({ name: site.name, logo: { url: `${SITE}${site.logo.src}` } });
      expect(data.articleSection, file).toBe(report.sections.find((section) => section.id === expected.section)!.name);
      if (expected.tags.length > 0) expect(data.keywords, file).toEqual(expected.tags);
      if (expected.hero) {
        expect(data.image[0], file).toMatchObject({ creditText: expected.hero.credit, copyrightHolder: { '@type': 'Organization' } });
        expect(exists(data.image[0].url), data.image[0].url).toBe(true);
      }
      expect(breadcrumbs['@type'], file).toBe('BreadcrumbList');
      expect(breadcrumbs.itemListElement.map((crumb: { item: string }) => crumb.item), file).toEqual([`${SITE}/`, `${SITE}/${expected.section}/`, `${SITE}/${article.slug}/`]);
    }
  });

  it('describes the publication and its website on the home page', () => {
    const [home] = jsonLd('index.html');
    expect(home['@graph'].map((node: { '@type': string }) => node['@type'])).toEqual(['NewsMediaOrganization', 'WebSite']);
    expect(home['@graph'][0]).toMatchObject({ name: site.name, url: `${SITE}/`, logo: { url: `${SITE}${site.logo.src}` } });
  });
});

describe('social cards and canonical links', () => {
  it('give every page Open Graph and Twitter tags with an image that exists and its alt text', () => {
    for (const file of contentPages()) {
      const root = tree(file);
      for (const key of ['og:title', 'og:description', 'og:type', 'og:site_name', 'og:image', 'og:image:alt', 'twitter:card', 'twitter:image', 'twitter:image:alt']) {
        expect(meta(root, key), `${file} ${key}`).toBeTruthy();
      }
      expect(meta(root, 'twitter:card'), file).toBe('summary_large_image');
      expect(exists(meta(root, 'og:image')!), `${file} ${meta(root, 'og:image')}`).toBe(true);
      if (!unindexed.includes(file)) expect(meta(root, 'og:url'), file).toBe(String(select('link[rel="canonical"]', root)!.properties.href));
    }
  });

  it('show the hero photo on article cards, as article with dates, section and tags', () => {
    for (const article of publicArticles.filter((candidate) => candidate.data.hero)) {
      const root = tree(`${article.slug}/index.html`);
      expect(meta(root, 'og:type')).toBe('article');
      expect(meta(root, 'og:image:alt')).toBe(article.data.hero!.alt);
      expect(meta(root, 'og:image')).toMatch(/\.jpe?g$/);
      expect(new Date(meta(root, 'article:published_time')!).getTime()).toBe(article.data.published.getTime());
      expect(selectAll('meta[property="article:tag"]', root).map((node) => node.properties.content)).toEqual(article.data.tags);
    }
  });

  it('give every page one canonical link: its own address, or the original where the rights holder asked', () => {
    expect(canonicalElsewhere.length).toBeGreaterThan(0);
    expect(unindexed.length, 'the sample has a withdrawn piece').toBeGreaterThan(1);
    for (const file of contentPages().filter((page) => !unindexed.includes(page))) {
      const links = selectAll('link[rel="canonical"]', tree(file));
      expect(links, file).toHaveLength(1);
      const slug = file.split('/')[0]!;
      const elsewhere = canonicalElsewhere.find((article) => article.slug === slug && file === `${slug}/index.html`);
      expect(links[0]!.properties.href, file).toBe(elsewhere ? elsewhere.data.canonical : `${SITE}/${file.replace(/index\.html$/, '')}`);
    }
    // The 404 page answers at any address, so it names none and asks not to be indexed; nor is a withdrawn piece's notice.
    for (const file of unindexed) {
      expect(select('link[rel="canonical"]', tree(file)), file).toBeUndefined();
      expect(meta(tree(file), 'robots'), file).toBe('noindex');
    }
    // A self-canonical republished piece keeps its credit line.
    const selfRepublished = publicArticles.find((article) => article.data.republished && !article.data.canonical)!;
    expect(String(select('link[rel="canonical"]', tree(`${selfRepublished.slug}/index.html`))!.properties.href)).toBe(`${SITE}/${selfRepublished.slug}/`);
    expect(toText(select('.republished', tree(`${selfRepublished.slug}/index.html`))!)).toContain('republished with permission');
  });
});

describe('redirects', () => {
  it('keep former addresses working with a static page and a _redirects rule', () => {
    const moved = report.articles.filter((article) => article.data.previousSlugs.length > 0 && isPublic(article.data, now));
    expect(moved.length).toBeGreaterThan(0);
    const rules = read('_redirects')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(/\s+/));
    for (const article of moved) {
      for (const former of article.data.previousSlugs) {
        expect(rules).toContainEqual([`/${former}/`, `/${article.slug}/`, '301']);
        expect(rules).toContainEqual([`/${former}`, `/${article.slug}/`, '301']);
        const page = tree(`${former}/index.html`);
        expect(String(select('meta[http-equiv="refresh"]', page)!.properties.content)).toBe(`0; url=/${article.slug}/`);
        expect(String(select('link[rel="canonical"]', page)!.properties.href)).toBe(`${SITE}/${article.slug}/`);
      }
    }
    for (const [from, to] of rules) {
      expect(exists(`${SITE}${to}`), to).toBe(true);
      expect(from).toMatch(/^\/[a-z0-9-]+\/?$/);
    }
  });
});
