/**
 * Values kept by key between evaluations of the preview's data module, which `astro dev`
 * evaluates again after every saved edit. Each evaluation reads only the values it lacks: one at
 * a time after a save (a body or two changed), or all in one pass over a cache file when many
 * are missing, as on the preview's first page: reading 10,000 bodies' metadata files one by one
 * took 1.5 s of it at 10,000 articles (profiled), the summaries file 0.24 s.
 */

/** Missing values beyond this many are read in one pass. */
export const ONE_BY_ONE_LIMIT = 64;

export interface ValueReaders<V> {
  /** The value of one key. */
  one: (key: string) => V;
  /** The values of many keys, handed to `found` in any order; a key left out is then read by `one`. */
  many: (keys: string[], found: (key: string, value: V) => void) => void;
}

/**
 * Makes `kept` hold a value for each of `keys` and for nothing else: reads the missing ones
 * (see ValueReaders) and lets go of the keys no longer asked for (a piece's former versions).
 */
export function keepValues<V>(kept: Map<string, V>, keys: Iterable<string>, read: ValueReaders<V>): Map<string, V> {
  const wanted = new Set(keys);
  const missing = [...wanted].filter((key) => !kept.has(key));
  if (missing.length > ONE_BY_ONE_LIMIT) {
    read.many(missing, (key, value) => {
      if (wanted.has(key)) kept.set(key, value);
    });
  }
  for (const key of missing) if (!kept.has(key)) kept.set(key, read.one(key));
  if (kept.size > wanted.size) for (const key of kept.keys()) if (!wanted.has(key)) kept.delete(key);
  return kept;
}
