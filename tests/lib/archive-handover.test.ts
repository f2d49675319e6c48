import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveKey, articlesOf, handOverArchive, type ArticleEntry } from '../../src/lib/content/archive-handover.ts';

const HANDOFF = Symbol.for('broadsheet.archive');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[HANDOFF];
});

function keyOf(...pieces: [string, Record<string, unknown>, string, string | undefined][]): string {
  const key = new ArchiveKey();
  for (const piece of pieces) key.add(...piece);
  return key.digest();
}

const entry = (slug: string) => ({ slug, bodyHash: `hash-${slug}`, data: { title: slug } }) as unknown as ArticleEntry;

describe('the archive key', () => {
  const piece: [string, Record<string, unknown>, string, string | undefined] = ['/c/a.md', { title: 'A' }, 'body-1', 'photo-1'];

  it('is the same for the same pieces', () => {
    expect(keyOf(piece, ['/c/b.md', { title: 'B' }, 'body-2', undefined])).toBe(keyOf(piece, ['/c/b.md', { title: 'B' }, 'body-2', undefined]));
  });

  it('changes with a piece’s file, frontmatter, body or photo, and with their order', () => {
    const base = keyOf(piece);
    expect(keyOf(['/c/z.md', { title: 'A' }, 'body-1', 'photo-1'])).not.toBe(base);
    expect(keyOf(['/c/a.md', { title: 'A.' }, 'body-1', 'photo-1'])).not.toBe(base);
    expect(keyOf(['/c/a.md', { title: 'A' }, 'body-2', 'photo-1'])).not.toBe(base);
    expect(keyOf(['/c/a.md', { title: 'A' }, 'body-1', undefined])).not.toBe(base);
    const other: typeof piece = ['/c/b.md', { title: 'B' }, 'body-2', undefined];
    expect(keyOf(piece, other)).not.toBe(keyOf(other, piece));
  });

  it('does not let one field run into the next', () => {
    expect(keyOf(['/c/a.md', { title: 'A' }, 'body-1', undefined])).not.toBe(keyOf(['/c/a.md', { title: 'A' }, 'body-', '1']));
  });
});

describe('the articles handed to the data module', () => {
  it('are those of the marker in the store', () => {
    const entries = [entry('a'), entry('b')];
    handOverArchive({ key: 'k1', pieces: 2, entries });
    expect(articlesOf({ key: 'k1', pieces: 2 }, { preview: false })).toBe(entries);
  });

  it('stop a build whose store holds another sync’s marker, or none', () => {
    handOverArchive({ key: 'k2', pieces: 1, entries: [entry('a')] });
    expect(() => articlesOf({ key: 'k1', pieces: 1 }, { preview: false })).toThrow(/not those of the data store \(1, key k1\).*delete node_modules\/\.astro/);
    expect(() => articlesOf(undefined, { preview: false })).toThrow(/data store \(none\)/);
  });

  it('are the newest in the preview when the store is a save behind', () => {
    const newest = [entry('a'), entry('b')];
    handOverArchive({ key: 'k2', pieces: 2, entries: newest });
    expect(articlesOf({ key: 'k1', pieces: 1 }, { preview: true })).toBe(newest);
  });

  it('are missing, with a clear error, when no content sync ran in this process', () => {
    expect(() => articlesOf({ key: 'k1', pieces: 0 }, { preview: true })).toThrow(/no articles were handed over by content sync/);
  });
});
