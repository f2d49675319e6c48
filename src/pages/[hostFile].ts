// Files static hosts read from the site root (Netlify, Cloudflare Pages). Astro
// skips page files whose names start with "_", so they come from one dynamic route.
import type { APIRoute, GetStaticPaths } from 'astro';
import { hostFileText } from '../data/host-files.ts';
import { HOST_FILES, type HostFile } from '../lib/urls.ts';

export const getStaticPaths = (() => Object.values(HOST_FILES).map((hostFile) => ({ params: { hostFile } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(hostFileText(params.hostFile as HostFile), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
