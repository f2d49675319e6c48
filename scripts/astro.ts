/**
 * `npm run build`, `npm run dev` and `npm run preview`: Astro's own command line
 * (`astro <command> [options]`), run in this process once the memory allocator
 * of Vite's bundler is set up.
 *
 * Vite 8 bundles and transforms with rolldown, native code that allocates with
 * mimalloc. On Linux mimalloc commits its whole arena up front, and memory the
 * bundler freed stayed with the build: in a 10,000-article cold build that arena
 * held 154 MB after the content configuration was loaded and 308 MB after the
 * pages were bundled, through every page and the search index. With eager commit
 * off it held 73 MB, and the whole build peaked at 1,353 MB against 1,597 to
 * 1,779 MB (docs/performance.md). mimalloc reads its settings when the bundler's library
 * loads, so they go in the environment before Astro (and Vite) are imported; a
 * value already set in the shell wins.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';

const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
await import(pathToFileURL(path.join(path.dirname(astroPackage), 'bin/astro.mjs')).href);
