/**
 * A teaser: photo with its credit, section label, headline, date, reading time and the
 * opening lines, which "keep reading" unfolds in place and "Show less" folds
 * (a <details> element: no JavaScript). An article's teaser appears on dozens
 * of pages (related rails, lists, the front page), so it is built once per
 * article and variant (src/data/teasers.ts) and pasted as HTML.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent } from 'hast';
import type { DisplayedDate } from '../dates.ts';
import { photoElement, type PhotoRendition } from '../media/photo-markup.ts';
import { timeElement } from './date-markup.ts';

/** A teaser's text, from the body's opening paragraphs (src/markdown/excerpt.ts). */
export interface Excerpt {
  /** What a teaser shows collapsed: the opening sentence or two. */
  lead: string;
  /** What "keep reading" reveals, paragraph by paragraph; may be empty. */
  more: string[];
}

export interface TeaserInput {
  url: string;
  title: string;
  /** The section's name, or a short-takes brand's label. */
  sectionLabel: string;
  sectionUrl: string;
  published: DisplayedDate;
  /** "5 min read" (src/lib/presentation/reading-time.ts). */
  readingTime: string;
  excerpt: Excerpt;
  photo?: { rendition: PhotoRendition; alt: string; creditLine: string } | undefined;
}

export interface TeaserVariant {
  headingLevel: 2 | 3;
  /** The lead story of the front page: larger, its photo loaded first. */
  lead: boolean;
}

export const TEASER_PHOTO_SIZES = { lead: '(min-width: 60rem) 40rem, 100vw', regular: '(min-width: 60rem) 20rem, 100vw' } as const;

export function teaserHtml(input: TeaserInput, { headingLevel, lead }: TeaserVariant): string {
  const children: ElementContent[] = [];
  if (input.photo) {
    children.push(
      h('figure', { className: ['teaser-photo'] }, [
        photoElement(input.photo.rendition, { alt: input.photo.alt, sizes: lead ? TEASER_PHOTO_SIZES.lead : TEASER_PHOTO_SIZES.regular, priority: lead }),
        h('figcaption', { className: ['credit'] }, input.photo.creditLine),
      ]),
    );
  }
  children.push(
    h('p', { className: ['kicker'] }, [h('a', { href: input.sectionUrl }, input.sectionLabel)]),
    h(`h${headingLevel}`, { className: ['teaser-title'] }, [h('a', { href: input.url }, input.title)]),
    h('p', { className: ['teaser-meta'] }, [timeElement(input.published), ' · ', h('span', { className: ['reading-time'] }, input.readingTime)]),
  );
  const { lead: opening, more } = input.excerpt;
  if (opening) {
    const excerpt: ElementContent[] = [h('p', opening)];
    if (more.length > 0) {
      excerpt.push(
        h('details', [
          h('summary', [h('span', { className: ['when-closed'] }, 'keep reading'), h('span', { className: ['when-open'] }, 'Show less')]),
          ...more.map((paragraph) => h('p', paragraph)),
          h('p', { className: ['read-on'] }, [h('a', { href: input.url }, ['Read the full article', h('span', { className: ['visually-hidden'] }, `: ${input.title}`)])]),
        ]),
      );
    }
    children.push(h('div', { className: ['excerpt'] }, excerpt));
  }
  return toHtml(h('article', { className: lead ? ['teaser', 'teaser-lead'] : ['teaser'] }, children));
}
