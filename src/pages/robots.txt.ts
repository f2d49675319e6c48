import type { APIRoute } from 'astro';
import { site } from '../data/content.ts';
import { robotsTxt } from '../lib/host-files.ts';
import { absoluteUrl } from '../lib/urls.ts';

// Search result pages are made in the reader's browser and hold nothing to index.
export const GET: APIRoute = () =>
  new Response(robotsTxt({ sitemaps: [absoluteUrl('/sitemap.xml', site.url), absoluteUrl('/news-sitemap.xml', site.url)], disallow: ['/search/', '/pagefind/'] }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
