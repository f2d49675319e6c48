import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RelatedIndex, type RelatedDocument } from '../../src/lib/related.ts';
import { plainTextDocument } from '../../src/lib/related-input.ts';
import { articleTerms, bodyTermCounts, tokenize, FIELD_WEIGHTS } from '../../src/lib/text-terms.ts';
import { generateArticles } from '../../scripts/lib/corpus.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const doc = (slug: string, section: string, text: string, published = day(0), tags: string[] = []): RelatedDocument =>
  plainTextDocument({ slug, section, tags, published, title: '', dek: '', text });

describe('terms', () => {
  it('drops stop words, short words and numbers, and folds plurals', () => {
    expect(tokenize("The sanctions' 2026 toll: Iran's tankers and a sanction")).toEqual(['sanction', 'toll', 'iran', 'tanker', 'sanction']);
  });
  it('weights title, dek and tags above the body', () => {
    const terms = new Map(articleTerms({ title: 'Tanker fleet', dek: 'Shadow fleet', tags: ['oil-tankers'], body: bodyTermCounts('fleet fleet oil') }));
    expect(terms.get('fleet')).toBe(3 + 2 + 2);
    expect(terms.get('#oil-tankers')).toBe(FIELD_WEIGHTS.tag);
    expect(terms.get('tanker')).toBe(3 + 1);
  });
});

describe('RelatedIndex', () => {
  const documents = [
    doc('tankers-a', 'me', 'tanker fleet sanctions oil shipping insurance tanker fleet', day(10)),
    doc('tankers-b', 'me', 'tanker fleet oil shipping insurance discount crude', day(20)),
    doc('tankers-c', 'econ', 'tanker oil crude discount buyers refinery', day(30)),
    doc('reefs-a', 'asia', 'reef coast guard fishing boats lagoon atoll', day(15)),
    doc('reefs-b', 'asia', 'reef atoll lagoon fishing militia boats', day(25)),
    doc('grid-a', 'eu', 'grid electricity interconnector cable winter demand', day(5)),
  ];
  const index = new RelatedIndex(documents, { min: 3, max: 6 });

  it('ranks by shared content and never returns the article itself', () => {
    const related = index.for('tankers-a');
    expect(related[0]!.slug).toBe('tankers-b');
    expect(related.map((match) => match.slug)).not.toContain('tankers-a');
    expect(related.slice(0, 2).map((match) => match.slug).sort()).toEqual(['tankers-b', 'tankers-c']);
  });

  it('fills up to the minimum with the pieces nearest in time, the same section first, marked as fallbacks', () => {
    const related = index.for('grid-a');
    expect(related).toHaveLength(3);
    expect(related.every((match) => match.reason === 'fallback')).toBe(true);
    // No other article in "eu" (day 5): the site's nearest, days 10, 15 and 20.
    expect(related.map((match) => match.slug)).toEqual(['tankers-a', 'reefs-a', 'tankers-b']);
    const thin = new RelatedIndex(
      [doc('x-source', 'me', 'alpha', day(50)), doc('x-far', 'me', 'beta', day(10)), doc('x-near', 'me', 'gamma', day(45)), doc('x-after', 'me', 'delta', day(53)), doc('y-other', 'asia', 'epsilon', day(51))],
      { min: 3, max: 6 },
    );
    // The section's pieces around day 50 (53, then 45, then 10) before any other section's.
    expect(thin.for('x-source').map((match) => match.slug)).toEqual(['x-after', 'x-near', 'x-far']);
    const reefs = index.for('reefs-a');
    expect(reefs[0]).toMatchObject({ slug: 'reefs-b', reason: 'similar' });
  });

  it('ranks the same whatever order the documents come in', () => {
    const reversed = new RelatedIndex([...documents].reverse(), { min: 3, max: 6 });
    expect(Object.fromEntries(reversed.all())).toEqual(Object.fromEntries(index.all()));
  });

  it('lets a publish change few rails: the weights of terms come from the months before the newest piece', () => {
    const archive = [...generateArticles(1001)];
    const toDocument = (article: (typeof archive)[number], published = new Date(article.published)) => plainTextDocument({ ...article, published, text: article.body });
    const before = new RelatedIndex(archive.slice(0, 1000).map((article) => toDocument(article))).all();
    // The next piece, an hour after the newest: the same month.
    const newest = archive[999]!;
    const published = new Date(Date.parse(newest.published) + 3_600_000);
    const after = new RelatedIndex([toDocument(archive[1000]!, published), ...archive.slice(0, 1000).map((article) => toDocument(article))]).all();
    const changed = [...before].filter(([slug, matches]) => JSON.stringify(after.get(slug)) !== JSON.stringify(matches));
    // Rails the new piece enters, and a few whose tail it displaces from a term's strongest
    // documents; with the statistics of every piece it was 70 of these 1,000 rails.
    expect(changed.length).toBeLessThanOrEqual(20);
    expect(after.get(archive[1000]!.slug)!.length).toBe(6);
  });

  it('gives fewer teasers only when the site has too few articles', () => {
    const tiny = new RelatedIndex([doc('one', 's', 'alpha beta'), doc('two', 's', 'gamma delta')]);
    expect(tiny.for('one').map((match) => match.slug)).toEqual(['two']);
    expect(new RelatedIndex([doc('alone', 's', 'alpha')]).for('alone')).toEqual([]);
  });

  it('breaks ties by date, newest first, then by slug', () => {
    const same = 'identical words about harbour cranes and dock labour';
    const tied = new RelatedIndex([doc('source', 's', same, day(50)), doc('b-older', 's', same, day(40)), doc('a-newer', 's', same, day(60)), doc('c-newer', 's', same, day(60))]);
    expect(tied.for('source').map((match) => match.slug)).toEqual(['a-newer', 'c-newer', 'b-older']);
  });

  it('boosts a shared section and shared tags, and prefers pieces close in time', () => {
    const text = 'drone interceptor radar battery';
    const boosted = new RelatedIndex([
      doc('source', 'mil', text, day(100), ['drones']),
      doc('plain', 'other', text, day(100)),
      doc('same-section', 'mil', text, day(100)),
      doc('same-tag', 'other', text, day(100), ['drones']),
      doc('far-in-time', 'other', text, day(100 + 3 * 365)),
    ]);
    const order = boosted.for('source').map((match) => match.slug);
    expect(order.indexOf('same-section')).toBeLessThan(order.indexOf('plain'));
    expect(order.indexOf('same-tag')).toBeLessThan(order.indexOf('plain'));
    expect(order.at(-1)).toBe('far-in-time');
  });

  it('is deterministic', () => {
    const again = new RelatedIndex([...documents].reverse(), { min: 3, max: 6 });
    for (const document of documents) expect(again.for(document.slug)).toEqual(index.for(document.slug));
  });

  it('explains a match by its shared terms, strongest first', () => {
    const terms = index.explain('tankers-a', 'tankers-b').map((entry) => entry.term);
    expect(terms).toEqual(expect.arrayContaining(['tanker', 'fleet', 'insurance']));
    expect(terms).not.toContain('reef');
  });

  it('refuses an unknown slug with a clear message', () => {
    expect(() => index.for('nope')).toThrow(/no article "nope"/);
  });
});

interface LabelledArticle {
  slug: string;
  topic: string;
  section: string;
  title: string;
  dek: string;
  tags: string[];
  published: string;
  body: string;
}

const FIXTURE = path.join(import.meta.dirname, '../fixtures/related/articles.json');

describe('ranking quality on a labelled fixture of distinct topics', () => {
  const labelled = JSON.parse(readFileSync(FIXTURE, 'utf8')) as LabelledArticle[];
  const topicOf = new Map(labelled.map((article) => [article.slug, article.topic]));
  const index = new RelatedIndex(
    labelled.map((article) => plainTextDocument({ ...article, published: new Date(article.published), text: article.body })),
  );

  it('has at least 30 articles on distinct topics', () => {
    expect(existsSync(FIXTURE)).toBe(true);
    expect(labelled.length).toBeGreaterThanOrEqual(30);
    expect(new Set(labelled.map((article) => article.topic)).size).toBeGreaterThanOrEqual(8);
  });

  // The fixture is deliberately hard: short pieces, topics that share words
  // ("sanctions", "water", "china"), tags that cross topics and sections that do
  // not follow them. The thresholds pin today's quality so that a change to the
  // ranking that makes it worse fails here.
  const results = labelled.map((article) => ({ article, matches: index.for(article.slug) }));

  it("finds each article's own topic first for at least 90% of articles", () => {
    const misses = results.filter(({ article, matches }) => topicOf.get(matches[0]!.slug) !== article.topic).map(({ article }) => article.slug);
    expect(misses.length, misses.join(', ')).toBeLessThanOrEqual(Math.floor(labelled.length * 0.1));
  });

  it('fills at least two thirds of the top three from the same topic, and never returns the article itself', () => {
    let sameTopic = 0;
    for (const { article, matches } of results) {
      expect(matches.map((match) => match.slug)).not.toContain(article.slug);
      expect(matches.length).toBeGreaterThanOrEqual(3);
      sameTopic += matches.slice(0, 3).filter((match) => topicOf.get(match.slug) === article.topic).length;
    }
    expect(sameTopic).toBeGreaterThanOrEqual(Math.ceil(labelled.length * 3 * (2 / 3)));
  });

  it('does better than chance by far: a random pick of three would hit the topic a tenth of the time', () => {
    const topicCount = new Set(labelled.map((article) => article.topic)).size;
    const hits = results.reduce((sum, { article, matches }) => sum + (topicOf.get(matches[0]!.slug) === article.topic ? 1 : 0), 0);
    expect(hits / labelled.length).toBeGreaterThan(5 / topicCount);
  });
});

