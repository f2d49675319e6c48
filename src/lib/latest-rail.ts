/** The LATEST rail beside an article (src/scripts/latest-rail.ts): how many headlines it shows. No imports, so the page script stays tiny. */
export const LATEST_RAIL_SHOWN = 6;
