/**
 * The editors' contract, part one: the field builders every schema shares
 * (text, web addresses, photo paths, dates, ids, tags), each with the message an
 * editor sees when a value is wrong, and the metadata forms read (`field()`).
 * Plain zod (no Astro imports) so the validator CLI and the tests use exactly
 * what the build uses; `src/content.config.ts` swaps in Astro's `reference()`
 * through the options of the schema factories (`SchemaOptions`).
 */
import { z } from 'zod';
import { parseEditorialDate } from '../../dates.ts';
import { SLUG_PATTERN, slugProblem } from '../../urls.ts';

export type AnySchema = z.ZodType;

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
export function groupError(fields: string) {
  return (issue: { code?: string; input?: unknown }) => {
    if (issue.code !== 'invalid_type') return undefined;
    return issue.input === undefined
      ? `missing; give the fields ${fields}`
      : `must be a group of fields (${fields}), not ${describe(issue.input)}`;
  };
}

export function describe(value: unknown): string {
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

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
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

export type PlainId = ReturnType<typeof slugId>;

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

export type Photo = z.output<ReturnType<typeof photoSchema>>;
