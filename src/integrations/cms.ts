/**
 * Decap CMS's files for /admin/, from the npm package (never a CDN: the
 * admin page's Content-Security-Policy allows scripts from the site only, and
 * editors' browsers talk to no one else). The build copies them into
 * `<outDir>/admin/cms/`, leaving a file in place when its bytes are the same,
 * so an unchanged CMS changes nothing in the output; the preview serves them
 * from node_modules.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CMS_BUNDLE_DIRECTORY } from '../lib/cms/formats.ts';
import { isServedBundleFile, servedBundleFiles } from '../lib/cms/bundle.ts';
import { contentTypeFor } from '../lib/distribution/http-headers.ts';
import { normalizeBase, stripBase } from '../lib/build-target.ts';

function packageDist(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');
}

function sameBytes(a: string, b: string): boolean {
  return existsSync(b) && statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}

/** Makes `target` hold exactly the served files of `source`; returns how many it wrote. */
export function installBundle(source: string, target: string): number {
  const files = servedBundleFiles(readdirSync(source));
  if (files.length === 0) throw new Error(`no Decap CMS bundle in ${source}; run npm ci`);
  mkdirSync(target, { recursive: true });
  let written = 0;
  for (const file of files) {
    if (sameBytes(path.join(source, file), path.join(target, file))) continue;
    copyFileSync(path.join(source, file), path.join(target, file));
    written++;
  }
  const wanted = new Set(files);
  for (const file of readdirSync(target)) if (!wanted.has(file)) rmSync(path.join(target, file), { recursive: true, force: true });
  return written;
}

export default function cms(): AstroIntegration {
  let base = '/';
  return {
    name: 'broadsheet-cms',
    hooks: {
      // The admin page's script parses YAML; bundled before the first request, so the preview's
      // first visit to /admin/ does not meet a dependency Vite is still optimising.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { environments: { client: { optimizeDeps: { include: ['js-yaml'] } } } } });
      },
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base, 'base');
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `/${CMS_BUNDLE_DIRECTORY}/`;
        server.middlewares.use((request, response, next) => {
          const pathname = stripBase(request.url?.split('?')[0] ?? '', base) ?? '';
          if (!pathname.startsWith(prefix)) return next();
          const name = pathname.slice(prefix.length);
          const file = path.join(packageDist(), name);
          if (!isServedBundleFile(name) || !existsSync(file)) return next();
          response.setHeader('Content-Type', contentTypeFor(name));
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const written = installBundle(packageDist(), path.join(fileURLToPath(dir), CMS_BUNDLE_DIRECTORY));
        if (written > 0) logger.info(`copied ${written} files of Decap CMS into /${CMS_BUNDLE_DIRECTORY}/`);
      },
    },
  };
}
