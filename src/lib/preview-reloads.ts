/**
 * How an open preview page learns that it missed a reload. The preview tells open pages to
 * reload over Vite's socket, and Vite drops the message for a page whose socket is not open at
 * that moment: one still loading, or one reloading already (a save landing while the page
 * reloads for the one before). Such a page kept showing the older version until the editor
 * reloaded it by hand. So the server counts the reloads it sends, stamps each page with the
 * count at the time it was requested, and answers every page that connects with the count now:
 * a page served before the last reload reloads itself. A page served after it does not, so
 * nothing reloads in a loop.
 */

/** The `Server-Timing` entry that carries the count a page was served at: readable by the page's script, unlike other headers. */
export const RELOADS_TIMING = 'broadsheet-reloads';
/** The page asks for the count once its socket connects (messages sent before that are queued by Vite's client). */
export const ASK_RELOADS_EVENT = 'broadsheet:ask-reloads';
/** The server's answer to that page alone. */
export const RELOADS_EVENT = 'broadsheet:reloads';

export interface ReloadsAnswer {
  count: number;
}

export function reloadsTimingHeader(count: number): string {
  return `${RELOADS_TIMING};desc="${count}"`;
}

/** The count a page was served at, from its navigation's `Server-Timing` entries; undefined when it has none (a page not served by the preview, or an insecure origin, where browsers hide them). */
export function servedReloads(entries: readonly { name: string; description: string }[]): number | undefined {
  const description = entries.find((entry) => entry.name === RELOADS_TIMING)?.description;
  return description !== undefined && /^\d+$/.test(description) ? Number(description) : undefined;
}

/** True when the server has sent a reload since the page was served. */
export function missedReload(served: number | undefined, now: number): boolean {
  return served !== undefined && now > served;
}

/** True for a message that tells open pages to reload (Vite's own, Astro's and the preview's). */
export function isFullReload(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && (payload as { type?: unknown }).type === 'full-reload';
}
