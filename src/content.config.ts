/**
 * Collections. The schemas are the plain ones of src/lib/content/schema/ (the
 * validator's), with Astro's `reference()` swapped in, plus the `derived`
 * fields our loader computes. Photos stay paths: their renditions are ours
 * (src/lib/media/photos.ts), not Astro's image pipeline.
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { articleSchema, authorSchema, pageSchema, sectionSchema, seriesSchema, siteSchema } from './lib/content/schema/index.ts';
import { readSiteTimeZone } from './lib/content/site-file.ts';
import { broadsheetLoader } from './loaders/content-loader.ts';
import { contentDir } from './lib/build-settings.ts';

export const CONTENT_DIR = contentDir();
const timeZone = readSiteTimeZone(CONTENT_DIR);

const site = defineCollection({ loader: broadsheetLoader('site', CONTENT_DIR), schema: siteSchema() });

const sections = defineCollection({ loader: broadsheetLoader('sections', CONTENT_DIR), schema: sectionSchema() });

/** content/series.yaml, when there is one: parts name a series by id (`series: { id, part }`). */
const series = defineCollection({ loader: broadsheetLoader('series', CONTENT_DIR), schema: seriesSchema() });

/** What the loader read of a photo file (src/lib/media/photos.ts): renditions are named and sized from it. */
const photoFacts = () => z.strictObject({ name: z.string(), hash: z.string(), width: z.number(), height: z.number() });

const authors = defineCollection({
  loader: broadsheetLoader('authors', CONTENT_DIR),
  schema: authorSchema().extend({
    derived: z.strictObject({ bioHtml: z.string(), photo: photoFacts().optional() }),
  }),
});

/** Site pages (About, Masthead...): few and short, so their rendered HTML is kept in the store. */
const pages = defineCollection({
  loader: broadsheetLoader('pages', CONTENT_DIR),
  schema: pageSchema().extend({ derived: z.strictObject({ html: z.string(), frameOrigins: z.array(z.string()) }) }),
});

const articles = defineCollection({
  loader: broadsheetLoader('articles', CONTENT_DIR),
  schema: articleSchema({
    timeZone,
    authorRef: () => reference('authors'),
    sectionRef: () => reference('sections'),
  }).extend({
    /**
     * Computed by the loader: the key of the rendered body in the render cache
     * (src/lib/render-cache.ts), which also holds its excerpt and ranking words,
     * kept out of this store (Astro serializes and bundles it on every build);
     * and what it read of the top photo.
     */
    derived: z.strictObject({ hash: z.string(), hero: photoFacts().optional() }),
  }),
});

export const collections = { site, sections, series, authors, pages, articles };
