// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { remarkPlugins, rehypePlugins } from './src/markdown/pipeline.ts';
import { readSiteUrl } from './src/lib/content/site-file.ts';
import astroCommand from './src/integrations/astro-command.ts';
import completeLog from './src/integrations/complete-log.ts';
import pagefind from './src/integrations/pagefind.ts';
import photos from './src/integrations/photos.ts';
import freshOutput from './src/integrations/fresh-output.ts';
import previewErrors from './src/integrations/preview-errors.ts';
import previewReloads from './src/integrations/preview-reloads.ts';
import cms from './src/integrations/cms.ts';
import linkedPageCache from './src/integrations/linked-page-cache.ts';
import { buildSettings } from './src/lib/build-settings.ts';
import { buildBase } from './src/lib/build-target.ts';

const { contentDir, publicDir, cacheDir } = buildSettings();
const siteUrl = readSiteUrl(contentDir);
// The path the site is served under: `/`, or BROADSHEET_BASE (a pull request's preview, a GitHub Pages project site).
const base = buildBase();

export default defineConfig({
  site: siteUrl,
  base,
  // Files published as they are (logo, favicon, share card), where the validator looks for them too.
  publicDir,
  // Astro's caches and ours (rendered bodies, search shards) in one folder; BROADSHEET_CACHE_DIR moves it.
  cacheDir,
  // Vite's watcher leaves out what builds write: a built 10,000-article site and its caches are
  // 50,000 files, and scanning them delayed the preview's start by 20 s. The bench sets its
  // previous corpus aside until its run ends (scripts/bench.ts). It leaves out the content folder
  // too, which the content loader watches folder by folder (src/lib/content/folder-watcher.ts).
  vite: { server: { watch: { ignored: ['**/dist/**', '**/.*-previous-*/**', '**/bench-corpus/dist/**', '**/bench-corpus.old-*/**', `${cacheDir}/**`, contentDir, `${contentDir}/**`] } } },
  trailingSlash: 'always',
  // Stylesheets always as files: the Content-Security-Policy (src/lib/distribution/http-headers.ts) allows no inline style.
  // Several pages at once: a build that restores most pages from the incremental cache waits on
  // file copies, one at a time otherwise (7 of 14 s at 10,000 articles).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // Every Markdown file Astro itself renders goes through our pipeline too.
  markdown: {
    processor: unified({
      gfm: true,
      smartypants: false,
      remarkPlugins: remarkPlugins(),
      rehypePlugins: rehypePlugins({ siteUrl, base }),
    }),
  },
  // Stops a page from silently replacing another one with the same address.
  prerenderConflictBehavior: 'error',
  devToolbar: { enabled: false },
  // Pages whose cacheKey (src/data/page-keys.ts) and code are unchanged are restored from the
  // cache, not rendered; linkedPageCache makes the cache's copy of each page a hard link.
  experimental: { incrementalBuild: true },
  // Photo renditions and the search index are made beside the pages and installed once they are
  // done; previewReloads brings a preview page that missed a reload to the newest save; cms copies Decap CMS's files for /admin/; freshOutput, which records what the output
  // folder holds for the next build, comes last. completeLog keeps the end of a long build log
  // when it goes to a pipe.
  integrations: [astroCommand(), completeLog(), linkedPageCache(), previewErrors(), previewReloads(), photos(), pagefind(), cms(), freshOutput()],
});
