import type { APIRoute } from 'astro';
import { previewBuild, site, sitePath } from '../data/content.ts';
import { PREVIEW_ROBOTS_TXT, robotsTxt } from '../lib/distribution/host-files.ts';
import { absoluteUrl } from '../lib/urls.ts';

// Search result pages are made in the reader's browser and hold nothing to index.
const body = previewBuild
  ? PREVIEW_ROBOTS_TXT
  : robotsTxt({
      sitemaps: [absoluteUrl(sitePath('/sitemap.xml'), site.url), absoluteUrl(sitePath('/news-sitemap.xml'), site.url)],
      disallow: [sitePath('/search/'), sitePath('/pagefind/')],
    });

export const GET: APIRoute = () => new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
