/**
 * What the front page shows, and in which order: the lead story, a rail of the
 * latest headlines beside it, then a rail per short-takes brand and a rail per
 * regular section, each in navigation order. The lead is the newest piece of a
 * regular section (a short take is too slight to lead), and the section rails
 * leave it out so it never shows twice.
 */
import { isShortTakesBrand, sectionLabel, type LabelledSection } from './article-labels.ts';

/** How many pieces each part of the front page shows. */
export const FRONT_PAGE_COUNTS = {
  /** Headlines in the "Latest" rail beside the lead. */
  latest: 8,
  /** Teasers in a short-takes brand's rail. */
  brand: 4,
  /** Teasers in a regular section's rail. */
  section: 3,
} as const;

/** A section or short-takes brand as the front page shows it: its label, its address, a brand's description. */
export type FrontSection = LabelledSection & { id: string; description: string; url: string };

export interface FrontRail<Piece> {
  /** The section or brand the rail previews. */
  sectionId: string;
  /** The section's name, or a brand's label. */
  heading: string;
  /** The list the heading leads to. */
  href: string;
  /** Brands introduce themselves under the heading; sections are known by their name. */
  description?: string;
  /** Short-takes brands: accent colour, no photos. */
  brand: boolean;
  /** May be empty: a section with nothing but the lead has no rail to show. */
  pieces: Piece[];
}

export interface FrontPage<Piece> {
  lead: Piece | undefined;
  latest: Piece[];
  rails: FrontRail<Piece>[];
}

/**
 * `newestFirst` is every piece on the site; `piecesIn(sectionId)` a section's,
 * newest first; `sectionOf(piece)` the section a piece belongs to.
 */
export function frontPage<Piece, S extends FrontSection>(input: {
  newestFirst: readonly Piece[];
  sections: readonly S[];
  piecesIn: (sectionId: string) => readonly Piece[];
  sectionOf: (piece: Piece) => Pick<LabelledSection, 'kind'>;
}): FrontPage<Piece> {
  const { newestFirst, sections, piecesIn, sectionOf } = input;
  const lead = newestFirst.find((piece) => !isShortTakesBrand(sectionOf(piece)));
  const notLead = (piece: Piece) => piece !== lead;
  const rail = (section: S, pieces: Piece[]): FrontRail<Piece> => {
    const brand = isShortTakesBrand(section);
    return { sectionId: section.id, heading: sectionLabel(section), href: section.url, ...(brand ? { description: section.description } : {}), brand, pieces };
  };
  return {
    lead,
    latest: newestOf(newestFirst, FRONT_PAGE_COUNTS.latest, notLead),
    rails: [
      ...sections.filter(isShortTakesBrand).map((brand) => rail(brand, piecesIn(brand.id).slice(0, FRONT_PAGE_COUNTS.brand))),
      ...sections.filter((section) => !isShortTakesBrand(section)).map((section) => rail(section, newestOf(piecesIn(section.id), FRONT_PAGE_COUNTS.section, notLead))),
    ],
  };
}

/** The first `count` pieces that pass `keep`, when at most one piece fails it (the lead): a list of 50,000 is not filtered whole. */
function newestOf<Piece>(newestFirst: readonly Piece[], count: number, keep: (piece: Piece) => boolean): Piece[] {
  return newestFirst.slice(0, count + 1).filter(keep).slice(0, count);
}
