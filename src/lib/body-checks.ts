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
 * What any unsafe link needs somewhere in the body: a dangerous scheme's name, an
 * entity, or "//" not right after a scheme's colon. Ordinary https:// links
 * pass it, so most bodies skip the full scan (a tenth of validation time).
 */
const MAYBE_UNSAFE = /(script|data|file)\s*(:|&)|&#|&[a-z]+;|(^|[^:])\/\//im;

export function findUnsafeBodyUrls(body: string): UnsafeUrl[] {
  if (!MAYBE_UNSAFE.test(body)) return [];
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
  SITE_LINK.lastIndex = 0;
  for (let match = SITE_LINK.exec(body); match; match = SITE_LINK.exec(body)) {
    const href = match[1]!;
    const offset = match.index + match[0].indexOf(href);
    const before = body.slice(0, offset);
    const firstSegment = decodeURIComponent(href.slice(1).split(/[/?#]/)[0] ?? '');
    links.push({ line: before.split('\n').length, column: offset - before.lastIndexOf('\n'), firstSegment, href });
  }
  return links;
}
