import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { breadcrumbList, copyrightHolderOf, homeGraph, NEWS_ARTICLE_TYPES, newsArticle, serializeJsonLd, seriesPageJsonLd, substantiveUpdate, type NewsArticleInput } from '../../src/lib/distribution/json-ld.ts';
import { ARTICLE_TYPES } from '../../src/lib/content/schema/index.ts';

const publisher = { name: 'The Gazette', url: 'https://gazette.example/', logo: { url: 'https://gazette.example/logo.svg' } };
const base: NewsArticleInput = {
  type: 'analysis',
  url: 'https://gazette.example/piece/',
  headline: 'Ports and tariffs',
  description: 'What changes',
  published: new Date('2026-10-14T12:30:00Z'),
  authors: [
    { name: 'Ada Ferrer', url: 'https://gazette.example/author/ada-ferrer/' },
    { name: 'Ben Okri', url: 'https://gazette.example/author/ben-okri/' },
  ],
  section: 'World',
  keywords: ['shipping', 'ports'],
  images: [{ url: 'https://gazette.example/_astro/a.jpg', width: 1200, height: 675, caption: 'Cranes', credit: 'Ana Ruiz/Reuters' }],
  language: 'en',
  publisher,
};

describe('serializeJsonLd', () => {
  const hostile = { headline: 'Why "</script><script>alert(1)</script>" & <!-- stays text', note: 'line\u2028separator\u2029end' };

  it('escapes <, >, & and the line separators, and still parses to the same value', () => {
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });

  it('keeps a headline with </script><script> as data inside one script element', () => {
    const page = `<!doctype html><html><head><script type="application/ld+json">${serializeJsonLd(hostile)}</script></head><body></body></html>`;
    const scripts = selectAll('script', fromHtml(page));
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(toText(scripts[0]!))).toEqual(hostile);
  });

  it('would break out of the element without the escaping (the test can fail)', () => {
    const page = `<script type="application/ld+json">${JSON.stringify(hostile)}</script>`;
    expect(selectAll('script', fromHtml(page)).length).toBeGreaterThan(1);
  });
});

describe('newsArticle', () => {
  it('picks the NewsArticle subtype by piece type', () => {
    expect(newsArticle(base)['@type']).toBe('AnalysisNewsArticle');
    expect(newsArticle({ ...base, type: 'opinion' })['@type']).toBe('OpinionNewsArticle');
    expect(newsArticle({ ...base, type: 'reporting' })['@type']).toBe('ReportageNewsArticle');
    expect(newsArticle({ ...base, type: 'review' })['@type']).toBe('ReviewNewsArticle');
    for (const type of ARTICLE_TYPES) expect(NEWS_ARTICLE_TYPES[type]).toMatch(/NewsArticle$/);
  });

  it('names every author as a Person with their page, the publisher with its logo, and the photo credit', () => {
    const data = newsArticle(base);
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Ada Ferrer', url: 'https://gazette.example/author/ada-ferrer/' },
      { '@type': 'Person', name: 'Ben Okri', url: 'https://gazette.example/author/ben-okri/' },
    ]);
    expect(data.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'The Gazette', logo: { '@type': 'ImageObject', url: 'https://gazette.example/logo.svg' } });
    expect(data.image).toEqual([
      expect.objectContaining({ url: 'https://gazette.example/_astro/a.jpg', width: 1200, height: 675, creditText: 'Ana Ruiz/Reuters', copyrightHolder: { '@type': 'Organization', name: 'Reuters' } }),
    ]);
    expect(data).toMatchObject({ articleSection: 'World', keywords: ['shipping', 'ports'], datePublished: '2026-10-14T12:30:00.000Z', headline: 'Ports and tariffs' });
  });

  it('gives dateModified only for a substantive update after publication', () => {
    expect(newsArticle(base)).not.toHaveProperty('dateModified');
    expect(newsArticle({ ...base, modified: base.published })).not.toHaveProperty('dateModified');
    expect(newsArticle({ ...base, modified: new Date('2026-10-15T00:00:00Z') }).dateModified).toBe('2026-10-15T00:00:00.000Z');
  });

  it('leaves out images and keywords a piece does not have', () => {
    const data = newsArticle({ ...base, images: [], keywords: [] });
    expect(data).not.toHaveProperty('image');
    expect(data).not.toHaveProperty('keywords');
  });
});

describe('substantiveUpdate', () => {
  const updated = new Date('2026-10-15T00:00:00Z');
  it('is the update date or a later correction, and nothing without either', () => {
    expect(substantiveUpdate(undefined, [])).toBeUndefined();
    expect(substantiveUpdate(updated, [])).toEqual(updated);
    expect(substantiveUpdate(updated, [{ date: new Date('2026-10-16T00:00:00Z') }])).toEqual(new Date('2026-10-16T00:00:00Z'));
    expect(substantiveUpdate(updated, [{ date: new Date('2026-10-14T00:00:00Z') }])).toEqual(updated);
    expect(substantiveUpdate(undefined, [{ date: new Date('2026-10-14T00:00:00Z') }])).toEqual(new Date('2026-10-14T00:00:00Z'));
  });
});

describe('credits, breadcrumbs and the home graph', () => {
  it('credits the agency after the slash, or the whole credit', () => {
    expect(copyrightHolderOf('Jane Doe/Reuters')).toBe('Reuters');
    expect(copyrightHolderOf('Jane Doe / AP / Pool')).toBe('Pool');
    expect(copyrightHolderOf('Meridian Review illustration')).toBe('Meridian Review illustration');
  });

  it('numbers breadcrumb positions from 1', () => {
    const trail = breadcrumbList([
      { name: 'Home', url: 'https://gazette.example/' },
      { name: 'World', url: 'https://gazette.example/world/' },
    ]);
    expect(trail.itemListElement.map((item) => [item.position, item.name])).toEqual([
      [1, 'Home'],
      [2, 'World'],
    ]);
  });

  it('describes the organization and the website with a search action', () => {
    const graph = homeGraph({ publisher, description: 'News', language: 'en', sameAs: ['https://x.com/gazette'], searchUrl: 'https://gazette.example/search/' });
    expect(graph['@graph'].map((node) => node['@type'])).toEqual(['NewsMediaOrganization', 'WebSite']);
    expect(JSON.stringify(graph)).toContain('https://gazette.example/search/?q={search_term_string}');
  });
});

describe('the publisher\'s policy pages', () => {
  it('are named where the site has them, and left out where it does not', () => {
    const policies = { publishingPrinciples: 'https://gazette.example/standards/', correctionsPolicy: 'https://gazette.example/standards/', masthead: 'https://gazette.example/masthead/' };
    const graph = homeGraph({ publisher: { ...publisher, policies }, description: 'd', language: 'en', sameAs: [] })['@graph'][0];
    expect(graph).toMatchObject(policies);
    expect(newsArticle({ ...base, publisher: { ...publisher, policies } }).publisher).toMatchObject(policies);
    const without = homeGraph({ publisher, description: 'd', language: 'en', sameAs: [] })['@graph'][0];
    expect(Object.keys(without)).not.toContain('masthead');
    expect(Object.keys(without)).not.toContain('publishingPrinciples');
  });
});

describe('series', () => {
  const series = { name: 'Chokepoints under strain', url: 'https://gazette.example/series/chokepoints/' };

  it('names a part\'s series as isPartOf, a CreativeWorkSeries with its name and address', () => {
    expect(newsArticle({ ...base, series }).isPartOf).toEqual({
      '@type': 'CreativeWorkSeries',
      '@id': 'https://gazette.example/series/chokepoints/#series',
      name: 'Chokepoints under strain',
      url: 'https://gazette.example/series/chokepoints/',
    });
    expect(newsArticle(base)).not.toHaveProperty('isPartOf');
  });

  it('describes a series page as the same series, with its parts in order', () => {
    const page = seriesPageJsonLd({
      series,
      description: 'Three waterways.',
      language: 'en',
      publisher,
      parts: [
        { url: 'https://gazette.example/a/', headline: 'A', position: 1 },
        { url: 'https://gazette.example/b/', headline: 'B', position: 2 },
      ],
    });
    expect(page['@id']).toBe(newsArticle({ ...base, series }).isPartOf!['@id']);
    expect(page.hasPart.map((part) => [part['@id'], part.position])).toEqual([
      ['https://gazette.example/a/#article', 1],
      ['https://gazette.example/b/#article', 2],
    ]);
  });
});
