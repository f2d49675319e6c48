// The LATEST rail of article pages, loaded by their script (src/browser/latest-rail-loader.ts). Kept out
// of the article pages themselves, so a publish rewrites this file instead of every article.
import type { APIRoute } from 'astro';
import { articles, headlineOf } from '../../data/content.ts';
import { headlineListHtml, LATEST_RAIL_HELD } from '../../lib/presentation/headline-list.ts';

export const GET: APIRoute = () =>
  new Response(`${headlineListHtml(articles.slice(0, LATEST_RAIL_HELD).map(headlineOf))}\n`, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
