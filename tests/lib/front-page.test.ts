import { describe, expect, it } from 'vitest';
import { FRONT_PAGE_COUNTS, frontPage, type FrontSection } from '../../src/lib/presentation/front-page.ts';

interface Piece {
  slug: string;
  section: FrontSection;
}

const section = (id: string, extra: Partial<FrontSection> = {}): FrontSection => ({ id, kind: 'section', name: id.toUpperCase(), description: `About ${id}`, url: `/${id}/`, ...extra });
const world = section('world');
const economy = section('economy');
const signal = section('signal', { kind: 'short-takes', name: 'Signal', label: 'SIGNAL' });

/** `spec` newest first: "s" a short take, "w" a world piece, "e" an economy piece. */
function layoutOf(spec: string, sections: FrontSection[] = [world, signal, economy]) {
  const byLetter: Record<string, FrontSection> = { s: signal, w: world, e: economy };
  const pieces: Piece[] = [...spec].map((letter, index) => ({ slug: `${letter}${index}`, section: byLetter[letter]! }));
  const page = frontPage({ newestFirst: pieces, sections, piecesIn: (id) => pieces.filter((piece) => piece.section.id === id), sectionOf: (piece) => piece.section });
  const slugs = (list: readonly Piece[]) => list.map((piece) => piece.slug);
  return { lead: page.lead?.slug, latest: slugs(page.latest), rails: page.rails.map((rail) => ({ ...rail, pieces: slugs(rail.pieces) })) };
}

describe('the front page', () => {
  it('leads with the newest piece of a regular section, never a short take', () => {
    expect(layoutOf('sswe').lead).toBe('w2');
    expect(layoutOf('ss').lead).toBeUndefined();
    expect(layoutOf('').lead).toBeUndefined();
  });

  it('lists the latest headlines beside the lead, without it', () => {
    const page = layoutOf('swwwwwwwwwwe');
    expect(page.latest).toEqual(['s0', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8']);
    expect(page.latest).toHaveLength(FRONT_PAGE_COUNTS.latest);
  });

  it('shows the brands first, then the sections, each in navigation order', () => {
    expect(layoutOf('we').rails.map((rail) => rail.sectionId)).toEqual(['signal', 'world', 'economy']);
  });

  it('heads a brand rail with its label and description, a section rail with its name alone', () => {
    const [brand, regular] = layoutOf('sw').rails;
    expect(brand).toMatchObject({ heading: 'SIGNAL', href: '/signal/', description: 'About signal', brand: true });
    expect(regular).toMatchObject({ heading: 'WORLD', href: '/world/', brand: false });
    expect(regular).not.toHaveProperty('description');
  });

  it('keeps the lead out of its section rail and fills each rail to its size', () => {
    const rails = layoutOf('wwwwwssssse').rails;
    expect(rails.find((rail) => rail.sectionId === 'world')!.pieces).toEqual(['w1', 'w2', 'w3']);
    expect(rails.find((rail) => rail.sectionId === 'signal')!.pieces).toEqual(['s5', 's6', 's7', 's8']);
    expect(rails.find((rail) => rail.sectionId === 'economy')!.pieces).toEqual(['e10']);
  });

  it('leaves a section with nothing but the lead an empty rail, which is not shown', () => {
    expect(layoutOf('w').rails.find((rail) => rail.sectionId === 'world')!.pieces).toEqual([]);
  });
});
