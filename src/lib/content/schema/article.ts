/** Frontmatter of an article: its type, section, authors, dates, photo, credits, tags, corrections and series. */
import { z } from 'zod';
import { field, text, groupError, webUrl, editorialDate, slugId, oneOf, tag, photoSchema, type AnySchema, type PlainId, type SchemaOptions } from './fields.ts';
import { seriesPlacementSchema } from './series.ts';

export const ARTICLE_TYPES = ['analysis', 'opinion', 'news', 'reporting', 'interview', 'review', 'short-take'] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

/** The kicker label readers see for each type ("Analysis | Middle East"). */
export const ARTICLE_TYPE_LABELS: Record<ArticleType, string> = {
  analysis: 'Analysis',
  opinion: 'Opinion',
  news: 'News',
  reporting: 'Reporting',
  interview: 'Interview',
  review: 'Review',
  'short-take': 'Short take',
};

/** Frontmatter of an article in `content/articles/**\/<slug>.md`. */
export function articleSchema<Author extends AnySchema = PlainId, SectionRef extends AnySchema = PlainId>(options: SchemaOptions<Author, SectionRef>) {
  const { timeZone } = options;
  const authorRef = options.authorRef ?? ((() => slugId('author id', 'jane-doe')) as unknown as () => Author);
  const sectionRef = options.sectionRef ?? ((() => slugId('section id', 'middle-east')) as unknown as () => SectionRef);
  return z.strictObject({
    /** Headline. */
    title: text('write the headline', { max: 200 }).meta(field('Headline', 'the headline; under 110 characters reads best in feeds and search results')),
    /** One-sentence subtitle under the headline. */
    dek: text('write a one-sentence subtitle under the headline', { max: 400 }).meta(
      field('Dek', 'one sentence under the headline: what the piece argues or reveals; under 200 characters'),
    ),
    /** Kind of piece; decides the kicker label. */
    type: oneOf(ARTICLE_TYPES, 'article type').meta(field('Type', 'the kind of piece, shown in the kicker; short takes go in a short-takes brand')),
    /** Section id from content/sections.yaml. */
    section: sectionRef().meta(field('Section', 'where the piece belongs; short takes go in the short-takes brand', { kind: 'reference', collection: 'sections' })),
    /** One or more author ids from content/authors/. */
    authors: z
      .array(authorRef(), { error: 'must be a list of author ids, e.g. [jane-doe]' })
      .min(1, { error: 'is empty; name at least one author id, e.g. [jane-doe]' })
      .meta(field('Authors', 'one or more, in byline order', { kind: 'reference', collection: 'authors' })),
    /** Publication date-time; a bare date is read in the site's time zone. */
    published: editorialDate('give the publication date, e.g. 2026-10-14 or 2026-10-14T08:30:00-04:00', timeZone).meta(
      field('Published', 'date and time of publication; a future time schedules the piece'),
    ),
    /** Date of the last substantive update; never before `published`. */
    updated: editorialDate('give the update date, e.g. 2026-10-15T12:00:00-04:00', timeZone)
      .optional()
      .meta(field('Updated', 'date of the last substantive update, shown as "Updated"; never before Published')),
    /** Drafts are validated but never published. */
    draft: z.boolean({ error: 'must be true or false' }).default(false).meta(field('Draft', 'a draft is checked but never published')),
    /**
     * A piece taken down after publication: its address shows a short notice with
     * this date and public reason instead of the piece, and it leaves every list,
     * feed, sitemap and the search; links to it from other pieces show as text.
     */
    withdrawn: z
      .strictObject(
        {
          /** When the piece was withdrawn. */
          date: editorialDate('give the date of the withdrawal, e.g. 2026-11-02', timeZone, { precision: 'date' }).meta(field('Date', 'when the piece was withdrawn')),
          /** The reason readers are given, in a sentence or two. */
          reason: text('say in a sentence why the piece was withdrawn, e.g. "It relied on a document we could not verify."', { max: 400 }).meta(
            field('Reason', 'what readers are told, in a sentence or two'),
          ),
        },
        { error: groupError('date, reason') },
      )
      .optional()
      .meta(field('Withdrawn', 'only to take a published piece down: its address then shows a notice with the date and reason')),
    /** Top photo; required for every type except short takes. */
    hero: photoSchema().optional().meta(field('Top photo', 'required for every type except short takes')),
    /** For pieces that first appeared elsewhere. */
    republished: z
      .strictObject(
        {
          /** The outlet where the piece first appeared. */
          outlet: text('name the outlet where the piece first appeared, e.g. "The Harbor Quarterly"').meta(
            field('Outlet', 'where the piece first appeared, e.g. "The Harbor Quarterly"'),
          ),
          /** The original's address. */
          url: webUrl('give the address of the original').optional().meta(field('Original address', 'https:// address of the original')),
          /** The original author, when the credit names a person. */
          author: text('name the original author').optional().meta(field('Original author', 'when the credit names a person')),
        },
        { error: groupError('outlet, url, author') },
      )
      .optional()
      .meta(field('Republished', 'only for pieces that first appeared elsewhere')),
    /** The preferred address of this piece when it is not this site's own. */
    canonical: webUrl('give the full address of the preferred version')
      .optional()
      .meta(field('Canonical address', 'only when the rights holder asks: https:// address of the preferred version')),
    /** Topic tags, lowercase and hyphenated. */
    tags: z
      .array(tag(), { error: 'must be a list of tags, e.g. [energy, gulf]' })
      .max(12, { error: 'has more than 12 tags; keep the few that matter' })
      .default([])
      .meta(field('Tags', 'up to 12, lowercase words joined by hyphens, e.g. energy-security')),
    /** The series this piece is a part of (content/series.yaml), and which part. */
    series: seriesPlacementSchema()
      .optional()
      .meta(field('Series', 'only for a part of a series: the series id from content/series.yaml and the part number')),
    /** Corrections, oldest first; part of the record. */
    corrections: z
      .array(
        z.strictObject(
          {
            date: editorialDate('give the date of the correction, e.g. 2026-10-15', timeZone, { precision: 'date' }).meta(field('Date', 'when the correction was made')),
            text: text('say what was wrong and what is right now').meta(field('Correction', 'what was wrong and what is right now')),
          },
          { error: groupError('date, text') },
        ),
        { error: 'must be a list of corrections, each with date and text' },
      )
      .default([])
      .meta(field('Corrections', 'oldest first; part of the record, never deleted')),
    /** Former slugs of this article; they keep working as redirects. */
    previousSlugs: z
      .array(slugId('former slug', 'old-headline-words'), { error: 'must be a list of former slugs' })
      .default([])
      .meta(field('Former addresses', 'former slugs of this article, after a rename; they redirect here')),
  });
}

/** Fields an article may carry, for "did you mean" suggestions and the editors' guide. */
export type ArticleFrontmatter = z.output<ReturnType<typeof articleSchema<PlainId, PlainId>>>;
