/**
 * The CMS at /admin/: its configuration for this build's content and site
 * settings, and the cache keys of its two files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CONTENT_DIR } from '../content.config.ts';
import { base, site } from './content.ts';
import { addressUnderBase } from '../lib/build-target.ts';
import { cmsConfig, renderCmsConfig } from '../lib/cms/config.ts';
import { contentFolderInRepository } from '../lib/cms/content-folder.ts';

export const cmsConfigText = renderCmsConfig(
  cmsConfig({
    contentFolder: contentFolderInRepository(CONTENT_DIR, process.cwd()),
    siteUrl: addressUnderBase(site.url, base),
    timeZone: site.timeZone,
    repository: site.cms,
  }),
);

/** The version of Decap CMS the site serves: the admin page names its files. */
export const decapVersion = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('decap-cms/package.json'), 'utf8')) as { version: string }
).version;

function digest(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}

export const cmsConfigKey = digest('cms-config', cmsConfigText);
export const cmsPageKey = digest('cms-page', site.name, base, decapVersion);
