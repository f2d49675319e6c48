/**
 * Astro content loaders for Broadsheet. Each collection is filled from one run
 * of the editors' validator, so the build refuses exactly what `npm run
 * validate` refuses, with the same messages. Articles keep metadata only in
 * Astro's data store; their bodies are rendered once per content hash into the
 * render cache on disk (see src/lib/render-cache.ts).
 */
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ArticleFileCache, validateContent, type ContentReport } from '../lib/validate.ts';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ContentValidationError, formatDiagnostic } from '../lib/diagnostics.ts';
import { RenderCache, renderCacheDir, renderHash } from '../lib/render-cache.ts';
import { renderArticles } from './render-pool.ts';
import { createProcessor, renderBody, PIPELINE_VERSION } from '../markdown/pipeline.ts';
import { buildNow } from '../lib/visibility.ts';
import { ASTRO_COMMAND_VARIABLE } from '../integrations/astro-command.ts';
import { writeSearchPlan } from './search-plan.ts';

export type CollectionKind = 'site' | 'sections' | 'authors' | 'pages' | 'articles';


/** Collections filled from one validation: each reads the report once per change. */
const COLLECTIONS: CollectionKind[] = ['site', 'sections', 'authors', 'pages', 'articles'];

// One validation per content change, shared by the four collections, and let
// go once all four have read it: it holds every article's text.
let pendingReport: Promise<ContentReport> | undefined;
let readers = 0;
/**
 * What each article file's own checks found is kept, in the build cache and,
 * in `astro dev`, in memory between saves: only files changed since are read
 * and checked again (at 10,000 articles, 3 s became 0.4 s), while the rules
 * across files (slugs, former slugs, links, authors, sections) always run.
 * Saved with a fingerprint of the rules' code and dependencies: a change to
 * either checks every file again.
 */
const VALIDATION_CACHE = path.join(renderCacheDir(), 'validation.v8');
const rules = rulesFingerprint();
let fileCache: ArticleFileCache | undefined;

/** The code the validator's findings depend on: src/lib and the lockfile. Undefined when it cannot be read. */
function rulesFingerprint(): string | undefined {
  try {
    const lib = fileURLToPath(new URL('../lib/', import.meta.url));
    const hash = createHash('sha256');
    for (const file of readdirSync(lib, { recursive: true, encoding: 'utf8' }).sort()) {
      if (file.endsWith('.ts') && !file.startsWith('deploy')) hash.update(file).update(readFileSync(path.join(lib, file)));
    }
    hash.update(readFileSync(path.join(process.cwd(), 'package-lock.json')));
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

function contentReport(contentDir: string, logger: LoaderContext['logger']): Promise<ContentReport> {
  if (!pendingReport) {
    readers = 0;
    pendingReport = (async () => {
      const started = performance.now();
      fileCache ??= rules ? ArticleFileCache.load(VALIDATION_CACHE, rules) : new ArticleFileCache();
      fileCache.checked = 0;
      const report = validateContent(contentDir, { cache: fileCache });
      // Findings of files that are gone go too; the cache is saved when anything was checked or dropped.
      const seen = new Set(report.articles.map((article) => article.absolutePath));
      let dropped = 0;
      for (const file of fileCache.files.keys()) if (!seen.has(file) && fileCache.files.delete(file)) dropped++;
      if (rules && (fileCache.checked > 0 || dropped > 0)) fileCache.save(VALIDATION_CACHE, rules);
      // A build reads the content once: its bodies need not stay in memory.
      if (process.env[ASTRO_COMMAND_VARIABLE] !== 'dev') fileCache = undefined;
      const errors = report.diagnostics.filter((d) => d.severity === 'error');
      for (const warning of report.diagnostics.filter((d) => d.severity === 'warning')) logger.warn(formatDiagnostic(warning));
      if (errors.length > 0) throw new ContentValidationError(report.diagnostics, report.filesChecked);
      logger.info(`validated ${report.filesChecked} files in ${Math.round(performance.now() - started)} ms`);
      return report;
    })();
  }
  const report = pendingReport;
  if (++readers === COLLECTIONS.length) pendingReport = undefined;
  return report;
}

/** A file event reaches the watcher callback of each collection in turn: the first one starts a new validation. */
let invalidatedFor: string | undefined;
function invalidateOnce(event: string, changed: string): void {
  const key = `${event}\0${changed}`;
  if (invalidatedFor === key) return;
  invalidatedFor = key;
  queueMicrotask(() => (invalidatedFor = undefined));
  pendingReport = undefined;
}

export function broadsheetLoader(kind: CollectionKind, contentDir: string): Loader {
  const root = path.resolve(contentDir);
  return {
    name: `broadsheet-${kind}`,
    load: async (context) => {
      await loadCollection(kind, root, context);
      context.watcher?.on('all', async (event: string, changed: string) => {
        if (!path.resolve(changed).startsWith(root + path.sep)) return;
        invalidateOnce(event, changed);
        try {
          await loadCollection(kind, root, context);
        } catch (error) {
          context.logger.error((error as Error).message);
        }
      });
    },
  };
}

/**
 * True when the stored entry is still current. Its photos are registered again,
 * as Astro's glob() loader does: an entry skipped without that kept its photo
 * path as a plain string and broke the page. The file path is part of the
 * digest, since photo paths are relative to the file: a moved article must be
 * parsed again.
 */
function keepUnchanged(store: LoaderContext['store'], id: string, digest: string): boolean {
  const existing = store.get(id);
  if (existing?.digest !== digest) return false;
  // The store Astro hands loaders has this method (its glob() loader calls it); the public type leaves it out.
  const withAssets = store as LoaderContext['store'] & { addAssetImports?: (imports: string[], filePath?: string) => void };
  if (existing.assetImports?.length) withAssets.addAssetImports?.(existing.assetImports, existing.filePath);
  return true;
}

/** In the preview, the render hash of each article as last read, by its frontmatter object (kept while the file is unchanged). */
const renderedHashes = new WeakMap<object, Map<string, string>>();

async function loadCollection(kind: CollectionKind, root: string, context: LoaderContext) {
  const report = await contentReport(root, context.logger);
  const { store, parseData, generateDigest } = context;
  const untouched = new Set(store.keys());
  const keep = (id: string) => untouched.delete(id);

  if (kind === 'site' && report.site) {
    keep('site');
    store.set({ id: 'site', data: await parseData({ id: 'site', data: { ...report.site } }) });
  }

  if (kind === 'sections') {
    // The validator has sorted the sections; `order` carries that position to the pages.
    for (const [position, section] of report.sections.entries()) {
      keep(section.id);
      store.set({ id: section.id, data: await parseData({ id: section.id, data: { ...section, order: position } }) });
    }
  }

  // Author bios and site pages are few and short: rendered here, by the same pipeline, and kept in the store.
  const storeRendered = async (entries: { id: string; absolutePath: string; raw: Record<string, unknown>; body: string }[], derived: (html: string) => object) => {
    const processor = createProcessor({ siteUrl: report.site!.url });
    for (const entry of entries) {
      keep(entry.id);
      const digest = generateDigest(`${entry.absolutePath}\0${JSON.stringify(entry.raw)}\0${entry.body}`);
      if (keepUnchanged(store, entry.id, digest)) continue;
      const html = renderBody(processor, entry.body).html;
      const data = await parseData({ id: entry.id, data: { ...entry.raw, derived: derived(html) }, filePath: entry.absolutePath });
      store.set({ id: entry.id, data, digest, filePath: path.relative(process.cwd(), entry.absolutePath) });
    }
  };

  if (kind === 'authors') await storeRendered(report.authors, (bioHtml) => ({ bioHtml }));

  if (kind === 'pages') await storeRendered(report.pages.map((page) => ({ ...page, id: page.slug })), (html) => ({ html }));

  if (kind === 'articles') {
    const siteUrl = report.site!.url;
    const cache = new RenderCache();
    const hashOf = (body: string) => renderHash([PIPELINE_VERSION, siteUrl, body]);
    // Bodies are long: hash each once per run (and, in the preview, once per saved version).
    const hashes = new Map<(typeof report.articles)[number], string>();
    const bodyHash = (article: (typeof report.articles)[number]) => {
      let hash = renderedHashes.get(article.raw)?.get(siteUrl) ?? hashes.get(article);
      if (hash === undefined) {
        hash = hashOf(article.body);
        hashes.set(article, hash);
        if (fileCache) renderedHashes.set(article.raw, new Map([[siteUrl, hash]]));
      }
      return hash;
    };
    // Render every body the cache lacks first (in parallel when there are many), then fill the store.
    const missing = new Map<string, string>();
    for (const article of report.articles) {
      const hash = bodyHash(article);
      if (!missing.has(hash) && !cache.has(hash)) missing.set(hash, article.body);
    }
    await renderArticles([...missing].map(([hash, markdown]) => ({ hash, markdown })), siteUrl, (rendered) => {
      cache.put(rendered.hash, rendered.html, { excerpt: rendered.excerpt, wordCount: rendered.wordCount, bodyTerms: rendered.bodyTerms });
    });
    for (const article of report.articles) {
      keep(article.slug);
      const hash = bodyHash(article);
      const digest = generateDigest(`${article.absolutePath}\0${hash}\0${JSON.stringify(article.raw)}`);
      if (keepUnchanged(store, article.slug, digest)) continue;
      if (!cache.has(hash)) throw new Error(`${article.file}: the rendered body is missing from ${cache.dir}; delete that folder and build again`);
      const data = await parseData({ id: article.slug, data: { ...article.raw, derived: { hash } }, filePath: article.absolutePath });
      store.set({ id: article.slug, data, digest, filePath: path.relative(process.cwd(), article.absolutePath) });
    }
    context.logger.info(`${report.articles.length} articles, ${missing.size} bodies rendered, the rest from cache`);
    // Only a build publishes a search index; its indexer starts from this plan (src/integrations/pagefind.ts).
    if (process.env[ASTRO_COMMAND_VARIABLE] === 'build') writeSearchPlan(report, cache, bodyHash, buildNow());
  }

  for (const id of untouched) store.delete(id);
}
