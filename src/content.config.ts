/**
 * Collections. The schemas are the plain ones of src/lib/schema.ts (the
 * validator's), with Astro's `image()` and `reference()` swapped in, plus the
 * `derived` fields our loader computes.
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { articleSchema, authorSchema, sectionSchema, siteSchema } from './lib/schema.ts';
import { readSiteTimeZone } from './lib/site-file.ts';
import { broadsheetLoader } from './loaders/content-loader.ts';

export const CONTENT_DIR = process.env.BROADSHEET_CONTENT_DIR ?? 'content';
const timeZone = readSiteTimeZone(CONTENT_DIR);

const site = defineCollection({ loader: broadsheetLoader('site', CONTENT_DIR), schema: siteSchema() });

const sections = defineCollection({ loader: broadsheetLoader('sections', CONTENT_DIR), schema: sectionSchema() });

const authors = defineCollection({
  loader: broadsheetLoader('authors', CONTENT_DIR),
  schema: ({ image }) =>
    authorSchema({ imageSrc: () => image() }).extend({
      derived: z.strictObject({ bioHtml: z.string() }),
    }),
});

const articles = defineCollection({
  loader: broadsheetLoader('articles', CONTENT_DIR),
  schema: ({ image }) =>
    articleSchema({
      timeZone,
      imageSrc: () => image(),
      authorRef: () => reference('authors'),
      sectionRef: () => reference('sections'),
    }).extend({
      /** Computed by the loader: where the rendered body is cached, and the teaser excerpt. */
      derived: z.strictObject({
        hash: z.string(),
        excerpt: z.array(z.string()),
        wordCount: z.number(),
        sourceFile: z.string(),
      }),
    }),
});

export const collections = { site, sections, authors, articles };
