import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RenderCache } from '../../src/lib/render-cache.ts';
import { RelatedIndex, TermVocabulary } from '../../src/lib/related/ranking.ts';
import { rankApart, rankedApart, rankingDocumentsTaken, rankingInputDigest, type RankingInput } from '../../src/lib/related/ranked-apart.ts';
import { relatedDocument } from '../../src/markdown/related-document.ts';
import { bodyTermCounts } from '../../src/markdown/text-terms.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const TOPICS = ['nile dam reservoir filling egypt ethiopia water', 'tanker fleet sanctions oil shipping insurance', 'sahel junta corridor wagner mining gold', 'taiwan strait chips export controls semiconductors'];

/** Forty pieces on four topics, newest first, with their bodies' words in a render cache. */
function corpus(): { inputs: RankingInput[]; cacheDir: string; bodyTerms: Map<string, [string, number][]> } {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'ranked-apart-'));
  made.push(cacheDir);
  const cache = new RenderCache(cacheDir);
  const bodyTerms = new Map<string, [string, number][]>();
  const inputs: RankingInput[] = [];
  for (let i = 0; i < 40; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const text = `${topic} ${topic.split(' ').slice(0, 1 + (i % 5)).join(' ')} briefing number ${'word'.repeat(1 + (i % 3))}`;
    const bodyHash = `hash${i}`;
    const terms = bodyTermCounts(text);
    bodyTerms.set(bodyHash, terms);
    cache.put(bodyHash, `<p>${text}</p>`, { excerpt: { lead: text, more: [] }, wordCount: 20, bodyTerms: terms, siteLinkTargets: [], frameOrigins: [] });
    inputs.push({ slug: `piece-${i}`, section: `section-${i % 3}`, tags: i % 2 ? ['energy'] : [], published: new Date(Date.UTC(2026, 0, 40 - i)), title: `Piece ${i} on ${topic.split(' ')[0]}`, dek: '', bodyHash });
  }
  return { inputs, cacheDir, bodyTerms };
}

describe('related stories ranked on a worker thread', () => {
  it('gives the ranking the build thread would have made', () => {
    const { inputs, cacheDir, bodyTerms } = corpus();
    const local = new RelatedIndex(inputs.map((input) => relatedDocument(input, bodyTerms.get(input.bodyHash)!))).all();
    rankApart(inputs, cacheDir);
    const apart = rankedApart(inputs);
    expect(apart?.matches).toBeInstanceOf(Map);
    expect(apart).toEqual({ matches: local });
    expect([...apart!.matches.values()].some((matches) => matches.some((match) => match.reason === 'similar'))).toBe(true);
    expect(rankingDocumentsTaken()).toBe(false);
    // Taken once.
    expect(rankedApart(inputs)).toBeUndefined();
    // A rebuild reads the words from the file the first ranking wrote, not from each body's metadata.
    for (const file of readdirSync(cacheDir)) if (file.endsWith('.json')) unlinkSync(path.join(cacheDir, file));
    rankApart(inputs, cacheDir);
    expect(rankedApart(inputs)).toEqual({ matches: local });
  });

  it('hands back the documents when asked: an index built from them ranks as the worker did', () => {
    const { inputs, cacheDir, bodyTerms } = corpus();
    const local = new RelatedIndex(inputs.map((input) => relatedDocument(input, bodyTerms.get(input.bodyHash)!))).all();
    rankApart(inputs, cacheDir, { keepDocuments: true });
    const apart = rankedApart(inputs)!;
    expect(apart.matches).toEqual(local);
    expect(rankingDocumentsTaken()).toBe(true);
    const { terms, documents } = apart.compact!;
    expect(documents.map((document) => document.slug)).toEqual(inputs.map((input) => input.slug));
    // A piece's terms, as ids of the vocabulary handed back, are its own terms.
    const first = relatedDocument(inputs[0]!, bodyTerms.get(inputs[0]!.bodyHash)!);
    expect([...documents[0]!.termIds].map((id) => terms[id])).toEqual(first.terms.map(([term]) => term));
    expect([...documents[0]!.termCounts]).toEqual(first.terms.map(([, count]) => count));
    // The preview goes on from them: the vocabulary rebuilt, one document changed, the rest kept.
    const vocabulary = TermVocabulary.of(terms);
    expect(vocabulary.terms).toEqual(terms);
    const changed = { ...inputs[3]!, title: 'Tanker insurance and the Nile dam reservoir' };
    const documentsAfter = documents.map((document, position) => (position === 3 ? vocabulary.compact(relatedDocument(changed, bodyTerms.get(changed.bodyHash)!)) : document));
    const inputsAfter = inputs.map((input, position) => (position === 3 ? changed : input));
    const expected = new RelatedIndex(inputsAfter.map((input) => relatedDocument(input, bodyTerms.get(input.bodyHash)!))).all();
    expect(new RelatedIndex({ vocabulary, documents: documentsAfter }).all()).toEqual(expected);
  });

  it('is not used for other inputs: a piece more, or a title changed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { inputs, cacheDir } = corpus();
    rankApart(inputs, cacheDir);
    expect(rankedApart(inputs.slice(1))).toBeUndefined();
    rankApart(inputs, cacheDir);
    expect(rankedApart(inputs.map((input, i) => (i === 5 ? { ...input, title: 'Another title' } : input)))).toBeUndefined();
    expect(rankingInputDigest(inputs)).not.toBe(rankingInputDigest([...inputs].reverse()));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ranked other pieces .* ranking again on the build thread/));
    warn.mockRestore();
  });

  it('gives nothing when no ranking was started, when the worker failed, or when it stalls, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { inputs, cacheDir } = corpus();
    expect(rankedApart(inputs)).toBeUndefined();
    // A body missing from the render cache: the worker fails and says so.
    rankApart(inputs, path.join(cacheDir, 'empty'));
    expect(rankedApart(inputs)).toBeUndefined();
    // A worker that never reports progress is given up on.
    rankApart(inputs, cacheDir, { workerUrl: new URL('../fixtures/ranked-apart/silent-worker.ts', import.meta.url) });
    const began = Date.now();
    expect(rankedApart(inputs, 1500)).toBeUndefined();
    expect(Date.now() - began).toBeGreaterThanOrEqual(1500);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      'related stories: the ranking worker failed; ranking on the build thread',
      'related stories: the ranking worker made no progress for 1.5 s; ranking on the build thread',
    ]);
    warn.mockRestore();
  });
});
