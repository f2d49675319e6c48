import type { APIRoute } from 'astro';
import { sitemapIndexXml } from '../lib/distribution/sitemap.ts';
import { sitemapPartUrl, sitemapParts } from '../data/sitemaps.ts';

export const GET: APIRoute = () =>
  new Response(sitemapIndexXml(sitemapParts.map((part) => ({ url: sitemapPartUrl(part), urls: part.urls }))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
