// The CMS's configuration, generated from the content schemas (src/lib/cms/config.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { cmsConfigKey, cmsConfigText } from '../../data/cms.ts';

export const getStaticPaths = (() => [{ params: { config: 'config' }, cacheKey: cmsConfigKey }]) satisfies GetStaticPaths;

export const GET: APIRoute = () => new Response(cmsConfigText, { headers: { 'Content-Type': 'application/yaml' } });
