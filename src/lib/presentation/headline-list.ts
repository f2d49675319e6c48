/**
 * A list of headlines with their section label and date: the front page's
 * "Latest" and the LATEST rail that article pages load (src/browser/latest-rail-loader.ts).
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { DisplayedDate } from '../dates.ts';
import { DEFAULT_RELATED } from '../related/ranking.ts';
import { LATEST_RAIL_SHOWN } from './latest-rail.ts';
import { timeElement } from './date-markup.ts';

export interface Headline {
  url: string;
  title: string;
  sectionLabel: string;
  published: DisplayedDate;
}

export function headlineListHtml(headlines: readonly Headline[]): string {
  return toHtml(
    h(
      'ol',
      { className: ['headline-list'] },
      headlines.map((headline) =>
        h('li', [
          h('span', { className: ['kicker'] }, headline.sectionLabel),
          h('a', { href: headline.url }, headline.title),
          timeElement(headline.published),
        ]),
      ),
    ),
  );
}

/**
 * Headlines the rail's fragment holds: enough that the script can leave out the
 * article itself and its related stories and still show six.
 */
export const LATEST_RAIL_HELD = LATEST_RAIL_SHOWN + 1 + DEFAULT_RELATED.max;
