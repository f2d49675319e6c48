import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BODY_TERMS_FILE, handOverSummaries, RenderCache, SUMMARIES_FILE, summaryOf, takeSummaries, type CachedRender } from '../../src/lib/render-cache.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function emptyCache(): RenderCache {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-cache-'));
  made.push(dir);
  return new RenderCache(dir);
}

function rendering(word: string): CachedRender {
  return {
    excerpt: { lead: `The ${word} talks resumed.`, more: [`Delegates from ${word} arrived late.`] },
    wordCount: word.length * 100,
    bodyTerms: [[word, 3], ['talks', 2]],
    siteLinkTargets: [`${word}-background`],
    frameOrigins: [],
  };
}

/** A cache holding one rendering per word, under the word as its hash. */
function cacheWith(...words: string[]): RenderCache {
  const cache = emptyCache();
  for (const word of words) cache.put(word, `<p>${word}</p>`, rendering(word));
  return cache;
}

const summariesFile = (cache: RenderCache) => path.join(cache.dir, SUMMARIES_FILE);
const summaryLines = (cache: RenderCache) =>
  readFileSync(summariesFile(cache), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as [string, unknown]);
const bodyMetadata = (cache: RenderCache, hash: string) => path.join(cache.dir, `${hash}.json`);

describe('render summaries', () => {
  it('summarizes each body from its metadata, without its ranking words, and keeps the summaries in one file', () => {
    const cache = cacheWith('nile', 'sahel');
    const summaries = cache.summarize(['sahel', 'nile']);
    expect([...summaries.keys()]).toEqual(['nile', 'sahel']);
    expect(summaries.get('nile')).toEqual(summaryOf(rendering('nile')));
    expect(summaries.get('nile')).not.toHaveProperty('bodyTerms');
    expect(cache.readSummaries()).toEqual(summaries);
  });

  it('reads a summarized body from the summaries file, not from its metadata', () => {
    const cache = cacheWith('nile', 'sahel');
    cache.summarize(['nile', 'sahel']);
    unlinkSync(bodyMetadata(cache, 'nile'));
    expect(cache.summarize(['nile', 'sahel']).get('nile')).toEqual(summaryOf(rendering('nile')));
  });

  it('leaves the file alone when it holds exactly the bodies asked for, adds a line for a new one, and rewrites it once a quarter is of no use', () => {
    const cache = cacheWith('nile', 'sahel', 'andes', 'mekong', 'indus');
    cache.summarize(['nile', 'sahel', 'mekong', 'indus']);
    const written = readFileSync(summariesFile(cache), 'utf8');
    const inode = statSync(summariesFile(cache)).ino;
    cache.summarize(['sahel', 'nile', 'nile', 'indus', 'mekong']);
    expect(readFileSync(summariesFile(cache), 'utf8')).toBe(written);

    cache.summarize(['nile', 'sahel', 'mekong', 'indus', 'andes']);
    expect(statSync(summariesFile(cache)).ino).toBe(inode);
    expect(readFileSync(summariesFile(cache), 'utf8')).toBe(`${written}${JSON.stringify(['andes', summaryOf(rendering('andes'))])}\n`);

    cache.summarize(['andes', 'nile']);
    expect(statSync(summariesFile(cache)).ino).not.toBe(inode);
    expect(summaryLines(cache).map(([hash]) => hash)).toEqual(['andes', 'nile']);
  });

  it('keeps reading the lines after an append that was cut short', () => {
    const words = ['nile', 'sahel', 'mekong', 'indus', 'volga', 'rhine', 'tigris', 'danube'];
    const cache = cacheWith(...words, 'andes');
    cache.summarize(words);
    appendFileSync(summariesFile(cache), '["andes", {"excerpt": {"le');
    cache.summarize([...words, 'andes']);
    expect([...cache.readSummaries().keys()].sort()).toEqual([...words, 'andes'].sort());
    expect(cache.readSummaries().get('andes')).toEqual(summaryOf(rendering('andes')));
  });

  it('takes a body rendered in this build from what the renderer gave, not from disk', () => {
    const cache = emptyCache();
    const fresh = new Map([['nile', summaryOf(rendering('nile'))]]);
    expect(cache.summarize(['nile'], fresh).get('nile')).toEqual(summaryOf(rendering('nile')));
  });

  it('starts again from the metadata when the summaries file is damaged or holds something else', () => {
    const cache = cacheWith('nile', 'sahel');
    const damagedFiles = [
      '["nile", {"excerpt": ',
      '[1, 2]\n',
      'null\n{}\n',
      `${JSON.stringify(['nile', { excerpt: 'a string' }])}\n${JSON.stringify(['sahel', summaryOf(rendering('sahel'))])}\n`,
      JSON.stringify({ nile: summaryOf(rendering('nile')) }),
    ];
    for (const damaged of damagedFiles) {
      writeFileSync(summariesFile(cache), damaged);
      const summaries = cache.summarize(['nile', 'sahel']);
      expect(summaries.get('nile')).toEqual(summaryOf(rendering('nile')));
      expect(summaries.get('sahel')).toEqual(summaryOf(rendering('sahel')));
      expect(cache.readSummaries()).toEqual(summaries);
    }
  });

  it('names the cache folder and what to do when a body is neither summarized nor rendered', () => {
    const cache = cacheWith('nile');
    expect(() => cache.summarize(['nile', 'mekong'])).toThrow(`the rendered body mekong is missing from ${cache.dir}; delete that folder and build again`);
  });

  it('passes the summaries from content sync to the data module once', () => {
    const summaries = new Map([['nile', summaryOf(rendering('nile'))]]);
    handOverSummaries(summaries);
    expect(takeSummaries()).toBe(summaries);
    expect(takeSummaries()).toBeUndefined();
  });
});

describe('ranking words', () => {
  const wordsFile = (cache: RenderCache) => path.join(cache.dir, BODY_TERMS_FILE);
  const collect = (cache: RenderCache, hashes: string[]) => {
    const seen: [string, unknown][] = [];
    cache.eachBodyTerms(hashes, (hash, terms) => seen.push([hash, terms]));
    return seen;
  };

  it('hands over each body\'s words once, in the order asked, then reads them from one file instead of the metadata', () => {
    const cache = cacheWith('nile', 'sahel', 'mekong');
    const expected = ['sahel', 'nile', 'mekong'].map((word) => [word, rendering(word).bodyTerms]);
    expect(collect(cache, ['sahel', 'nile', 'sahel', 'mekong'])).toEqual(expected);
    for (const word of ['nile', 'sahel', 'mekong']) unlinkSync(bodyMetadata(cache, word));
    expect(collect(cache, ['sahel', 'nile', 'mekong'])).toEqual(expected);
    expect(readFileSync(wordsFile(cache), 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('reads a body again from its metadata when its line is damaged or holds something else, and adds a good line', () => {
    const cache = cacheWith('nile', 'sahel');
    for (const damaged of ['["nile", [["nile", 3], ["tal', '["nile", [["nile", "three"]]]', '["sahel", [["nile", 3]], 1]', '["nile", {"nile": 3}]']) {
      writeFileSync(wordsFile(cache), `${damaged}\n`);
      expect(collect(cache, ['nile', 'sahel'])).toEqual([
        ['nile', rendering('nile').bodyTerms],
        ['sahel', rendering('sahel').bodyTerms],
      ]);
    }
    unlinkSync(bodyMetadata(cache, 'nile'));
    expect(collect(cache, ['nile'])).toEqual([['nile', rendering('nile').bodyTerms]]);
  });

  it('writes the words of a whole archive, a few thousand lines at a time, and rewrites the file once most of it is of no use', () => {
    const words = Array.from({ length: 4500 }, (_, i) => `piece${String(i).padStart(4, '0')}`);
    const cache = cacheWith(...words);
    let handed = 0;
    cache.eachBodyTerms(words, (hash, terms) => {
      expect(terms).toEqual(rendering(hash).bodyTerms);
      handed++;
    });
    expect(handed).toBe(words.length);
    const lines = () => readFileSync(wordsFile(cache), 'utf8').split('\n').filter(Boolean);
    expect(lines().map((line) => (JSON.parse(line) as [string])[0])).toEqual(words);
    expect(collect(cache, words.slice(0, 100))).toHaveLength(100);
    expect(lines()).toHaveLength(100);
  });

  it('names the cache folder and what to do when a body is not rendered', () => {
    const cache = cacheWith('nile');
    expect(() => collect(cache, ['nile', 'mekong'])).toThrow(`the rendered body mekong is missing from ${cache.dir}; delete that folder and build again`);
  });
});

describe('rendered bodies', () => {
  it('lists every body whose HTML and metadata are both there, and nothing else in the folder', () => {
    const cache = cacheWith('nile', 'sahel');
    // A write cut short before the metadata: not rendered yet.
    writeFileSync(cache.htmlPath('tanker'), '<p>tanker</p>');
    // The summaries file and other files the build keeps there are not bodies.
    cache.summarize(['nile']);
    writeFileSync(path.join(cache.dir, 'output.v2.json'), '{}');
    expect([...cache.renderedHashes()].sort()).toEqual(['nile', 'sahel']);
    unlinkSync(cache.htmlPath('sahel'));
    expect([...cache.renderedHashes()]).toEqual(['nile']);
    expect(emptyCache().renderedHashes().size).toBe(0);
  });
});
