/**
 * Leaves the build's search indexer (src/integrations/pagefind.ts) a plan: the
 * public articles' search documents grouped in shards (by month in the newest
 * year, by year or half-year before: src/lib/search/shards.ts), each with its
 * fingerprint, and for each shard whose cached index is out of date what its
 * documents are made of (each article's fields and the hash of its rendered
 * body, which the indexer reads from the render cache). Written during content
 * sync, so indexing can run while Astro builds and renders pages.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleRecord, ContentReport } from '../lib/content/validate.ts';
import type { RenderCache } from '../lib/render-cache.ts';
import { isPublic } from '../lib/content/visibility.ts';
import { articlePath } from '../lib/urls.ts';
import { kickerLabel, kickerSectionName } from '../lib/presentation/article-labels.ts';
import { republishCreditLine } from '../lib/media/credits.ts';
import { displayedDate } from '../lib/dates.ts';
import { SEARCH_DOCUMENT_VERSION, type SearchDocumentInput } from '../lib/search/document.ts';
import { searchCachePaths, shardFingerprint, shardLayout, shardOf, type PendingSearchDocument, type SearchPlan } from '../lib/search/shards.ts';
import { smartenText } from '../markdown/remark-typography.ts';

interface PlannedDocument extends PendingSearchDocument {
  url: string;
  key: string;
}

/**
 * `showUnpublished`: a preview build, whose search finds its drafts and scheduled pieces too.
 * Addresses are indexed from the site root, without the base path: Pagefind's browser code puts
 * every result under the folder its own script is served from (`/pr-12/pagefind/` gives `/pr-12/`).
 */
export function writeSearchPlan(
  report: ContentReport,
  cache: RenderCache,
  bodyHashOf: (article: ArticleRecord) => string,
  now: Date,
  { showUnpublished = false }: { showUnpublished?: boolean } = {},
): SearchPlan {
  const site = report.site!;
  const sections = new Map(report.sections.map((section) => [section.id, section]));
  const authorNames = new Map(report.authors.map((author) => [author.id, author.data.name]));
  const when = (date: Date) => displayedDate(date, site.timeZone);
  const byShard = new Map<string, PlannedDocument[]>();
  const indexed = report.articles.filter((article) => showUnpublished || isPublic(article.data, now));
  const layout = shardLayout(indexed.map((article) => article.data.published), site.timeZone);
  for (const article of indexed) {
    const data = article.data;
    const section = sections.get(data.section)!;
    const input: Omit<SearchDocumentInput, 'bodyHtml'> = {
      language: site.language,
      url: articlePath(article.slug),
      kicker: kickerLabel(data.type, section),
      section: kickerSectionName(section),
      title: smartenText(data.title, ''),
      dek: smartenText(data.dek, ''),
      authors: data.authors.map((id) => authorNames.get(id) ?? id),
      published: when(data.published),
      updated: data.updated ? when(data.updated) : undefined,
      republished: data.republished ? republishCreditLine(data.republished) : undefined,
      corrections: data.corrections.map((correction) => ({ ...when(correction.date), text: correction.text })),
      tags: data.tags,
    };
    const bodyHash = bodyHashOf(article);
    const shard = shardOf(data.published, site.timeZone, layout);
    let documents = byShard.get(shard);
    if (!documents) byShard.set(shard, (documents = []));
    documents.push({ url: input.url, key: `${JSON.stringify(input)}\0${bodyHash}`, input, bodyHash });
  }

  const paths = searchCachePaths(cache.dir);
  rmSync(path.dirname(paths.pending('x')), { recursive: true, force: true });
  mkdirSync(path.dirname(paths.pending('x')), { recursive: true });
  const plan: SearchPlan = { version: SEARCH_DOCUMENT_VERSION, shards: [] };
  for (const [shard, documents] of [...byShard].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const fingerprint = shardFingerprint(documents, SEARCH_DOCUMENT_VERSION);
    plan.shards.push({ shard, fingerprint, documents: documents.length });
    if (readIfExists(paths.fingerprint(shard)) === fingerprint) continue;
    // Bodies stay in the render cache: written here with them, a 10,000-article plan was 150 MB of
    // escaped HTML, and its JSON took 4 s on the path to the first rendered page.
    const pending: PendingSearchDocument[] = documents.sort((a, b) => (a.url < b.url ? -1 : 1)).map(({ input, bodyHash }) => ({ input, bodyHash }));
    writeFileSync(paths.pending(shard), JSON.stringify(pending));
  }
  writeFileSync(paths.plan, JSON.stringify(plan));
  return plan;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
