/**
 * The search page's only script (the one page that ships JavaScript). The
 * page is a plain GET form; this module runs the query from `?q=` on load and
 * again as the reader types, with Pagefind's browser API loaded on demand
 * from the index the build wrote. Results are built as DOM nodes, never as
 * HTML strings, and styled by class only: the page's Content-Security-Policy
 * allows no inline script or style.
 */
import {
  RESULTS_PER_BATCH,
  SEARCH_DEBOUNCE_MS,
  excerptPieces,
  normalizeQuery,
  queryFromSearch,
  resultCountMessage,
  searchHref,
} from '../lib/search/results.ts';
import type { ShardList } from '../lib/search/shards.ts';

/** The part of Pagefind's browser API this page uses (pagefind_web_js/types). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Partial<Record<string, string>>;
}
interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface Pagefind {
  options(options: { excerptLength?: number }): Promise<void>;
  search(term: string): Promise<PagefindResponse | null>;
  /** Resolves to null when a later call supersedes this one. */
  debouncedSearch(term: string, options?: object, timeoutMs?: number): Promise<PagefindResponse | null>;
  mergeIndex(basePath: string): Promise<void>;
}

// A variable rather than a literal: the bundle is written after Astro has
// bundled this script, so the bundler must leave this import to the browser.
// Under the base path the site is served from (Astro's `base`, e.g. /pr-12/ for a preview).
const PAGEFIND_BUNDLE = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
/** The older years' shards of the index (src/lib/search/shards.ts), merged into the newest. */
const SHARD_LIST = `${import.meta.env.BASE_URL}pagefind/shards.json`;
const UNAVAILABLE = 'Search is not available right now. Please try again later, or browse the latest articles.';

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-query');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');

let loading: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  loading ??= Promise.all([import(/* @vite-ignore */ PAGEFIND_BUNDLE) as Promise<Pagefind>, fetch(SHARD_LIST).then((response) => response.json() as Promise<ShardList>)]).then(
    async ([pagefind, shards]) => {
      await pagefind.options({ excerptLength: 30 });
      await Promise.all(shards.archive.map((basePath) => pagefind.mergeIndex(basePath)));
      return pagefind;
    },
  );
  return loading;
}

/** Bumped by every search; an answer that arrives after a newer search started is dropped. */
let generation = 0;
/** Results of the current search not shown yet. */
let remaining: PagefindResult[] = [];

if (form && input && status && list && more) {
  const elements = { input, status, list, more };
  const initial = queryFromSearch(location.search);
  if (initial) {
    input.value = initial;
    void search(elements, initial, false);
  }
  input.addEventListener('input', () => void search(elements, input.value, true));
  // Fetch the index while the reader is still typing the first word.
  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(elements, input.value, false);
  });
  more.addEventListener('click', async () => {
    const first = await showMore(elements, generation);
    // Keyboard and screen-reader users continue from the first new result.
    first?.querySelector('a')?.focus();
  });
}

interface Elements {
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

async function search(elements: Elements, raw: string, debounce: boolean): Promise<void> {
  const query = normalizeQuery(raw);
  const mine = ++generation;
  history.replaceState(history.state, '', searchHref(location.href, query));
  if (!query) {
    remaining = [];
    elements.list.replaceChildren();
    elements.more.hidden = true;
    elements.status.textContent = '';
    return;
  }
  let response: PagefindResponse | null;
  try {
    const pagefind = await loadPagefind();
    response = debounce ? await pagefind.debouncedSearch(query, {}, SEARCH_DEBOUNCE_MS) : await pagefind.search(query);
  } catch {
    if (mine === generation) elements.status.textContent = UNAVAILABLE;
    return;
  }
  if (!response || mine !== generation) return;
  const count = response.results.length;
  remaining = [...response.results];
  elements.list.replaceChildren();
  await showMore(elements, mine);
  if (mine === generation) elements.status.textContent = resultCountMessage(count, query);
}

/** Shows the next batch of results; returns the first new item. */
async function showMore(elements: Elements, mine: number): Promise<HTMLLIElement | undefined> {
  const batch = remaining.splice(0, RESULTS_PER_BATCH);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (mine !== generation) return undefined;
  const items = data.map(renderResult);
  elements.list.append(...items);
  elements.more.hidden = remaining.length === 0;
  return items[0];
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = element('li', 'search-result');
  const title = element('h2', 'search-result-title');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  item.append(title);

  const meta = element('p', 'search-result-meta');
  if (data.meta.section) meta.append(element('span', 'search-result-section', data.meta.section));
  if (data.meta.date) {
    const time = element('time', 'search-result-date', data.meta.date);
    if (data.meta.published) time.dateTime = data.meta.published;
    meta.append(time);
  }
  if (meta.childNodes.length > 0) item.append(meta);

  const excerpt = element('p', 'search-result-excerpt');
  for (const piece of excerptPieces(data.excerpt)) {
    excerpt.append(piece.marked ? element('mark', undefined, piece.text) : document.createTextNode(piece.text));
  }
  item.append(excerpt);
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
