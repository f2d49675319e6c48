/**
 * Finds links in a Markdown body that could run code or hide their target.
 * The pipeline strips them anyway (rehype-sanitize); this tells the editor
 * where they are instead of letting them vanish silently.
 */

export interface UnsafeUrl {
  /** 1-based line within the body. */
  line: number;
  column: number;
  url: string;
  message: string;
}

// Inline links and images `](url`, reference definitions `[x]: url`, autolinks `<url>`, and raw HTML attributes.
const URL_SITES = [
  /\]\(\s*<?((?:[^\s()<>]|\([^\s()]*\))+)/g,
  /^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:\s|$)/gm,
  /<((?:[a-z][a-z0-9+.-]*:|\/\/)[^\s>]*)>/gi,
  /\b(?:href|src|action|formaction|xlink:href|poster|background)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi,
];

// Named references a browser would decode inside an attribute to smuggle a scheme past a naive check.
const NAMED_REFERENCES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', period: '.', nbsp: ' ' };

const UNSAFE = /^(?:javascript|vbscript|data|file):/i;

function classify(url: string): string | null {
  const decoded = url
    .replace(/&#x?[0-9a-f]+;?|&[a-z]+;/gi, (entity) => {
      if (!entity.startsWith('&#')) return NAMED_REFERENCES[entity.slice(1, -1).toLowerCase()] ?? entity;
      const code = /^&#x/i.test(entity) ? parseInt(entity.slice(3), 16) : parseInt(entity.slice(2), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/[\s\u0000-\u001f]/g, '');
  if (UNSAFE.test(decoded)) {
    return `link "${url.slice(0, 40)}" uses an unsafe scheme and would be removed; link to an https:// address instead`;
  }
  if (decoded.startsWith('//')) return `link "${url.slice(0, 60)}" has no scheme; write the full address, e.g. "https:${url}"`;
  return null;
}

/**
 * What any unsafe link needs somewhere in the body: a dangerous scheme's name
 * before a colon or an ampersand, an entity (which can spell either), or "//"
 * not right after a colon. Ordinary https:// links pass it, so most bodies skip
 * the full scan. Written as searches for single characters: one regular
 * expression for all of it read every character of every body, a tenth of
 * validation time.
 */
export function mayHoldUnsafeUrl(body: string): boolean {
  for (let at = body.indexOf('//'); at !== -1; at = body.indexOf('//', at + 1)) {
    if (at === 0 || body[at - 1] !== ':') return true;
  }
  for (let at = body.indexOf('&'); at !== -1; at = body.indexOf('&', at + 1)) {
    ENTITY_AT.lastIndex = at;
    if (ENTITY_AT.test(body) || followsSchemeName(body, at)) return true;
  }
  for (let at = body.indexOf(':'); at !== -1; at = body.indexOf(':', at + 1)) {
    if (followsSchemeName(body, at)) return true;
  }
  return false;
}

const ENTITY_AT = /&(?:#|[a-z]+;)/iy;
/** The end of a dangerous scheme's name (javascript, vbscript, data, file), in any case. */
const SCHEME_NAME_END = /(script|data|file)$/i;

/** Whether the name of a dangerous scheme, then perhaps spaces, comes right before `at`. */
function followsSchemeName(body: string, at: number): boolean {
  let end = at;
  while (end > 0 && /\s/.test(body[end - 1]!)) end--;
  return SCHEME_NAME_END.test(body.slice(Math.max(0, end - 6), end));
}

export function findUnsafeBodyUrls(body: string): UnsafeUrl[] {
  if (!mayHoldUnsafeUrl(body)) return [];
  const found = new Map<number, UnsafeUrl>();
  for (const pattern of URL_SITES) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
      const url = match[1] ?? match[2] ?? match[3] ?? '';
      const message = classify(url);
      if (!message) continue;
      const offset = match.index + match[0].indexOf(url);
      if (found.has(offset)) continue;
      const before = body.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      found.set(offset, { line, column, url, message });
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}

export interface InternalLink {
  line: number;
  column: number;
  /** The first path segment, e.g. "iran-sco" for "/iran-sco/#note". */
  firstSegment: string;
  href: string;
}

const SITE_LINK = /\]\(\s*<?(\/(?!\/)[^\s)>]*)/g;

/** Root-relative links in a Markdown body (`[text](/iran-sco/)`), for checking that they lead somewhere. */
export function findInternalLinks(body: string): InternalLink[] {
  if (!body.includes('](/')) return [];
  const links: InternalLink[] = [];
  // Lines are counted as the matches go, not from the start for each link: a long body can hold hundreds.
  let line = 1;
  let lineStart = 0;
  SITE_LINK.lastIndex = 0;
  for (let match = SITE_LINK.exec(body); match; match = SITE_LINK.exec(body)) {
    const href = match[1]!;
    const offset = match.index + match[0].indexOf(href);
    for (let end = body.indexOf('\n', lineStart); end !== -1 && end < offset; end = body.indexOf('\n', lineStart)) {
      line++;
      lineStart = end + 1;
    }
    links.push({ line, column: offset - lineStart + 1, firstSegment: firstPathSegment(href), href });
  }
  return links;
}

/** "iran-sco" for "/iran-sco/#note", decoded; as written when its escapes are broken (it then matches no slug, and the link is reported). */
function firstPathSegment(href: string): string {
  const segment = href.slice(1).split(/[/?#]/)[0] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export interface SwallowingTag {
  line: number;
  column: number;
  tag: string;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Elements whose content a browser reads as raw text up to their end tag. The
 * sanitizer removes them, content and all, so a closed one vanishes from the
 * page and an unclosed one takes the text after it along (`The <style> element.`
 * becomes "The").
 */
const RAW_TEXT_TAG = /<(title|textarea|xmp|iframe|noembed|noframes|noscript|style|script|plaintext)(?=[\s/>])/gi;

/** The body with code (fenced and indented blocks, inline spans) blanked out, offsets and line breaks kept: tags there are shown as text. */
export function withoutCode(body: string): string {
  if (!mayHoldCode(body)) return body;
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  const lines = body.split('\n');
  let fence: { char: string; length: number } | undefined;
  let previousBlank = true;
  let inIndentedCode = false;
  const kept = lines.map((line) => {
    if (fence) {
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (closing && closing[1]![0] === fence.char && closing[1]!.length >= fence.length) fence = undefined;
      return blank(line);
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opening) {
      fence = { char: opening[1]![0]!, length: opening[1]!.length };
      previousBlank = false;
      return blank(line);
    }
    const isBlank = line.trim() === '';
    inIndentedCode = !isBlank && /^( {4}|\t)/.test(line) && (previousBlank || inIndentedCode);
    previousBlank = isBlank;
    return inIndentedCode ? blank(line) : line;
  });
  return kept.join('\n').replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, blank);
}

/** Raw-text elements written in a body outside code, which the page would lose, with what they take along. */
export function findSwallowingTags(body: string): SwallowingTag[] {
  // Most bodies hold no tag at all; looking for "<" alone is far quicker than the pattern.
  if (!body.includes('<')) return [];
  RAW_TEXT_TAG.lastIndex = 0;
  if (!RAW_TEXT_TAG.test(body)) return [];
  const prose = withoutCode(body);
  const found: SwallowingTag[] = [];
  RAW_TEXT_TAG.lastIndex = 0;
  for (let match = RAW_TEXT_TAG.exec(prose); match; match = RAW_TEXT_TAG.exec(prose)) {
    const tag = match[1]!.toLowerCase();
    const before = prose.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    const closed = tag !== 'plaintext' && new RegExp(`</${tag}\\s*>`, 'i').test(prose.slice(match.index));
    const asText = `to show the tag as text, write it in backticks: \`<${tag}>\``;
    if (closed) {
      const instead = tag === 'iframe' ? 'link to the page it shows instead' : tag === 'script' || tag === 'style' ? 'remove it' : asText;
      found.push({ line, column, tag, severity: 'warning', message: `"<${tag}>" is removed from the page with everything up to "</${tag}>"; ${instead}` });
    } else {
      found.push({ line, column, tag, severity: 'error', message: `"<${tag}>" is never closed, so the text after it would be lost from the page; ${asText}` });
    }
  }
  return found;
}

/** Whether a body could hold code at all: a backtick, a tilde, or an indented line. */
function mayHoldCode(body: string): boolean {
  return body.includes('`') || body.includes('~') || body.includes('\n    ') || body.includes('\n\t') || body.startsWith('    ') || body.startsWith('\t');
}

export interface UnfinishedEnding {
  /** 1-based line within the body: the last line of the last paragraph. */
  line: number;
  /** The paragraph's last words, for the message. */
  tail: string;
}

/** A sentence's end: . ! ? … (or a CJK one), then any closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？‽]["'”’»›)\]]*$/u;

/**
 * A body whose last paragraph of prose stops mid-sentence, as when a paste or
 * an edit cut the end off. Bodies ending in a list, table, code, heading, image,
 * HTML, directive or rule are left alone, and so are footnote and link
 * definitions after the prose and a closing line set wholly in italics
 * ("*Additional reporting by ...*"), which pieces often end with.
 */
export function findUnfinishedEnding(body: string): UnfinishedEnding | null {
  const original = body.split('\n');
  const prose = withoutCode(body);
  const lines = prose === body ? original : prose.split('\n');
  let end = lines.length - 1;
  for (;;) {
    while (end >= 0 && original[end]!.trim() === '') end--;
    if (end < 0) return null;
    // Code: withoutCode blanked it, though the original has text there.
    if (lines[end]!.trim() === '') return null;
    let start = end;
    while (start > 0 && original[start - 1]!.trim() !== '') start--;
    const first = lines[start]!;
    // Footnote and link reference definitions follow the prose; look at what comes before them.
    if (/^ {0,3}\[[^\]]+\]:/.test(first)) {
      end = start - 1;
      continue;
    }
    // An indented continuation of a footnote definition.
    if (/^( {4}|\t)/.test(first) && start > 0 && isAfterFootnote(lines, start)) {
      end = start - 1;
      continue;
    }
    const block = lines.slice(start, end + 1);
    if (!isProse(block)) return null;
    const text = plainText(block.map((line) => line.replace(/^ {0,3}>[ \t]?/, '')).join(' '));
    if (text === '' || SENTENCE_END.test(text)) return null;
    const words = text.split(/\s+/);
    return { line: end + 1, tail: words.slice(-6).join(' ') };
  }
}

/** A paragraph (or a block quote of one), not a list, table, heading, image, HTML block, directive or rule. */
function isProse(block: readonly string[]): boolean {
  const first = block[0]!.replace(/^ {0,3}(> ?)*/, '');
  if (/^#{1,6}(\s|$)/.test(first)) return false;
  if (/^([-*+]|\d{1,9}[.)])(\s|$)/.test(first)) return false;
  if (/^\|/.test(first) || block.some((line) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line) && line.includes('|'))) return false;
  if (/^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$/.test(first)) return false;
  if (/^</.test(first) || /^:{2,}/.test(first) || /^:[a-z]/i.test(first)) return false;
  // A setext heading: text underlined with = or -.
  if (block.length > 1 && /^ {0,3}(=+|-+)\s*$/.test(block[block.length - 1]!)) return false;
  // A paragraph that is only images (a photo, perhaps linked).
  if (/^(\s*\[?!\[[^\]]*\]\([^)]*\)(\]\([^)]*\))?\s*)+$/.test(block.join(' '))) return false;
  // A closing note wholly in italics or bold: a sign-off, credit or disclosure line.
  if (/^\s*([*_]{1,3})[^*_][\s\S]*\1\s*$/.test(block.join(' '))) return false;
  return true;
}

/** Whether an indented block continues a footnote definition above it. */
function isAfterFootnote(lines: readonly string[], start: number): boolean {
  for (let index = start - 1; index >= 0; index--) {
    const line = lines[index]!;
    if (line.trim() === '' || /^( {4}|\t)/.test(line)) continue;
    return /^ {0,3}\[\^[^\]]+\]:/.test(line);
  }
  return false;
}

/** A paragraph's words as read: links as their text, no images, footnote marks, emphasis, inline HTML or hard breaks. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\\$/, '')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
