import type { APIRoute } from 'astro';
import { site, articles } from '../data/content.ts';
import { feedResponse, siteFeed } from '../data/distribution.ts';

export const GET: APIRoute = () => feedResponse({ title: site.name, description: site.description, pagePath: '/', feedPath: siteFeed.href, articles });
