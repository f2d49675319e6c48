/**
 * Where the body pipeline deliberately renders the spec examples differently,
 * and why. Every example that fails after normalising is listed here with its
 * categories; conformance.test.ts fails on an example missing from the list, on
 * a listed one that now passes, and on one whose categories changed, so the
 * list and docs/quality.md stay true.
 *
 * A category is either found by a rule (classify.ts: the example passes once
 * that step of the pipeline is removed, or its markup undone) or, where no rule
 * can tell, given here with its reason; such an example must fail with every
 * step removed, or it belongs to a rule.
 */
import type { Explanation } from './classify.ts';
import type { SpecName } from './spec-examples.ts';

type ListedOnly = 'protocol-autolinks' | 'tag-filter' | 'empty-comment';
export type Category = Explanation | ListedOnly;

export interface CategoryInfo {
  title: string;
  reason: string;
  /** How an example is put in this category: by removing a step, undoing markup, or by this list alone. */
  detection: 'step removed' | 'markup undone' | 'listed';
}

export const CATEGORIES: Record<Category, CategoryInfo> = {
  typography: {
    title: 'Typography',
    reason:
      'House style: `remark-typography.ts` sets curly quotes, apostrophes, en and em dashes and ellipses in prose (never in code). The examples use straight quotes and hyphens; a backslash-escaped quote is curled too, as the escape is resolved before typography runs.',
    detection: 'step removed',
  },
  'url-schemes': {
    title: 'URL schemes in lower case',
    reason: 'Schemes are case-insensitive but the sanitizer\'s allow-list is not, so `rehype-url-schemes.ts` writes them in lower case first (`MAILTO:` becomes `mailto:`); otherwise a link typed `HTTPS://…` would lose its `href`.',
    detection: 'step removed',
  },
  'external-links': {
    title: 'External-link attributes',
    reason: 'Links that leave the publication get `rel="noopener noreferrer"` (`rehype-external-links.ts`): the destination gets no handle on our page and no referrer.',
    detection: 'step removed',
  },
  sanitize: {
    title: 'Sanitized raw HTML and URLs',
    reason:
      'Markdown is untrusted: `rehype-sanitize` with GitHub\'s allow-list (plus `figure`, `figcaption`, `abbr`) removes scripts, styles, comments, unknown elements (`<Warning>`), attributes outside the list (`class`, `id`, `language`) and `href`s whose scheme is not http(s), mailto, irc(s) or xmpp. So made-up schemes (`a+b+c:d`, `localhost:5001/foo`) lose their `href`, and so does `foo):`, as the sanitizer reads any colon before `/`, `?` or `#` as the end of a scheme.',
    detection: 'step removed',
  },
  'raw-html': {
    title: 'Raw HTML rebuilt as HTML5, then sanitized',
    reason:
      '`rehype-raw-html.ts` parses raw HTML as a browser does, so that the sanitizer judges whole elements, not tag fragments: unclosed elements are closed, `<tbody>` is added, stray end tags go, `<?php … ?>` and `<![CDATA[…]]>` become comments (then removed), and content a browser would move out of a table is moved. Taking this step out takes sanitizing out too.',
    detection: 'step removed',
  },
  gfm: {
    title: 'GFM on (CommonMark examples)',
    reason: 'The pipeline reads CommonMark with GitHub\'s extensions, so in a CommonMark example a bare `https://…` address or `name@example.com` becomes a link (GFM extended autolinks).',
    detection: 'step removed',
  },
  'task-list-classes': {
    title: 'Task-list class names',
    reason: 'remark-rehype marks a task list `class="contains-task-list"` and its items `class="task-list-item"`, as github.com does; the spec\'s HTML has no classes.',
    detection: 'markup undone',
  },
  'protocol-autolinks': {
    title: '`mailto:` and `xmpp:` autolinks',
    reason:
      'Extended protocol autolinks (added to cmark-gfm in 2022) are implemented neither by Satteri nor by remark-gfm, so the address after the prefix is linked as a bare email address: `mailto:<a href="mailto:foo@bar.baz">foo@bar.baz</a>`, which still works, and `xmpp:<a href="mailto:foo@bar.baz">foo@bar.baz</a>`, which mails a chat address. Parser behaviour shared with remark-gfm, not patched here.',
    detection: 'listed',
  },
  'tag-filter': {
    title: 'GFM tag filter not applied',
    reason:
      'GFM shows `<title>`, `<textarea>`, `<style>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<script>` and `<plaintext>` as text; the pipeline removes them instead (sanitizing; `<script>` and `<style>` with their content). An unclosed one takes the text after it as its content, so the rest of its paragraph, and raw HTML after it, is lost or shown as text (see "Known problem").',
    detection: 'listed',
  },
  'empty-comment': {
    title: 'Empty comment the normaliser cannot read',
    reason:
      'The expected HTML holds `<!-->`, an empty comment in HTML5 that normalize.py\'s parser (Python\'s html.parser) takes for an unfinished one, so only a byte-identical rendering compares equal. Ours removes the comments (sanitizing) and sets `-->` as `—>` (typography).',
    detection: 'listed',
  },
};

export const EXPECTED_DEVIATIONS: Record<SpecName, Record<number, Category[]>> = {
  CommonMark: {
    12: ['typography'], // Backslash escapes
    14: ['typography'], // Backslash escapes
    20: ['external-links'], // Backslash escapes
    21: ['raw-html'], // Backslash escapes
    27: ['typography'], // Entity and numeric character references
    31: ['raw-html'], // Entity and numeric character references
    41: ['typography'], // Entity and numeric character references
    46: ['typography'], // Thematic breaks
    55: ['typography'], // Thematic breaks
    87: ['typography'], // Setext headings
    91: ['typography'], // Setext headings
    106: ['typography'], // Setext headings
    148: ['raw-html'], // HTML blocks
    149: ['raw-html'], // HTML blocks
    150: ['raw-html'], // HTML blocks
    151: ['raw-html'], // HTML blocks
    152: ['sanitize'], // HTML blocks
    153: ['sanitize'], // HTML blocks
    154: ['raw-html'], // HTML blocks
    155: ['raw-html'], // HTML blocks
    156: ['raw-html'], // HTML blocks
    157: ['raw-html'], // HTML blocks
    158: ['raw-html'], // HTML blocks
    160: ['raw-html'], // HTML blocks
    163: ['sanitize'], // HTML blocks
    164: ['sanitize'], // HTML blocks
    165: ['raw-html'], // HTML blocks
    169: ['sanitize'], // HTML blocks
    170: ['sanitize'], // HTML blocks
    171: ['sanitize'], // HTML blocks
    172: ['sanitize'], // HTML blocks
    173: ['raw-html'], // HTML blocks
    174: ['raw-html'], // HTML blocks
    175: ['raw-html'], // HTML blocks
    176: ['sanitize'], // HTML blocks
    177: ['sanitize'], // HTML blocks
    178: ['sanitize'], // HTML blocks
    179: ['sanitize'], // HTML blocks
    180: ['raw-html'], // HTML blocks
    181: ['raw-html'], // HTML blocks
    182: ['raw-html'], // HTML blocks
    183: ['sanitize'], // HTML blocks
    184: ['raw-html'], // HTML blocks
    187: ['raw-html'], // HTML blocks
    190: ['raw-html'], // HTML blocks
    191: ['raw-html'], // HTML blocks
    197: ['typography'], // Link reference definitions
    201: ['raw-html'], // Link reference definitions
    209: ['typography'], // Link reference definitions
    210: ['typography'], // Link reference definitions
    308: ['sanitize'], // Lists
    309: ['sanitize'], // Lists
    343: ['typography'], // Code spans
    344: ['raw-html'], // Code spans
    346: ['external-links'], // Code spans
    352: ['typography'], // Emphasis and strong emphasis
    359: ['typography'], // Emphasis and strong emphasis
    363: ['typography'], // Emphasis and strong emphasis
    380: ['typography'], // Emphasis and strong emphasis
    385: ['typography'], // Emphasis and strong emphasis
    395: ['typography'], // Emphasis and strong emphasis
    476: ['raw-html'], // Emphasis and strong emphasis
    477: ['raw-html'], // Emphasis and strong emphasis
    480: ['external-links'], // Emphasis and strong emphasis
    481: ['external-links'], // Emphasis and strong emphasis
    491: ['raw-html'], // Links
    494: ['raw-html'], // Links
    500: ['sanitize'], // Links
    501: ['external-links'], // Links
    508: ['typography'], // Links
    524: ['raw-html'], // Links
    526: ['external-links'], // Links
    536: ['raw-html'], // Links
    538: ['external-links'], // Links
    590: ['typography'], // Images
    594: ['external-links'], // Autolinks
    595: ['external-links'], // Autolinks
    597: ['url-schemes', 'sanitize'], // Autolinks
    598: ['sanitize'], // Autolinks
    599: ['sanitize'], // Autolinks
    600: ['external-links'], // Autolinks
    601: ['sanitize'], // Autolinks
    602: ['gfm'], // Autolinks
    603: ['external-links'], // Autolinks
    606: ['gfm'], // Autolinks
    608: ['gfm'], // Autolinks
    611: ['gfm'], // Autolinks
    612: ['gfm'], // Autolinks
    613: ['raw-html'], // Raw HTML
    614: ['raw-html'], // Raw HTML
    615: ['raw-html'], // Raw HTML
    616: ['raw-html'], // Raw HTML
    617: ['raw-html'], // Raw HTML
    619: ['typography'], // Raw HTML
    620: ['typography'], // Raw HTML
    622: ['typography'], // Raw HTML
    623: ['raw-html'], // Raw HTML
    624: ['typography'], // Raw HTML
    625: ['sanitize'], // Raw HTML
    626: ['empty-comment'], // Raw HTML
    627: ['raw-html'], // Raw HTML
    628: ['sanitize'], // Raw HTML
    629: ['raw-html'], // Raw HTML
    630: ['raw-html'], // Raw HTML
    631: ['raw-html'], // Raw HTML
    632: ['typography'], // Raw HTML
    642: ['raw-html'], // Hard line breaks
    643: ['raw-html'], // Hard line breaks
    650: ['typography'], // Textual content
  },
  GFM: {
    203: ['typography'], // Tables (extension)
    279: ['task-list-classes'], // Task list items (extension)
    280: ['task-list-classes'], // Task list items (extension)
    622: ['external-links'], // Autolinks (extension)
    623: ['external-links'], // Autolinks (extension)
    624: ['external-links'], // Autolinks (extension)
    625: ['external-links'], // Autolinks (extension)
    626: ['external-links'], // Autolinks (extension)
    627: ['external-links'], // Autolinks (extension)
    628: ['external-links'], // Autolinks (extension)
    629: ['external-links'], // Autolinks (extension)
    631: ['typography'], // Autolinks (extension)
    633: ['protocol-autolinks'], // Autolinks (extension)
    634: ['protocol-autolinks'], // Autolinks (extension)
    635: ['protocol-autolinks'], // Autolinks (extension)
    657: ['tag-filter'], // Disallowed Raw HTML (extension)
  },
};
