/**
 * /admin/ in the sample build: the CMS's page, its configuration (what the
 * generator makes from the schemas, which agree with it) and Decap's files
 * from the npm package; and nothing of it anywhere a reader, a crawler or
 * the search index looks.
 */
import { describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { CMS_PAGES, htmlDocuments, listOutput, readPage } from '../helpers/build-site.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { readSearchIndex } from '../helpers/search-index.ts';
import { cmsConfig, renderCmsConfig, type CmsConfig } from '../../src/lib/cms/config.ts';
import { schemaDisagreements } from '../../src/lib/cms/schema-check.ts';
import { servedBundleFiles } from '../../src/lib/cms/bundle.ts';
import { CMS_BUNDLE_DIRECTORY, CMS_BUNDLE_ENTRY } from '../../src/lib/cms/formats.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { addressUnderBase } from '../../src/lib/build-target.ts';
import { loadYaml } from '../../src/lib/content/yaml.ts';
import { parseAsDecap } from '../helpers/decap-yaml.ts';

const site = inject('sampleSite');
const files = listOutput(site.outDir);
const report = validateContent(path.join(REPO, 'content'), { cwd: REPO });
const decapDist = path.join(path.dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');
const text = (file: string) => readFileSync(path.join(site.outDir, file), 'utf8');

describe('/admin/ in the sample build', () => {
  it('serves the configuration generated from the schemas, for the sample repository', () => {
    const settings = report.site!;
    const config = cmsConfig({
      contentFolder: 'content',
      siteUrl: addressUnderBase(settings.url, '/'),
      timeZone: settings.timeZone,
      repository: settings.cms,
    });
    expect(text('admin/config.yml')).toBe(renderCmsConfig(config));
    // The configuration object itself, read back with our YAML library and with Decap's own.
    const served = loadYaml(text('admin/config.yml')) as CmsConfig;
    expect(served).toEqual(JSON.parse(JSON.stringify(config)));
    expect(parseAsDecap(text('admin/config.yml'))).toEqual(served);
    expect(schemaDisagreements(served, settings.timeZone)).toEqual([]);
    expect(served.backend).toMatchObject({ name: 'github', repo: 'meridian-review/site', branch: 'main' });
    expect(served.collections.map((collection) => collection.folder ?? collection.files?.[0]?.file)).toEqual([
      'content/articles',
      'content/authors',
      'content/sections.yaml',
      'content/pages',
    ]);
  });

  it('is a page that asks not to be indexed and runs one script of the site, which loads Decap from the site', () => {
    const { tree } = readPage(site.outDir, 'admin/index.html');
    expect(select('meta[name="robots"]', tree)?.properties.content).toBe('noindex, nofollow');
    const scripts = selectAll('script', tree);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.children).toEqual([]);
    const loader = String(scripts[0]!.properties.src);
    expect(loader).toMatch(/^\/_astro\/CmsLoader\.[\w.-]+\.js$/);
    const code = text(loader.slice(1));
    expect(code.includes(CMS_BUNDLE_DIRECTORY) && code.includes(CMS_BUNDLE_ENTRY), 'the loader names the bundle').toBe(true);
    expect(selectAll('link[rel="stylesheet"]', tree)).toEqual([]);
  });

  it("holds Decap CMS's own files, exactly those the package ships for the browser", () => {
    const served = readdirSync(path.join(site.outDir, 'admin/cms')).sort();
    expect(served).toEqual(servedBundleFiles(readdirSync(decapDist)));
    expect(readFileSync(path.join(site.outDir, 'admin/cms/decap-cms.js')).equals(readFileSync(path.join(decapDist, 'decap-cms.js')))).toBe(
      true,
    );
  });

  it('adds nothing to reading pages: no link, script or stylesheet of the CMS', () => {
    const cmsAssets = new Set(
      selectAll('script[src], link[href]', readPage(site.outDir, 'admin/index.html').tree).map((node) =>
        String(node.properties.src ?? node.properties.href),
      ),
    );
    for (const file of htmlDocuments(files)) {
      const html = text(file);
      expect(html, file).not.toContain('/admin/');
      for (const asset of cmsAssets) expect(html, file).not.toContain(asset);
    }
    expect(htmlDocuments(files)).not.toContain(CMS_PAGES[0]);
    // Every script and stylesheet a reading page loads is free of Decap and of the loader's YAML parser.
    const loaded = new Set(
      htmlDocuments(files).flatMap((file) =>
        selectAll('script[src], link[rel="stylesheet"]', readPage(site.outDir, file).tree).map((node) =>
          String(node.properties.src ?? node.properties.href),
        ),
      ),
    );
    for (const asset of loaded) expect(text(asset.slice(1)), asset).not.toMatch(/decap|CMS_MANUAL_INIT/i);
  });

  it('is in no sitemap, no search shard and no feed', () => {
    for (const file of files.filter((name) => name.endsWith('.xml'))) expect(text(file), file).not.toContain('/admin/');
    const index = readSearchIndex(site.outDir);
    expect(index.pages.map((page) => page.url).filter((url) => url.includes('/admin'))).toEqual([]);
  });

  it('gets its own headers in _headers', () => {
    const headers = text('_headers');
    const block = headers.slice(headers.indexOf('\n/admin/*\n'));
    expect(block).toMatch(/^\n\/admin\/\*\n {2}! Content-Security-Policy\n/);
    expect(block).toContain('  X-Robots-Tag: noindex, nofollow\n');
    expect(block).toContain("  Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval'");
  });
});
