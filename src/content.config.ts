/**
 * Collections. The schemas are the plain ones of src/lib/content/schema/ (the
 * validator's), plus the `derived` fields our loader computes. Photos stay
 * paths: their renditions are ours (src/lib/media/photos.ts), not Astro's
 * image pipeline.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { authorSchema, pageSchema, sectionSchema, seriesSchema, siteSchema } from './lib/content/schema/index.ts';
import { broadsheetLoader } from './loaders/content-loader.ts';
import { contentDir } from './lib/build-settings.ts';

export const CONTENT_DIR = contentDir();

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

/**
 * The articles pass from the loader to the site's data module directly
 * (src/lib/content/archive-handover.ts): Astro's store would serialize, bundle
 * and parse them again on every build and every saved edit. The store keeps
 * one entry for them all, whose key changes with any piece.
 */
const archive = defineCollection({
  loader: broadsheetLoader('archive', CONTENT_DIR),
  schema: z.strictObject({ key: z.string(), pieces: z.number() }),
});

export const collections = { site, sections, series, authors, pages, archive };
