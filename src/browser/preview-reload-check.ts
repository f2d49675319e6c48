/**
 * The preview's only addition to a page (never built): reloads the page when the preview sent a
 * reload it missed (src/lib/preview-reloads.ts).
 */
import { ASK_RELOADS_EVENT, RELOADS_EVENT, missedReload, servedReloads, type ReloadsAnswer } from '../lib/preview-reloads.ts';

const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
const served = servedReloads(navigation?.serverTiming ?? []);
if (import.meta.hot && served !== undefined) {
  import.meta.hot.on(RELOADS_EVENT, ({ count }: ReloadsAnswer) => {
    if (missedReload(served, count)) location.reload();
  });
  import.meta.hot.send(ASK_RELOADS_EVENT);
}
