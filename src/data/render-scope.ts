/**
 * Work done once per build and reused on many pages (a photo's renditions, an
 * article's teaser), without breaking Astro's incremental build.
 *
 * While a page renders, Astro records in that page's render scope which image
 * renditions it asked for, so that when the page is later restored from the
 * cache instead of rendered, those renditions are still generated. A plain
 * memo asks once, on the first page, and the pages after it record nothing:
 * restored, they would point at files no build writes. So the first call runs
 * in a scope of its own, and what it recorded is replayed into the scope of
 * every page that uses the result.
 */
import { getInstalledRenderScope } from 'astro/app';

/** What Astro's render scope collects for a page (astro/dist/core/render-scope). */
interface RenderCollectors {
  contentEntries?: Set<string>;
  staticImages?: unknown[];
  referencedImages?: Set<string>;
}

interface Recorded<T> {
  value: T;
  collected: Required<RenderCollectors>;
}

function scope() {
  return getInstalledRenderScope() as { run<R>(store: RenderCollectors, fn: () => R): R; getStore(): RenderCollectors | undefined } | undefined;
}

function replay(collected: Required<RenderCollectors>): void {
  const store = scope()?.getStore();
  if (!store) return;
  for (const entry of collected.contentEntries) store.contentEntries?.add(entry);
  store.staticImages?.push(...collected.staticImages);
  for (const image of collected.referencedImages) store.referencedImages?.add(image);
}

/** Memoizes `compute` by key; every caller's page records the assets the computation used. */
export function memoizeForPages<K, T>(compute: (key: K) => Promise<T>, keyOf: (key: K) => string = String): (key: K) => Promise<T> {
  const results = new Map<string, Promise<Recorded<T>>>();
  return async (key) => {
    const id = keyOf(key);
    let result = results.get(id);
    if (!result) {
      result = (async () => {
        const collected: Required<RenderCollectors> = { contentEntries: new Set(), staticImages: [], referencedImages: new Set() };
        const installed = scope();
        const value = installed ? await installed.run(collected, () => compute(key)) : await compute(key);
        return { value, collected };
      })();
      results.set(id, result);
    }
    const { value, collected } = await result;
    replay(collected);
    return value;
  };
}
