/**
 * The editors' contract: every field an editor may write, with the message they
 * see when it is wrong. Plain zod (no Astro imports) so the validator CLI and the
 * tests use exactly what the build uses; `src/content.config.ts` swaps in Astro's
 * `reference()` through the options of these factories.
 */
import { z } from 'zod';
import { parseEditorialDate, isValidTimeZone } from './dates.ts';
import { SLUG_PATTERN, slugProblem } from './urls.ts';

type AnySchema = z.ZodType;

/**
 * How a form asks for a value whose JSON Schema type alone does not say it: a
 * photo file, or the id of an entry of another collection (`npm run new` and
 * the CMS, src/lib/cms/, read it from the schema).
 */
export type FormInput = { kind: 'photo' } | { kind: 'reference'; collection: 'authors' | 'sections' };

/** What an editor sees of a field in forms (the CMS, `npm run new`): its label and a hint of what to write. */
export type FieldMeta = {
  title: string;
  description: string;
  input?: FormInput;
};

/** Label and hint of a field, kept on the schema so every form is generated from it (see src/lib/cms/). */
export function field(title: string, description: string, input?: FormInput): FieldMeta {
  return input ? { title, description, input } : { title, description };
}

/** JSON Schema's `format` of a field, for the forms generated from the schema. */
type FormatMeta = { format: 'date' | 'date-time' | 'uri' };

/** Non-empty text. `hint` says what to write; it ends every message about this field. */
export function text(hint: string, { max }: { max?: number } = {}) {
  let schema = z
    .string({
      error: (issue) => (issue.input === undefined ? `missing; ${hint}` : `must be text, not ${describe(issue.input)}; ${hint}`),
    })
    .trim()
    .min(1, { error: `is empty; ${hint}` });
  if (max) schema = schema.max(max, { error: `is longer than ${max} characters; shorten it` });
  return schema;
}

/** Wording for a group of fields given as something else; unknown keys are worded elsewhere. */
function groupError(fields: string) {
  return (issue: { code?: string; input?: unknown }) => {
    if (issue.code !== 'invalid_type') return undefined;
    return issue.input === undefined
      ? `missing; give the fields ${fields}`
      : `must be a group of fields (${fields}), not ${describe(issue.input)}`;
  };
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value} ${JSON.stringify(value)}`;
}

const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript|file):/i;

/** An absolute http(s) address. `javascript:`, `data:` and protocol-relative URLs never pass. */
export function webUrl(hint: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `missing; ${hint}` : `must be a web address, not ${describe(issue.input)}`),
    })
    .trim()
    .superRefine((value, ctx) => {
      const problem = urlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({ format: 'uri' } satisfies FormatMeta);
}

export function urlProblem(value: string): string | null {
  if (UNSAFE_SCHEME.test(value)) {
    return `"${value.slice(0, 60)}" uses an unsafe scheme; only https:// (or http://) web addresses are allowed`;
  }
  if (value.startsWith('//')) return `"${value}" has no scheme; write the full address, e.g. "https:${value}"`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a full web address; write it as https://example.org/page`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `"${value}" uses ${url.protocol}; only https:// (or http://) web addresses are allowed`;
  }
  if (url.username || url.password) return `"${value}" contains a user name or password; remove them`;
  return null;
}

export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif'];

/** A photo file path, relative to the Markdown file that names it. */
export function photoPath() {
  const hint = 'give the image file relative to this file, e.g. "../../images/harbour.jpg"';
  return text(hint)
    .superRefine((value, ctx) => {
      const problem = photoPathProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({ input: { kind: 'photo' } } satisfies Pick<FieldMeta, 'input'>);
}

export function photoPathProblem(value: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) {
    return `"${value}" is a URL; photos must be files in the repository, e.g. "../../images/harbour.jpg"`;
  }
  if (value.startsWith('/')) return `"${value}" is an absolute path; write it relative to this file, e.g. "../../images/harbour.jpg"`;
  if (value.includes('\\')) return `"${value}" uses backslashes; use "/" between folders`;
  if (/%[0-9a-f]{2}/i.test(value)) return `"${value}" contains an encoded character (%..); use the plain file name`;
  if (value.includes('\0')) return 'contains a NUL byte';
  const extension = value.split('.').pop()?.toLowerCase() ?? '';
  if (!PHOTO_EXTENSIONS.includes(extension)) {
    return `"${value}" is not a photo file; use one of .${PHOTO_EXTENSIONS.join(', .')}`;
  }
  return null;
}

/**
 * An editor's date: validated, and a bare date is read in the publication's
 * time zone. `precision` is what forms ask for: a day, or a moment; the
 * validator accepts either form whatever it is.
 */
export function editorialDate(hint: string, timeZone: string, { precision = 'date-time' }: { precision?: 'date' | 'date-time' } = {}) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `missing; ${hint}` : `must be a date written as text, not ${describe(issue.input)}; ${hint}`,
    })
    .transform((value, ctx) => {
      const result = parseEditorialDate(value, timeZone);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.reason });
        return z.NEVER;
      }
      return result.date;
    })
    .meta({ format: precision } satisfies FormatMeta);
}

export function slugId(what: string, example: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `missing; give the ${what}, e.g. "${example}"` : `must be the ${what} as text, e.g. "${example}"`,
    })
    .superRefine((value, ctx) => {
      const problem = slugProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

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

function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `missing; choose the ${what}: ${values.join(', ')}`
        : `${JSON.stringify(issue.input)} is not a known ${what}; choose one of ${values.join(', ')}`,
  });
}

const TAG_PATTERN = SLUG_PATTERN;

export function tag() {
  return z.string({ error: 'each tag must be text, e.g. "energy-security"' }).superRefine((value, ctx) => {
    if (!TAG_PATTERN.test(value) || value.length > 40) {
      const suggestion = value
        .toLowerCase()
        .trim()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a tag; tags are lowercase words joined by hyphens (at most 40 characters), e.g. "${suggestion || 'energy-security'}"`,
      });
    }
  });
}

type PlainId = ReturnType<typeof slugId>;

/** Options of the schema factories; the type parameters carry Astro's field types through when it swaps them in. */
export interface SchemaOptions<Author extends AnySchema = PlainId, SectionRef extends AnySchema = PlainId> {
  /** The publication's time zone: a bare date is read there. */
  timeZone: string;
  /** An author id; Astro's build passes `reference('authors')`. */
  authorRef?: () => Author;
  /** A section id; Astro's build passes `reference('sections')`. */
  sectionRef?: () => SectionRef;
}

/** A photo with everything a reader and a rights holder need. */
export function photoSchema() {
  return z.strictObject(
    {
      /** Image file, relative to the Markdown file. */
      src: photoPath().meta(field('Photo', 'the photo file: JPEG, PNG, WebP or AVIF')),
      /** What the photo shows, for readers who cannot see it. */
      alt: text('describe what the photo shows for readers who cannot see it', { max: 400 }).meta(
        field('Alt text', 'what the photo shows, for readers who cannot see it'),
      ),
      /** One sentence about the scene, shown under the photo. */
      caption: text('write one sentence about what the photo shows').optional().meta(field('Caption', 'one sentence about the scene, shown under the photo')),
      /** Photographer and agency. */
      credit: text('every photo needs a credit line, e.g. "Jane Doe/Reuters"', { max: 200 }).meta(
        field('Credit', 'photographer/agency, e.g. "Jane Doe/Reuters"'),
      ),
    },
    { error: groupError('src, alt, caption, credit') },
  );
}

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

/** `series: { id, part }` in an article: which series of content/series.yaml, and which part of it. */
export function seriesPlacementSchema() {
  const partHint = 'number the parts 1, 2, 3... in reading order, e.g. part: 2';
  return z.strictObject(
    {
      /** Id of a series in content/series.yaml. */
      id: slugId('series id from content/series.yaml', 'gulf-water').meta(field('Series id', 'the id of the series in content/series.yaml')),
      /** Position in the series: 1, 2, 3... */
      part: z
        .number({ error: (issue) => (issue.input === undefined ? `missing; ${partHint}` : `must be a whole number, not ${describe(issue.input)}; ${partHint}`) })
        .int({ error: `must be a whole number; ${partHint}` })
        .positive({ error: `must be 1 or more; ${partHint}` })
        .meta(field('Part', 'the part number: 1, 2, 3... in reading order')),
    },
    { error: groupError('id, part') },
  );
}

/** One series of `content/series.yaml`. */
export function seriesSchema() {
  return z.strictObject({
    /** Id that parts name and the address /series/<id>/. */
    id: slugId('series id', 'gulf-water').meta(field('Id', 'lowercase words joined by hyphens; the address /series/<id>/ and what parts name')),
    /** The series' title, e.g. "The Gulf's water wars". */
    title: text('write the series title, e.g. "Water and power in the Gulf"', { max: 120 }).meta(field('Title', 'shown on the series page and on each part')),
    /** One or two sentences for the series page, search results and feeds. */
    description: text('describe the series in a sentence or two', { max: 400 }).meta(field('Description', 'one or two sentences for the series page')),
  });
}

/** `content/series.yaml`: the series, each with id, title and description. Optional: a publication without series has no file. */
export function seriesListSchema() {
  return z.array(seriesSchema(), { error: 'must be a list of series, each with id, title and description' });
}

/** Frontmatter of an author profile in `content/authors/<id>.md`; the body is the bio. */
export function authorSchema() {
  return z.strictObject({
    /** Name as printed in bylines. */
    name: text('write the name as it appears in bylines', { max: 120 }).meta(field('Name', 'as printed in bylines')),
    /** Position or beat, e.g. "Senior fellow, Gulf security". */
    role: text('write a short role, e.g. "Contributing editor"', { max: 160 })
      .optional()
      .meta(field('Role', 'position or beat, e.g. "Senior fellow, Gulf security"')),
    /** Portrait. */
    photo: z
      .strictObject(
        {
          src: photoPath().meta(field('Portrait', 'the image file')),
          alt: text('describe the portrait, e.g. "Portrait of Jane Doe"', { max: 300 }).meta(field('Alt text', 'e.g. "Portrait of Jane Doe"')),
        },
        { error: groupError('src, alt') },
      )
      .optional()
      .meta(field('Photo', 'a portrait, optional')),
    /** Links shown on the author page. */
    links: z
      .array(
        z.strictObject(
          {
            label: text('name the link, e.g. "Website"', { max: 60 }).meta(field('Label', 'e.g. "Website"')),
            url: webUrl('give the full address').meta(field('Address', 'https:// address')),
          },
          { error: groupError('label, url') },
        ),
        { error: 'must be a list of links, each with label and url' },
      )
      .default([])
      .meta(field('Links', 'shown on the author page')),
  });
}

export const SECTION_KINDS = ['section', 'short-takes'] as const;

/** `content/sections.yaml`: the sections, in navigation order. */
export function sectionsSchema() {
  return z
    .array(sectionSchema(), { error: 'must be a list of sections, each with id, name and description' })
    .min(1, { error: 'is empty; list at least one section' });
}

/** One section of `content/sections.yaml`. */
export function sectionSchema() {
  return z.strictObject({
    /** Id used by articles and in the section's address. */
    id: slugId('section id', 'middle-east').meta(field('Id', 'lowercase words joined by hyphens; the address /<id>/ and what articles name')),
    /** Display name, e.g. "Middle East". */
    name: text('write the display name, e.g. "Middle East"', { max: 60 }).meta(field('Name', 'shown in navigation and kickers')),
    /** One or two sentences for the section page and feeds. */
    description: text('describe the section in a sentence').meta(field('Description', 'one or two sentences for the section page and feeds')),
    /** Regular section, or a brand of short takes with its own label. */
    kind: oneOf(SECTION_KINDS, 'section kind').default('section').meta(field('Kind', 'a regular section, or a brand of short takes')),
    /** The brand label shown instead of the type, e.g. "SIGNAL". */
    label: text('write the brand label, e.g. "SIGNAL"', { max: 40 })
      .optional()
      .meta(field('Brand label', 'short-takes brands only: the label shown instead of the type, e.g. "SIGNAL"')),
    /** Position in navigation; lower comes first, then file order. */
    order: z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .optional()
      .meta(field('Order', 'position in navigation; lower comes first, otherwise the order of the list')),
  });
}

/**
 * What a site page is to the publication. `masthead` and `standards` (the
 * corrections and ethics policy) are named in the publisher's structured data
 * (`masthead`; `publishingPrinciples`, `correctionsPolicy`, `ethicsPolicy`), so
 * each kind but `other` belongs to one page at most.
 */
export const PAGE_KINDS = ['about', 'masthead', 'contact', 'standards', 'privacy', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Frontmatter of a site page in `content/pages/<slug>.md`; the body is the page. */
export function pageSchema() {
  return z.strictObject({
    /** The page's heading and title. */
    title: text('write the page title, e.g. "About us"', { max: 120 }).meta(field('Title', 'the heading of the page, e.g. "About us"')),
    /** One sentence for search results and shared links. */
    description: text('describe the page in one sentence, for search results', { max: 300 }).meta(
      field('Description', 'one sentence for search results and shared links'),
    ),
    /** What the page is to the publication. */
    kind: oneOf(PAGE_KINDS, 'page kind')
      .default('other')
      .meta(field('Kind', 'masthead and standards (corrections and ethics policy) pages are named in the structured data search engines read')),
    /** Position among the footer's links; lower comes first, then the file name. */
    order: z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .optional()
      .meta(field('Order', 'position among the footer links; lower comes first')),
  });
}

export const SOCIAL_NETWORKS = [
  'x',
  'facebook',
  'youtube',
  'bluesky',
  'rss',
  'linkedin',
  'instagram',
  'mastodon',
  'threads',
  'telegram',
] as const;

/** A file in public/, written from the site root. */
function publicFile(what: string, example: string) {
  return z
    .string({ error: `missing; give ${what} file in public/, e.g. "${example}"` })
    .regex(/^\/[A-Za-z0-9._/-]+$/, { error: `must be a file in public/, written from the site root, e.g. "${example}"` })
    .refine((value) => !value.includes('..'), { error: 'must not contain ".."' });
}

/** `content/site.yaml`: the publication itself. */
export function siteSchema() {
  return z.strictObject({
    /** Publication name, shown in the header and feeds. */
    name: text('write the publication name', { max: 80 }),
    /** Short description for the home page and feeds. */
    description: text('describe the publication in one sentence', { max: 300 }),
    /** Base address of the published site. */
    url: webUrl('give the published address, e.g. "https://www.example.org"'),
    /** BCP 47 language tag. */
    language: z
      .string({ error: 'missing; give the language, e.g. "en" or "en-US"' })
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language tag, e.g. "en" or "en-US"' }),
    /** IANA time zone; bare dates in articles are read here. */
    timeZone: z
      .string({ error: 'missing; give an IANA time zone, e.g. "America/New_York"' })
      .refine(isValidTimeZone, { error: 'is not a known time zone; use an IANA name, e.g. "America/New_York" or "Europe/London"' }),
    /** Logo in public/, shown in the header. */
    logo: z.strictObject(
      {
        src: publicFile('the logo', '/logo.svg'),
        alt: text('write the text a screen reader reads for the logo, usually the publication name'),
      },
      { error: groupError('src, alt') },
    ),
    /**
     * Picture shown when a page without a photo is shared (home, sections,
     * authors): a PNG or JPEG in public/, ideally 1200×630.
     */
    shareImage: z
      .strictObject(
        {
          src: publicFile('the share image', '/share-card.png'),
          alt: text('describe the share image for readers who cannot see it'),
        },
        { error: groupError('src, alt') },
      )
      .optional(),
    /** How republished pieces declare their canonical address (see README, "Republished pieces"). */
    republishing: z
      .strictObject(
        {
          /**
           * `self`: this site's page is canonical and carries the credit line; a piece
           * whose rights holder asks for it sets `canonical:` in its frontmatter.
           * `original`: every republished piece with a `republished.url` is canonical
           * to the original (for publications whose agreements always ask for it).
           */
          canonical: z.enum(['self', 'original'], { error: 'must be "self" or "original"' }).default('self'),
        },
        { error: groupError('canonical') },
      )
      .default({ canonical: 'self' }),
    /** "Follow us on social" links, in display order. */
    social: z
      .array(
        z.strictObject({
          network: oneOf(SOCIAL_NETWORKS, 'social network'),
          url: webUrl('give the full address of the profile'),
          label: text('write the link text', { max: 40 }).optional(),
        }),
        { error: 'must be a list of { network, url }' },
      )
      .default([]),
    /** Newsletter box on every page; the form posts to the mailing-list provider. */
    newsletter: z.strictObject(
      {
        action: webUrl("give the mailing-list provider's form address"),
        pitch: text('write the one-line pitch under "Newsletter"', { max: 300 }),
        heading: text('write the box heading').default('Newsletter'),
        button: text('write the button label').default('Subscribe'),
        emailField: text('give the form field name the provider expects').default('email'),
        method: z.enum(['post', 'get'], { error: 'must be "post" or "get"' }).default('post'),
      },
      { error: groupError('action, pitch') },
    ),
    /**
     * The editors' CMS at /admin/ (README, "Editing in the browser"): the GitHub
     * repository it commits to and the branch the site is published from.
     * Without it, /admin/ edits only a checkout on the editor's own machine
     * (`npm run cms`).
     */
    cms: z
      .strictObject(
        {
          /** The repository, "owner/name". */
          repo: z
            .string({ error: 'missing; give the GitHub repository as "owner/name", e.g. "meridian-review/site"' })
            .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'must be a GitHub repository written "owner/name", e.g. "meridian-review/site"' }),
          /** The branch that is published; the CMS opens its pull requests against it. */
          branch: z
            .string({ error: 'must be a branch name, e.g. "main"' })
            .regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/, { error: 'must be a branch name, e.g. "main"' })
            .default('main'),
          /**
           * The OAuth server that signs editors in with GitHub (its base address);
           * without it, Netlify's, which serves sites hosted on Netlify.
           */
          authUrl: webUrl('give the address of the OAuth server, e.g. "https://cms-auth.example.workers.dev"').optional(),
        },
        { error: groupError('repo, branch, authUrl') },
      )
      .optional(),
    /** Copyright holder named in the footer. */
    copyright: text('name the copyright holder', { max: 120 }),
    /**
     * Strict-Transport-Security, sent with every response where the host reads
     * `_headers` (README, "Publishing"): browsers reach the site's host over
     * HTTPS only, for two years. `includeSubDomains` extends that to every
     * subdomain of the host, breaking any still served over plain HTTP;
     * `preload` also consents to browsers shipping the rule built in, which
     * anyone may request at hstspreload.org and takes months to undo, and
     * needs `includeSubDomains`. Both off unless set.
     */
    hsts: z
      .strictObject(
        {
          includeSubDomains: z.boolean({ error: 'must be true or false' }).default(false),
          preload: z.boolean({ error: 'must be true or false' }).default(false),
        },
        { error: groupError('includeSubDomains, preload') },
      )
      .superRefine((hsts, ctx) => {
        if (hsts.preload && !hsts.includeSubDomains) {
          ctx.addIssue({ code: 'custom', path: ['preload'], message: 'needs includeSubDomains: true; browsers preload a whole domain or nothing' });
        }
      })
      .default({ includeSubDomains: false, preload: false }),
  });
}

/** Fields an article may carry, for "did you mean" suggestions and the editors' guide. */
export type ArticleFrontmatter = z.output<ReturnType<typeof articleSchema<PlainId, PlainId>>>;
export type AuthorFrontmatter = z.output<ReturnType<typeof authorSchema>>;
export type Section = z.output<ReturnType<typeof sectionsSchema>>[number];
export type SiteConfig = z.output<ReturnType<typeof siteSchema>>;
export type Photo = z.output<ReturnType<typeof photoSchema>>;
export type PageFrontmatter = z.output<ReturnType<typeof pageSchema>>;
export type Series = z.output<ReturnType<typeof seriesSchema>>;
