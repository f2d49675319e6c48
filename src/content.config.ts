/**
 * Collections. The schemas are the plain ones of src/lib/schema.ts (the
 * validator's), with Astro's `image()` and `reference()` swapped in, plus the
 * `derived` fields our loader computes.
 */
import { defineCollection, reference, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { articleSchema, authorSchema, pageSchema, sectionSchema, siteSchema } from './lib/schema.ts';
import { readSiteTimeZone } from './lib/site-file.ts';
import { broadsheetLoader } from './loaders/content-loader.ts';

export const CONTENT_DIR = process.env.BROADSHEET_CONTENT_DIR ?? 'content';
const timeZone = readSiteTimeZone(CONTENT_DIR);

/**
 * Astro calls a collection's schema function once per entry, to bind its
 * `image()` to the entry's file, and building our zod schema afresh costs ~1 ms:
 * 12 s at 10,000 articles (profiled). So each collection builds its schema
 * once; its photo fields delegate to the `image()` of the entry being parsed,
 * which Astro hands us right before it parses that entry, synchronously.
 */
function schemaBuiltOnce<T>(build: (image: SchemaContext['image']) => T): (context: SchemaContext) => T {
  let entryImage: ReturnType<SchemaContext['image']> | undefined;
  const delegatingImage = (() =>
    z.string().transform((value, context) => {
      const result = entryImage!.safeParse(value);
      if (!result.success) {
        for (const issue of result.error.issues) context.addIssue({ code: 'custom', message: issue.message });
        return z.NEVER;
      }
      return result.data;
    })) as unknown as SchemaContext['image'];
  let built: T | undefined;
  return ({ image }) => {
    entryImage = image();
    return (built ??= build(delegatingImage));
  };
}

const site = defineCollection({ loader: broadsheetLoader('site', CONTENT_DIR), schema: siteSchema() });

const sections = defineCollection({ loader: broadsheetLoader('sections', CONTENT_DIR), schema: sectionSchema() });

const authors = defineCollection({
  loader: broadsheetLoader('authors', CONTENT_DIR),
  schema: schemaBuiltOnce((image) =>
    authorSchema({ imageSrc: () => image() }).extend({
      derived: z.strictObject({ bioHtml: z.string() }),
    }),
  ),
});

/** Site pages (About, Masthead...): few and short, so their rendered HTML is kept in the store. */
const pages = defineCollection({
  loader: broadsheetLoader('pages', CONTENT_DIR),
  schema: pageSchema().extend({ derived: z.strictObject({ html: z.string() }) }),
});

const articles = defineCollection({
  loader: broadsheetLoader('articles', CONTENT_DIR),
  schema: schemaBuiltOnce((image) =>
    articleSchema({
      timeZone,
      imageSrc: () => image(),
      authorRef: () => reference('authors'),
      sectionRef: () => reference('sections'),
    }).extend({
      /**
       * Computed by the loader: the key of the rendered body in the render cache
       * (src/lib/render-cache.ts), which also holds its excerpt and ranking words.
       * Kept out of this store, which Astro serializes and bundles on every build.
       */
      derived: z.strictObject({ hash: z.string() }),
    }),
  ),
});

export const collections = { site, sections, authors, pages, articles };
