import type { APIRoute, GetStaticPaths } from 'astro';
import { urlsetXml, type SitemapPart } from '../../lib/distribution/sitemap.ts';
import { sitemapParts } from '../../data/sitemaps.ts';
import { pageKey } from '../../data/page-keys.ts';

export const getStaticPaths = (() => sitemapParts.map((part) => ({ params: { part: part.name.replace(/\.xml$/, '') }, props: { part }, cacheKey: pageKey('sitemap', part) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(urlsetXml((props as { part: SitemapPart }).part.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
