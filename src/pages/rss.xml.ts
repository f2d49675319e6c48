import type { APIRoute } from 'astro';
import { site, articles, sitePath } from '../data/content.ts';
import { feedResponse, siteFeed } from '../data/distribution.ts';
import { homePath } from '../lib/urls.ts';

export const GET: APIRoute = () => feedResponse({ title: site.name, description: site.description, pagePath: sitePath(homePath()), feedPath: siteFeed.href, articles });
