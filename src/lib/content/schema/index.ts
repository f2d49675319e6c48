/**
 * The editors' contract: every field an editor may write, with the message they
 * see when it is wrong, one file per schema (article, series, author, section,
 * page, site) over the shared field builders of fields.ts. Plain zod (no Astro
 * imports) so the validator CLI and the tests use exactly what the build uses;
 * `src/content.config.ts` swaps in Astro's `reference()` through the options of
 * these factories. JSDoc on each field is what editors' tools show.
 */
export * from './fields.ts';
export * from './article.ts';
export * from './series.ts';
export * from './author.ts';
export * from './section.ts';
export * from './page.ts';
export * from './site.ts';
export * from './article-rules.ts';
