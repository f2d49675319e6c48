/**
 * The search page's logic that needs no browser: reading the query from the
 * address, turning Pagefind's excerpt into safe pieces, and the wording of the
 * result count. The page script (src/browser/search-page.ts) does only DOM work.
 */

/** The form field and address parameter that carry the query (`/search/?q=...`). */
export const QUERY_PARAMETER = 'q';

/** How long the reader may pause between keystrokes before a search runs. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Results shown at once; "Show more results" reveals the next batch. */
export const RESULTS_PER_BATCH = 20;

/** A query as Pagefind should see it: trimmed, with runs of spaces made one. */
export function normalizeQuery(raw: string | null | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}

/** The query in an address's search string (`?q=...`), normalized; '' when absent. */
export function queryFromSearch(search: string): string {
  return normalizeQuery(new URLSearchParams(search).get(QUERY_PARAMETER));
}

/**
 * The address of the search page for `query`, keeping the path and any other
 * parameters and the fragment: written back to the address bar as the reader
 * types, so a search can be bookmarked, shared and restored with Back.
 */
export function searchHref(current: string, query: string): string {
  const url = new URL(current, 'http://localhost');
  const normalized = normalizeQuery(query);
  if (normalized) url.searchParams.set(QUERY_PARAMETER, normalized);
  else url.searchParams.delete(QUERY_PARAMETER);
  return `${url.pathname}${url.search}${url.hash}`;
}

export interface ExcerptPiece {
  text: string;
  /** A matched word, shown in `<mark>`. */
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a Pagefind excerpt (escaped page text with matches wrapped in
 * `<mark>`) into plain-text pieces. The page builds text nodes and `<mark>`
 * elements from them and never assigns the excerpt as HTML, so nothing in an
 * article can become markup on the search page.
 */
export function excerptPieces(excerpt: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') marked = true;
    else if (tag === '</mark>') marked = false;
    else if (part) {
      const text = decodeEntities(part);
      const previous = pieces.at(-1);
      if (previous && previous.marked === marked) previous.text += text;
      else pieces.push({ text, marked });
    }
  }
  return pieces;
}

/** The sentence announced (politely) after each search. */
export function resultCountMessage(count: number, query: string): string {
  const quoted = `“${normalizeQuery(query)}”`;
  if (count === 0) return `No results for ${quoted}.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for ${quoted}.`;
}
