// Google News: pieces of the last 48 hours before this build.
import type { APIRoute } from 'astro';
import { site } from '../data/content.ts';
import { canonicalArticles } from '../data/sitemaps.ts';
import { newsSitemapXml, recentForNews } from '../lib/distribution/sitemap.ts';
import { buildNow } from '../lib/build-settings.ts';

export const GET: APIRoute = () =>
  new Response(
    newsSitemapXml(
      recentForNews(canonicalArticles, buildNow()).map((article) => ({ url: article.absoluteUrl, title: article.title, published: article.published })),
      { name: site.name, language: site.language },
    ),
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
