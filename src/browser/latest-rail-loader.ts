/**
 * The only script of reading pages: fills an article's LATEST rail from the
 * fragment the build writes once (/latest/rail.html), leaving out the article
 * itself and its related stories. Without JavaScript, or when the fetch fails,
 * the rail keeps its link to /latest/. The rail's height is reserved in CSS, so
 * nothing moves when the list arrives.
 */
import { LATEST_RAIL_SHOWN } from '../lib/presentation/latest-rail.ts';

const rail = document.querySelector<HTMLElement>('[data-latest-rail]');
if (rail) void fill(rail).catch(() => undefined);

async function fill(rail: HTMLElement): Promise<void> {
  const response = await fetch(rail.dataset.latestRail!);
  if (!response.ok) return;
  const template = document.createElement('template');
  template.innerHTML = await response.text();
  const list = template.content.querySelector('ol');
  if (!list) return;
  const shown = new Set([location.pathname]);
  for (const link of document.querySelectorAll('[data-related] .teaser-title a')) shown.add(link.getAttribute('href')!);
  let kept = 0;
  for (const item of [...list.children]) {
    if (kept < LATEST_RAIL_SHOWN && !shown.has(item.querySelector('a')?.getAttribute('href') ?? '')) kept++;
    else item.remove();
  }
  rail.querySelector('[data-latest-fallback]')?.replaceWith(list);
}
