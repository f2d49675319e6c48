/** The LATEST rail beside an article (src/browser/latest-rail-loader.ts): how many headlines it shows. No imports, so the page script stays tiny. */
export const LATEST_RAIL_SHOWN = 6;
