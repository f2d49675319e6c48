import type { APIRoute } from 'astro';
import { previewBuild, site, sitePath } from '../data/content.ts';
import { PREVIEW_ROBOTS_TXT, robotsTxt } from '../lib/distribution/host-files.ts';
import { absoluteUrl, newsSitemapPath, searchIndexPath, searchPath, sitemapIndexPath } from '../lib/urls.ts';

// Search result pages are made in the reader's browser and hold nothing to index.
const body = previewBuild
  ? PREVIEW_ROBOTS_TXT
  : robotsTxt({
      sitemaps: [absoluteUrl(sitePath(sitemapIndexPath()), site.url), absoluteUrl(sitePath(newsSitemapPath()), site.url)],
      disallow: [sitePath(searchPath()), sitePath(searchIndexPath())],
    });

export const GET: APIRoute = () => new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
