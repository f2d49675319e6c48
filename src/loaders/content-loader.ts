/**
 * Astro content loaders for Broadsheet. Each collection is filled from one run
 * of the editors' validator, so the build refuses exactly what `npm run
 * validate` refuses, with the same messages. Articles pass to the site's data
 * module directly, with one entry in Astro's data store that changes with any
 * of them (src/lib/content/archive-handover.ts); their bodies are rendered once
 * per content hash into the render cache on disk (src/lib/render-cache.ts).
 */
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ArticleFileCache, validateContent, type ContentReport } from '../lib/content/validate.ts';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ContentValidationError, formatDiagnostic, previewErrorPayload } from '../lib/content/diagnostics.ts';
import { clearPreviewError, showInPreview, showNewArticles } from '../integrations/preview-errors.ts';
import { handOverSummaries, RenderCache, renderCacheDir, type RenderSummary } from '../lib/render-cache.ts';
import { articleBodyHash } from '../markdown/render-article.ts';
import { renderArticles, type PendingRenderJob } from './render-pool.ts';
import { createProcessor, renderBody, PIPELINE_VERSION } from '../markdown/pipeline.ts';
import { isPublic } from '../lib/content/visibility.ts';
import { buildNow } from '../lib/build-settings.ts';
import { ASTRO_COMMAND_VARIABLE } from '../integrations/astro-command.ts';
import { buildBase, isPreviewBuild } from '../lib/build-target.ts';
import { writeSearchPlan } from './search-plan.ts';
import { rankingInputs } from './related-ranking.ts';
import { rankApart, rankingDocumentsTaken } from '../lib/related/ranked-apart.ts';
import { PhotoFactsReader } from './photo-facts.ts';
import { renditionFiles, type PhotoFacts, type PhotoKind } from '../lib/media/photos.ts';
import { photoCachePaths, type PhotoPlan } from '../integrations/photos.ts';
import { planWritten } from '../integrations/build-plans.ts';
import { ARCHIVE_ID, ArchiveKey, handOverArchive, type ArchiveMarker, type ArticleEntry } from '../lib/content/archive-handover.ts';
import { watchFolder, type FolderWatcher } from '../lib/content/folder-watcher.ts';

export type CollectionKind = 'site' | 'sections' | 'series' | 'authors' | 'pages' | 'archive';


/** Collections filled from one validation: each reads the report once per change. */
const COLLECTIONS: CollectionKind[] = ['site', 'sections', 'series', 'authors', 'pages', 'archive'];

// One validation per content change, shared by the collections, and let go
// once all of them have read it: it holds every article's text.
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

/**
 * A build saves the findings at once; the preview, a few seconds after the
 * last saved edit (writing them all out took a quarter of a second at 10,000
 * articles, on every save) and when it stops.
 */
let pendingSave: NodeJS.Timeout | undefined;
function saveFindings(cache: ArticleFileCache, fingerprint: string): void {
  if (process.env[ASTRO_COMMAND_VARIABLE] !== 'dev') return cache.save(VALIDATION_CACHE, fingerprint);
  clearTimeout(pendingSave);
  const save = () => {
    clearTimeout(pendingSave);
    process.off('exit', save);
    cache.save(VALIDATION_CACHE, fingerprint);
  };
  pendingSave = setTimeout(save, 5_000).unref();
  process.off('exit', save);
  process.once('exit', save);
}

function contentReport(contentDir: string, logger: LoaderContext['logger']): Promise<ContentReport> {
  if (!pendingReport) {
    readers = 0;
    pendingReport = (async () => {
      const started = performance.now();
      photoReader?.newPass();
      fileCache ??= rules ? ArticleFileCache.load(VALIDATION_CACHE, rules) : new ArticleFileCache();
      fileCache.checked = 0;
      // The preview keeps each body's text between saves; a build reads a body again when it renders it, and holds none.
      const report = validateContent(contentDir, { cache: fileCache, keepTexts: process.env[ASTRO_COMMAND_VARIABLE] === 'dev' });
      // Findings of files that are gone go too; the cache is saved when anything was checked or dropped.
      const seen = new Set(report.articles.map((article) => article.absolutePath));
      let dropped = 0;
      for (const file of fileCache.files.keys()) if (!seen.has(file) && fileCache.files.delete(file)) dropped++;
      if (rules && (fileCache.checked > 0 || dropped > 0)) saveFindings(fileCache, rules);
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

/**
 * The preview's one watcher on the content folder (src/lib/content/folder-watcher.ts), in place of
 * Vite's, which astro.config.mjs tells to leave the folder alone. A change starts one new
 * validation, which every collection then reads. Each collection registers its callback under
 * its name, so a load run again replaces it; a module evaluated again (the preview restarted
 * after a configuration change) closes the watcher it finds and starts its own.
 */
const contentChanged = new Map<CollectionKind, () => void>();
const WATCHER_SLOT = Symbol.for('broadsheet.content-watcher');
function watchContent(root: string, kind: CollectionKind, callback: () => void): void {
  contentChanged.set(kind, callback);
  const holder = globalThis as { [WATCHER_SLOT]?: { root: string; owner: typeof contentChanged; watcher: FolderWatcher } };
  const current = holder[WATCHER_SLOT];
  if (current?.root === root && current.owner === contentChanged) return;
  current?.watcher.close();
  const watcher = watchFolder(root, () => {
    pendingReport = undefined;
    for (const callback of contentChanged.values()) callback();
  });
  holder[WATCHER_SLOT] = { root, owner: contentChanged, watcher };
}

/** The last error the preview was told about. */
let reportedError: unknown;

export function broadsheetLoader(kind: CollectionKind, contentDir: string): Loader {
  const root = path.resolve(contentDir);
  return {
    name: `broadsheet-${kind}`,
    load: async (context) => {
      await loadCollection(kind, root, context);
      // Only the preview hands loaders a watcher; it is Vite's, and ours watches the content folder instead.
      if (!context.watcher) return;
      watchContent(root, kind, async () => {
        try {
          await loadCollection(kind, root, context);
          if (reportedError !== undefined) {
            reportedError = undefined;
            clearPreviewError();
          }
        } catch (error) {
          // Every collection's watcher meets the same failed validation: tell the editor once.
          if (reportedError === error) return;
          reportedError = error;
          context.logger.error((error as Error).message);
          if (error instanceof ContentValidationError) showInPreview(previewErrorPayload(error, (file) => path.resolve(file)));
        }
      });
    },
  };
}

/** True when the stored entry is still current (its digest covers the file, its text and its photo's bytes). */
function keepUnchanged(store: LoaderContext['store'], id: string, digest: string): boolean {
  return store.get(id)?.digest === digest;
}

/**
 * Bodies known to be in each render cache: listed once, then added to as they are rendered. A
 * rendering never changes under its hash, so the preview need not look for ten thousand files
 * again after every saved edit.
 */
const renderedBodies = new Map<string, Set<string>>();
function renderedIn(cache: RenderCache): Set<string> {
  let hashes = renderedBodies.get(cache.dir);
  if (!hashes) renderedBodies.set(cache.dir, (hashes = cache.renderedHashes()));
  return hashes;
}

/** Sizes and digests of photos, kept in the build cache and, in the preview, between saves. */
let photoReader: PhotoFactsReader | undefined;

/** The photo a piece or profile names, resolved from its file (the validator has checked it exists in the content folder). */
function photoFile(markdownFile: string, photo: unknown): string | undefined {
  const src = photo && typeof photo === 'object' ? (photo as { src?: unknown }).src : undefined;
  return typeof src === 'string' ? path.resolve(path.dirname(markdownFile), src) : undefined;
}

/**
 * The facts of a body's photos (`::figure`), by src as written, and the part of
 * a render key they make: a photo replaced, resized or renamed renders the
 * bodies that show it again.
 */
async function bodyPhotos(markdownFile: string, figures: readonly string[]): Promise<{ photos?: Record<string, PhotoFacts>; key: string }> {
  if (figures.length === 0) return { key: '' };
  const photos: Record<string, PhotoFacts> = {};
  for (const src of figures) photos[src] = await photoReader!.read(path.resolve(path.dirname(markdownFile), src));
  const key = Object.keys(photos)
    .sort()
    .map((src) => `${src}\0${photos[src]!.name}\0${photos[src]!.hash}\0${photos[src]!.width}x${photos[src]!.height}`)
    .join('\0');
  return { photos, key };
}

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

  if (kind === 'series') {
    for (const series of report.series) {
      keep(series.id);
      store.set({ id: series.id, data: await parseData({ id: series.id, data: { ...series } }) });
    }
  }

  photoReader ??= new PhotoFactsReader(renderCacheDir());
  const photos = photoReader;

  // Author bios and site pages are few and short: rendered here, by the same pipeline, and kept in the store.
  type RenderedEntry = { id: string; absolutePath: string; raw: Record<string, unknown>; body: string; photo?: unknown; figures?: string[] };
  // Root-relative links in bodies go under the base path, so the base is part of every rendering's key.
  const base = buildBase();
  const storeRendered = async (entries: RenderedEntry[], derived: (html: string, photo: PhotoFacts | undefined, frameOrigins: string[]) => object) => {
    const processor = createProcessor({ siteUrl: report.site!.url, base });
    for (const entry of entries) {
      keep(entry.id);
      const photoPath = photoFile(entry.absolutePath, entry.photo);
      const photo = photoPath ? await photos.read(photoPath) : undefined;
      const figures = await bodyPhotos(entry.absolutePath, entry.figures ?? []);
      // The pipeline's version too: a store kept from before a change to the rendering (or to what it derives, such as frame origins) renders again.
      const digest = generateDigest(`${PIPELINE_VERSION}\0${entry.absolutePath}\0${base}\0${JSON.stringify(entry.raw)}\0${entry.body}\0${photo?.hash ?? ''}\0${figures.key}`);
      if (keepUnchanged(store, entry.id, digest)) continue;
      const { html, frameOrigins } = renderBody(processor, entry.body, figures.photos);
      const data = await parseData({ id: entry.id, data: { ...entry.raw, derived: derived(html, photo, frameOrigins) }, filePath: entry.absolutePath });
      store.set({ id: entry.id, data, digest, filePath: path.relative(process.cwd(), entry.absolutePath) });
    }
  };

  if (kind === 'authors') {
    await storeRendered(
      report.authors.map((author) => ({ ...author, photo: author.raw.photo })),
      (bioHtml, photo) => ({ bioHtml, ...(photo ? { photo } : {}) }),
    );
  }

  if (kind === 'pages') await storeRendered(report.pages.map((page) => ({ ...page, id: page.slug })), (html, _photo, frameOrigins) => ({ html, frameOrigins }));

  if (kind === 'archive') {
    const siteUrl = report.site!.url;
    const cache = new RenderCache();
    const hashOf = (bodyDigest: string, photosKey: string) => articleBodyHash({ siteUrl, base }, bodyDigest, photosKey);
    // Body photos first: their digests are part of each body's render hash.
    const figurePhotos = new Map<(typeof report.articles)[number], Awaited<ReturnType<typeof bodyPhotos>>>();
    for (const article of report.articles) if (article.figures.length > 0) figurePhotos.set(article, await bodyPhotos(article.absolutePath, article.figures));
    // A body's key comes from its digest (the validator's), so no body is read to find it.
    const hashes = new Map<(typeof report.articles)[number], string>();
    const bodyHash = (article: (typeof report.articles)[number]) => {
      let hash = hashes.get(article);
      if (hash === undefined) hashes.set(article, (hash = hashOf(article.bodyDigest, figurePhotos.get(article)?.key ?? '')));
      return hash;
    };
    // Render every body the cache lacks first (in parallel when there are many), then fill the store.
    const missing = new Map<string, Omit<PendingRenderJob, 'hash'>>();
    const rendered = renderedIn(cache);
    for (const article of report.articles) {
      const hash = bodyHash(article);
      const photosOfBody = figurePhotos.get(article)?.photos;
      if (!missing.has(hash) && !rendered.has(hash)) missing.set(hash, { markdown: () => article.body, ...(photosOfBody ? { photos: photosOfBody } : {}) });
    }
    // The preview server and a preview build show drafts and scheduled pieces (src/data/content.ts).
    const showUnpublished = process.env[ASTRO_COMMAND_VARIABLE] === 'dev' || isPreviewBuild();
    const now = buildNow();
    // Only what readers may see is made and published: a draft's photo stays unpublished too.
    const visible = (article: (typeof report.articles)[number]) => showUnpublished || isPublic(article.data, now);
    const heroes = new Map<(typeof report.articles)[number], { path: string; facts: PhotoFacts }>();
    for (const article of report.articles) {
      const heroPath = photoFile(article.absolutePath, article.raw.hero);
      if (heroPath) heroes.set(article, { path: heroPath, facts: await photos.read(heroPath) });
    }
    // The photo plan comes before the bodies: a build starts making renditions as soon as it is written (src/integrations/build-plans.ts).
    const plan: PhotoPlan = { files: {} };
    // Many pieces show the same photo, whose files are the same each time: each photo and kind is planned once.
    const planned = new Set<string>();
    const addToPlan = (source: string, facts: PhotoFacts, photoKind: PhotoKind) => {
      const key = `${photoKind}\0${source}`;
      if (planned.has(key)) return;
      planned.add(key);
      for (const file of renditionFiles(facts, photoKind)) plan.files[file.file] = { ...file, source };
    };
    for (const author of report.authors) {
      const photoPath = photoFile(author.absolutePath, author.raw.photo);
      if (photoPath) addToPlan(photoPath, await photos.read(photoPath), 'portrait');
    }
    // Site pages are always public; their body photos are published with them.
    for (const page of report.pages) {
      for (const src of page.figures) {
        const photoPath = path.resolve(path.dirname(page.absolutePath), src);
        addToPlan(photoPath, await photos.read(photoPath), 'figure');
      }
    }
    for (const article of report.articles) {
      if (!visible(article)) continue;
      const hero = heroes.get(article);
      if (hero) addToPlan(hero.path, hero.facts, 'hero');
      for (const src of article.figures) addToPlan(path.resolve(path.dirname(article.absolutePath), src), figurePhotos.get(article)!.photos![src]!, 'figure');
    }
    photos.save();
    writeJsonAtomic(photoCachePaths(cache.dir).plan, plan);
    planWritten('photos');

    const freshSummaries = new Map<string, RenderSummary>();
    await renderArticles([...missing].map(([hash, job]) => ({ hash, ...job })), { siteUrl, base }, cache.dir, ({ hash, summary }) => {
      rendered.add(hash);
      freshSummaries.set(hash, summary);
    });
    // The articles go to the data module directly; the store keeps one entry whose key changes with any of them (src/lib/content/archive-handover.ts).
    // The preview shows new articles itself, at once (src/integrations/preview-errors.ts): its marker never changes, or every save would reload twice.
    const preview = process.env[ASTRO_COMMAND_VARIABLE] === 'dev';
    const archiveKey = preview ? undefined : new ArchiveKey();
    const entries: ArticleEntry[] = report.articles.map((article) => {
      const hash = bodyHash(article);
      const hero = heroes.get(article)?.facts;
      archiveKey?.add(article.absolutePath, article.raw, hash, hero?.hash);
      return { slug: article.slug, data: article.data, bodyHash: hash, ...(hero ? { hero } : {}) };
    });
    const marker: ArchiveMarker = archiveKey ? { key: archiveKey.digest(), pieces: entries.length } : { key: 'preview', pieces: 0 };
    handOverArchive({ ...marker, entries });
    if (preview) showNewArticles();
    keep(ARCHIVE_ID);
    if (!keepUnchanged(store, ARCHIVE_ID, marker.key)) store.set({ id: ARCHIVE_ID, data: await parseData({ id: ARCHIVE_ID, data: { ...marker } }), digest: marker.key });
    context.logger.info(`${report.articles.length} articles, ${missing.size} bodies rendered, the rest from cache`);
    const build = process.env[ASTRO_COMMAND_VARIABLE] === 'build';
    // A build ranks every piece on a worker; the preview does so for its first page only, and
    // keeps the documents to rank again after a save (src/data/content.ts).
    if (build || (preview && !rankingDocumentsTaken())) rankApart(rankingInputs(report.articles, bodyHash, now, showUnpublished), cache.dir, { keepDocuments: preview });
    // Only a build publishes a search index; its indexer starts from this plan (src/integrations/pagefind.ts).
    if (build) {
      writeSearchPlan(report, cache, bodyHash, now, { showUnpublished });
      planWritten('search');
      // The preview's data module summarizes the bodies it shows itself, once, and keeps them between saves.
      handOverSummaries(cache.summarize(report.articles.map(bodyHash), freshSummaries));
    }
  }

  for (const id of untouched) store.delete(id);
}

function writeJsonAtomic(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, file);
}
