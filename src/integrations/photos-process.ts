/**
 * The photo renditions' own process (photos.ts, makeRenditionsApart; src/lib/apart.ts):
 * makes the renditions that the plan in the build cache given as its argument lists
 * and the cache lacks, and reports `{"made": N}`. Run by Node directly (type
 * stripping), not by Vite: imports carry `.ts`.
 */
import { reportApart } from '../lib/apart.ts';
import { makeRenditions, readPhotoPlan, type RenditionsReport } from './photos.ts';

const [cacheDir] = process.argv.slice(2);

await reportApart(async (): Promise<RenditionsReport> => {
  if (!cacheDir) throw new Error('usage: photos-process.ts <build cache folder>');
  const plan = readPhotoPlan(cacheDir);
  return { made: plan ? await makeRenditions(plan, cacheDir) : 0 };
});
