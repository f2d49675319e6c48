/**
 * The only module besides pages that reads `astro:content`. Collections are
 * read once per build (getCollection clones on every call, withastro/astro
 * #16297) and turned into plain data that pages take as props.
 */
import path from 'node:path';
import { getCollection } from 'astro:content';
import type { PhotoFacts } from '../lib/media/photos.ts';
import type { ArticleType, Section, SiteConfig } from '../lib/content/schema/index.ts';
import { kickerLabel, moreFromSectionHeading, sectionLabel } from '../lib/presentation/article-labels.ts';
import { displayedDate, localDateKey, type DisplayedDate } from '../lib/dates.ts';
import type { Headline } from '../lib/presentation/headline-list.ts';
import { compareNewestFirst, isPublic, showsWithdrawalNotice } from '../lib/content/visibility.ts';
import { buildNow, publicDir } from '../lib/build-settings.ts';
import { absoluteUrl, articlePath, authorPath, sectionPath, seriesPath } from '../lib/urls.ts';
import { partLabel, placementOf, readerParts } from '../lib/content/series.ts';
import { canonicalUrl } from '../lib/distribution/canonical.ts';
import { substantiveUpdate } from '../lib/distribution/json-ld.ts';
import { ASTRO_COMMAND_VARIABLE } from '../integrations/astro-command.ts';
import { RelatedIndex, TermVocabulary, type CompactDocument, type RelatedMatch } from '../lib/related/ranking.ts';
import { keepValues } from '../lib/kept-values.ts';
import { rankedApart, type RankingInput } from '../lib/related/ranked-apart.ts';
import type { Excerpt } from '../lib/presentation/teaser.ts';
import { smartenText } from '../markdown/remark-typography.ts';
import { RenderCache, summaryOf, takeSummaries, type CachedRender, type RenderSummary } from '../lib/render-cache.ts';
import { relatedDocument } from '../markdown/related-document.ts';
import { unlinkSiteLinks } from '../lib/presentation/site-links.ts';
import { buildBase, isPreviewBuild, ownUrlUnderBase, withBase } from '../lib/build-target.ts';
import { articlesOf } from '../lib/content/archive-handover.ts';

/** The path the site is served under (BROADSHEET_BASE): `/`, or e.g. `/pr-12/` for a pull request's preview. */
export const base = buildBase();
/** A preview build (BROADSHEET_PREVIEW): drafts and scheduled pieces shown and marked, nothing indexed. */
export const previewBuild = isPreviewBuild();
/** A path from the site root (`/latest/`) as readers request it, under the base. */
export const sitePath = (path: string): string => withBase(path, base);
import { logoSize, type ImageSize } from '../lib/media/logo-size.ts';

export interface PhotoView {
  /** The photo file, as its renditions are made from it (src/lib/media/photos.ts). */
  image: PhotoFacts;
  alt: string;
  caption?: string;
  credit: string;
}

export interface AuthorView {
  id: string;
  name: string;
  role?: string;
  url: string;
  photo?: { image: PhotoFacts; alt: string };
  links: { label: string; url: string }[];
  bioHtml: string;
}

export interface SectionView extends Section {
  url: string;
}

/** A neighbouring part of a series, as an article page links to it. */
export interface SeriesNeighbour {
  url: string;
  title: string;
  number: number;
}

/** Where a piece stands in its series, as readers count (src/lib/content/series.ts): "Part 2 of 3" and its neighbours. */
export interface SeriesPlacementView {
  id: string;
  /** The series' title, which links to its page. */
  title: string;
  url: string;
  absoluteUrl: string;
  number: number;
  of: number;
  /** "Part 2 of 3". */
  label: string;
  previous?: SeriesNeighbour;
  next?: SeriesNeighbour;
}

/** A series page: its parts readers can see, in order. */
export interface SeriesView {
  id: string;
  title: string;
  description: string;
  url: string;
  absoluteUrl: string;
  parts: { number: number; article: ArticleView }[];
}

export interface ArticleView {
  slug: string;
  url: string;
  title: string;
  dek: string;
  type: ArticleType;
  /** Kicker label: the type, or the brand label for short takes. */
  kicker: string;
  section: SectionView;
  /** What teasers and headline lists call the section: its name, or a brand's label. */
  sectionLabel: string;
  authors: AuthorView[];
  published: Date;
  updated?: Date;
  /** The dates as pages show them, formatted once. */
  dates: { published: DisplayedDate; updated?: DisplayedDate };
  draft: boolean;
  hero?: PhotoView;
  republished?: { outlet: string; url?: string; author?: string };
  canonical?: string;
  /** This site's absolute address of the piece. */
  absoluteUrl: string;
  /** Where search engines should treat the piece as original (see src/lib/distribution/canonical.ts). */
  canonicalUrl: string;
  /** Last substantive change: `updated` or a later correction. */
  modified?: Date;
  tags: string[];
  corrections: { date: Date; text: string; displayed: DisplayedDate }[];
  previousSlugs: string[];
  excerpt: Excerpt;
  wordCount: number;
  /** Key of the rendered body in the render cache. */
  bodyHash: string;
  /** Pieces the body links to that readers cannot see (drafts, scheduled, withdrawn): those links show as text. */
  hiddenLinks: string[];
  /** Its place in a series, counting only the parts readers can see. */
  series?: SeriesPlacementView;
  /** Origins the body's embeds frame; the page's Content-Security-Policy allows exactly these in `frame-src`. */
  frameOrigins: string[];
}

/** What stays at the address of a piece taken down (the `withdrawn` field). */
export interface WithdrawalView {
  slug: string;
  url: string;
  /** The notice's headline; never the piece's own, which may be what was taken down. */
  title: string;
  previousSlugs: string[];
  date: DisplayedDate;
  reason: string;
}

const [siteEntries, sectionEntries, seriesEntries, authorEntries, archiveEntries] = await Promise.all([
  getCollection('site'),
  getCollection('sections'),
  getCollection('series'),
  getCollection('authors'),
  getCollection('archive'),
]);

const siteData: SiteConfig = siteEntries[0]!.data;
/** The publication's settings; a social link to the site's own feed goes under the base like every other address. */
export const site: SiteConfig =
  base === '/' ? siteData : { ...siteData, social: siteData.social.map((link) => ({ ...link, url: ownUrlUnderBase(link.url, siteData.url, base) })) };

/**
 * The header's logo with the size of the file itself (src/lib/media/logo-size.ts),
 * in the public folder (src/lib/build-settings.ts): its width and height
 * attributes reserve the logo's space before it loads.
 */
export const logo: SiteConfig['logo'] & Partial<ImageSize> = { ...site.logo, ...(await logoSize(path.join(publicDir(), site.logo.src))) };

export const sections: SectionView[] = sectionEntries
  .map((entry) => ({ ...entry.data, url: sitePath(sectionPath(entry.data.id)) }))
  .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

const sectionById = new Map(sections.map((section) => [section.id, section]));

export const authors: AuthorView[] = authorEntries
  .map((entry) => ({
    id: entry.id,
    name: entry.data.name,
    ...(entry.data.role ? { role: entry.data.role } : {}),
    url: sitePath(authorPath(entry.id)),
    ...(entry.data.photo && entry.data.derived.photo ? { photo: { image: entry.data.derived.photo, alt: entry.data.photo.alt } } : {}),
    links: entry.data.links,
    bioHtml: entry.data.derived.bioHtml,
  }))
  .sort((a, b) => (a.id < b.id ? -1 : 1));

const authorById = new Map(authors.map((author) => [author.id, author]));

/** `astro dev`: the data of this module is evaluated again after every saved edit. */
const devServer = process.env[ASTRO_COMMAND_VARIABLE] === 'dev';
/**
 * In `astro dev` and in a preview build editors see drafts and scheduled pieces;
 * any other build never contains them, whatever NODE_ENV says.
 */
const showUnpublished = devServer || previewBuild;
const now = buildNow();

/** Rendered bodies, their excerpts and ranking words (kept out of Astro's data store). */
const renderCache = new RenderCache();

/** A value that outlives this module's evaluations in the preview (there is one per saved edit). */
function previewKept<T>(name: string, make: () => T): T {
  const slot = Symbol.for(`broadsheet.preview.${name}`);
  const holder = globalThis as Record<symbol, unknown>;
  return (holder[slot] ??= make()) as T;
}

function readRendering(slug: string, hash: string): CachedRender {
  const cached = renderCache.get(hash);
  if (!cached) throw new Error(`the rendered body of "${slug}" is missing from ${renderCache.dir}; delete that folder and build again`);
  return cached;
}

/** Every article content sync loaded, from the loader itself (src/lib/content/archive-handover.ts). */
const articleEntries = articlesOf(archiveEntries[0]?.data, { preview: devServer });

// The preview shows drafts and scheduled pieces, but a withdrawn piece as readers will see it: its notice.
const visibleEntries = articleEntries.filter((entry) => (showUnpublished ? entry.data.withdrawn === undefined : isPublic(entry.data, now)));

/**
 * What lists show of each visible body (src/lib/render-cache.ts), by body hash. A build takes
 * the summaries content sync made, or else reads the summaries file; it needs no ranking words
 * (related stories are ranked on a worker thread, see relatedMatches). The preview keeps them
 * between evaluations and reads only the bodies a save changed (src/lib/kept-values.ts).
 */
const slugOfBody = new Map(visibleEntries.map((entry) => [entry.bodyHash, entry.slug]));
let bodySummaries: ReadonlyMap<string, RenderSummary> | undefined = devServer
  ? keepValues(previewKept('summaries', () => new Map<string, RenderSummary>()), visibleEntries.map((entry) => entry.bodyHash), {
      one: (hash) => summaryOf(readRendering(slugOfBody.get(hash) ?? hash, hash)),
      many: (hashes, found) => renderCache.summarize(hashes).forEach((summary, hash) => found(hash, summary)),
    })
  : (takeSummaries() ?? renderCache.readSummaries());

function renderingOf(slug: string, hash: string): RenderSummary {
  return bodySummaries?.get(hash) ?? summaryOf(readRendering(slug, hash));
}

/**
 * The first path segments that lead to a piece readers cannot see: its slug and
 * its former slugs. Links to them show as plain text until the piece is back.
 */
const visibleSlugs = new Set(visibleEntries.map((entry) => entry.slug));
export const hiddenLinkTargets: ReadonlySet<string> = new Set(
  articleEntries.filter((entry) => !visibleSlugs.has(entry.slug)).flatMap((entry) => [entry.slug, ...entry.data.previousSlugs]),
);
export const siteHost = new URL(site.url).host;

/** Addresses of pieces taken down that keep a notice; the pieces themselves are gone from every list. */
export const withdrawals: WithdrawalView[] = articleEntries
  .filter((entry) => showsWithdrawalNotice(entry.data, now))
  .map((entry) => {
    const withdrawn = entry.data.withdrawn!;
    return {
      slug: entry.slug,
      url: sitePath(articlePath(entry.slug)),
      title: 'Article withdrawn',
      previousSlugs: entry.data.previousSlugs,
      date: displayedDate(withdrawn.date, site.timeZone),
      reason: smartenText(withdrawn.reason, ''),
    };
  })
  .sort((a, b) => (a.slug < b.slug ? -1 : 1));

const visibleArticles: ArticleView[] = visibleEntries.map((entry) => {
  const data = entry.data;
  const body = renderingOf(entry.slug, entry.bodyHash);
  // The validator has checked that the section and every author exist.
  const section = sectionById.get(data.section)!;
  const url = sitePath(articlePath(entry.slug));
  const selfUrl = absoluteUrl(url, site.url);
  const modified = substantiveUpdate(data.updated, data.corrections);
  return {
    slug: entry.slug,
    url,
    absoluteUrl: selfUrl,
    canonicalUrl: canonicalUrl({ selfUrl, canonical: data.canonical, republished: data.republished }, site.republishing.canonical),
    ...(modified ? { modified } : {}),
    // Headlines and deks get the same typographic quotes and dashes as bodies.
    title: smartenText(data.title, ''),
    dek: smartenText(data.dek, ''),
    type: data.type,
    kicker: kickerLabel(data.type, section),
    section,
    sectionLabel: sectionLabel(section),
    authors: data.authors.map((id) => authorById.get(id)!),
    published: data.published,
    ...(data.updated ? { updated: data.updated } : {}),
    dates: {
      published: displayedDate(data.published, site.timeZone),
      ...(data.updated ? { updated: displayedDate(data.updated, site.timeZone) } : {}),
    },
    draft: data.draft,
    ...(data.hero && entry.hero ? { hero: { image: entry.hero, alt: data.hero.alt, ...(data.hero.caption ? { caption: data.hero.caption } : {}), credit: data.hero.credit } } : {}),
    ...(data.republished ? { republished: data.republished } : {}),
    ...(data.canonical ? { canonical: data.canonical } : {}),
    tags: data.tags,
    corrections: data.corrections.map((correction) => ({ ...correction, displayed: displayedDate(correction.date, site.timeZone) })),
    previousSlugs: data.previousSlugs,
    excerpt: body.excerpt,
    wordCount: body.wordCount,
    bodyHash: entry.bodyHash,
    hiddenLinks: hiddenLinkTargets.size === 0 ? [] : body.siteLinkTargets.filter((target) => hiddenLinkTargets.has(target)),
    frameOrigins: body.frameOrigins,
  };
});

// --- series: numbered over the parts readers can see (src/lib/content/series.ts) ------------
const editorsPart = new Map(visibleEntries.filter((entry) => entry.data.series).map((entry) => [entry.slug, entry.data.series!]));

/** Every series with at least one part readers can see, by id; its page lists those parts. */
export const seriesList: SeriesView[] = seriesEntries
  .map((entry) => {
    const url = sitePath(seriesPath(entry.id));
    const members = visibleArticles.filter((article) => editorsPart.get(article.slug)?.id === entry.id);
    const parts = readerParts(members, (article) => editorsPart.get(article.slug)!.part, (article) => article.slug);
    return {
      id: entry.id,
      title: smartenText(entry.data.title, ''),
      description: smartenText(entry.data.description, ''),
      url,
      absoluteUrl: absoluteUrl(url, site.url),
      parts: parts.map((part) => ({ number: part.number, article: part.item })),
    };
  })
  .filter((series) => series.parts.length > 0)
  .sort((a, b) => (a.id < b.id ? -1 : 1));

for (const series of seriesList) {
  const parts = series.parts.map((part) => ({ item: part.article, number: part.number }));
  const neighbour = (article: ArticleView | undefined): SeriesNeighbour | undefined => {
    const part = article && parts.find((candidate) => candidate.item === article);
    return part ? { url: part.item.url, title: part.item.title, number: part.number } : undefined;
  };
  for (const { article } of series.parts) {
    const placement = placementOf(parts, article)!;
    const previous = neighbour(placement.previous);
    const next = neighbour(placement.next);
    article.series = {
      id: series.id,
      title: series.title,
      url: series.url,
      absoluteUrl: series.absoluteUrl,
      number: placement.number,
      of: placement.of,
      label: partLabel(placement.number, placement.of),
      ...(previous ? { previous } : {}),
      ...(next ? { next } : {}),
    };
  }
}

/** A piece's body as readers get it: links to pieces they cannot see become text. */
export function articleBodyHtml(article: ArticleView): string {
  const html = renderCache.html(article.bodyHash);
  return article.hiddenLinks.length === 0 ? html : unlinkSiteLinks(html, new Set(article.hiddenLinks), siteHost, base);
}

/** Every article readers may see, newest first. */
export const articles: ArticleView[] = visibleArticles.sort(compareNewestFirst);

/** Former slugs (previousSlugs) and where each now leads: the article, or the notice of a withdrawn one. */
export const formerAddresses: { slug: string; to: { url: string; title: string } }[] = [...articles, ...withdrawals].flatMap((piece) =>
  piece.previousSlugs.map((slug) => ({ slug, to: { url: piece.url, title: piece.title } })),
);

function groupBy(keysOf: (article: ArticleView) => string[]): Map<string, ArticleView[]> {
  const groups = new Map<string, ArticleView[]>();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(article);
    }
  }
  return groups;
}

const bySection = groupBy((article) => [article.section.id]);
const byAuthor = groupBy((article) => article.authors.map((author) => author.id));

const byTag = groupBy((article) => article.tags);

/** Every tag with its articles, newest first, tags in alphabetical order. */
export function articlesByTag(): Map<string, ArticleView[]> {
  return new Map([...byTag.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A section's articles, newest first. */
export function articlesInSection(sectionId: string): ArticleView[] {
  return bySection.get(sectionId) ?? [];
}

/** An author's articles, newest first. */
export function articlesByAuthor(authorId: string): ArticleView[] {
  return byAuthor.get(authorId) ?? [];
}

export function isUnpublished(article: ArticleView): boolean {
  return !isPublic(article, now);
}

// --- related stories: ranked once per build over what readers can see -------------
const articleBySlug = new Map(articles.map((article) => [article.slug, article]));
const entryBySlug = new Map(visibleEntries.map((entry) => [entry.slug, entry.data]));

/** What ranking a piece starts from: its frontmatter as written and its body's hash. */
function rankingInputOf(article: ArticleView): RankingInput {
  const { title, dek } = entryBySlug.get(article.slug)!;
  return { slug: article.slug, section: article.section.id, tags: article.tags, published: article.published, title, dek, bodyHash: article.bodyHash };
}

const rankingInputs = articles.map(rankingInputOf);
/** Each piece's key among the kept documents: what its document is made of. */
let rankingKeysMemo: string[] | undefined;
const rankingKeys = () => (rankingKeysMemo ??= rankingInputs.map((input) => JSON.stringify(input)));

/** Ranking documents made compact with one vocabulary (src/lib/related/ranking.ts), by key. */
interface KeptRanking {
  vocabulary: TermVocabulary;
  documents: Map<string, CompactDocument>;
}
const keptRanking = (): KeptRanking => ({ vocabulary: new TermVocabulary(), documents: new Map() });
/** The preview keeps the documents, and their vocabulary, while what each is made of is unchanged. */
const previewRanking = devServer ? previewKept('ranking', keptRanking) : undefined;

/** Every piece's ranking document, the bodies' words read from the ranking words file when many are needed. */
function rankingSource(): { vocabulary: TermVocabulary; documents: CompactDocument[] } {
  const { vocabulary, documents } = previewRanking ?? keptRanking();
  const keys = rankingKeys();
  const inputOf = new Map(keys.map((key, position) => [key, rankingInputs[position]!]));
  const compact = (key: string, bodyTerms: CachedRender['bodyTerms']) => vocabulary.compact(relatedDocument(inputOf.get(key)!, bodyTerms));
  keepValues(documents, keys, {
    one: (key) => compact(key, readRendering(inputOf.get(key)!.slug, inputOf.get(key)!.bodyHash).bodyTerms),
    many: (keys, found) => {
      const byBody = Map.groupBy(keys, (key) => inputOf.get(key)!.bodyHash);
      renderCache.eachBodyTerms(byBody.keys(), (hash, bodyTerms) => {
        for (const key of byBody.get(hash)!) found(key, compact(key, bodyTerms));
      });
    },
  });
  return { vocabulary, documents: keys.map((key) => documents.get(key)!) };
}
let relatedIndexMemo: RelatedIndex | undefined;
const relatedIndex = () => (relatedIndexMemo ??= new RelatedIndex(rankingSource()));

/**
 * Content sync starts ranking every piece on a worker thread (src/lib/related/ranked-apart.ts):
 * in a build, taken when it was made from these very pieces; in the preview, for its first page,
 * with the documents, which the preview keeps to rank the pieces it is asked for after a save.
 */
const rankedOnWorker = rankedApart(rankingInputs);
if (previewRanking && rankedOnWorker?.compact) {
  const { terms, documents } = rankedOnWorker.compact;
  previewRanking.vocabulary = TermVocabulary.of(terms);
  previewRanking.documents = new Map(rankingKeys().map((key, position) => [key, documents[position]!]));
}
const relatedMatches = rankedOnWorker?.matches ?? (devServer ? undefined : relatedIndex().all());
bodySummaries = undefined;

/** What an article page shows under the piece: its related stories, and the section's pieces that fill a thin rail. */
export interface RelatedRails {
  /** Up to six related stories, best first. */
  related: ArticleView[];
  /** When fewer than three are related: the section's latest pieces as of the article, under "More from <section>". */
  moreFromSection: ArticleView[];
  /** The heading of `moreFromSection`. */
  moreFromSectionHeading: string;
}

export function relatedTo(article: ArticleView): RelatedRails {
  const matches = (relatedMatches ? relatedMatches.get(article.slug) : relatedIndex().for(article.slug)) ?? [];
  const piecesOf = (reason: RelatedMatch['reason']) => matches.filter((match) => match.reason === reason).map((match) => articleBySlug.get(match.slug)!);
  return { related: piecesOf('similar'), moreFromSection: piecesOf('section'), moreFromSectionHeading: moreFromSectionHeading(article.sectionLabel) };
}

/** The year of the newest piece, for the copyright line: the same content gives the same pages, whatever the clock. */
export const copyrightYear = articles[0] ? localDateKey(articles[0].published, site.timeZone).slice(0, 4) : '';

/** An article as a line of a headline list. */
export function headlineOf(article: ArticleView): Headline {
  return { url: article.url, title: article.title, sectionLabel: article.sectionLabel, published: article.dates.published };
}
