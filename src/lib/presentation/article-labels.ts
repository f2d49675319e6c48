/**
 * The labels readers see on a piece, in one place: the kicker above a headline
 * ("Analysis | Middle East", or a short-takes brand's own label), the section
 * label of teasers, headline lists and front-page rails, and the kicker of a
 * brand's list pages.
 */
import { ARTICLE_TYPE_LABELS, type ArticleType, type Section } from '../content/schema/index.ts';

/** What the labels need to know of a section or short-takes brand. */
export type LabelledSection = Pick<Section, 'kind' | 'name' | 'label'>;

export function isShortTakesBrand(section: Pick<Section, 'kind'>): boolean {
  return section.kind === 'short-takes';
}

/** A short-takes brand shows its label (e.g. "SIGNAL") wherever a section shows its name. */
export function sectionLabel(section: LabelledSection): string {
  return isShortTakesBrand(section) ? (section.label ?? section.name) : section.name;
}

/** The kicker of a section's list pages: a short-takes brand's label above its name; regular sections have none. */
export function listKicker(section: LabelledSection): string | undefined {
  return isShortTakesBrand(section) ? sectionLabel(section) : undefined;
}

/** The first part of the kicker: the article type, or the brand's label for short takes. */
export function kickerLabel(type: ArticleType, section: LabelledSection): string {
  return isShortTakesBrand(section) ? sectionLabel(section) : ARTICLE_TYPE_LABELS[type];
}

/** The section a kicker names after the type ("Analysis | Middle East"); none for a short take, whose kicker is its brand's label alone. */
export function kickerSectionName(section: LabelledSection): string | undefined {
  return isShortTakesBrand(section) ? undefined : section.name;
}

/** Heading of the section's pieces that fill an article's thin related rail: "More from Africa", "More from SIGNAL". */
export function moreFromSectionHeading(sectionLabel: string): string {
  return `More from ${sectionLabel}`;
}
