/**
 * Models of how two hosts read a `_headers` file, to check what each would
 * actually send for a path. Written from reading their sources:
 *
 * - Cloudflare Pages / Workers static assets (workers-sdk, asset-worker
 *   `utils/headers.ts` and `utils/rules-engine.ts`): every matching rule
 *   applies in file order; `! Name` deletes the header, a name already set by
 *   an earlier rule is appended (sent as one comma-joined value), otherwise
 *   set. `*` is `.*`, `:name` one segment, anchored both ends.
 * - Netlify (netlify/build `headers-parser`: `line_parser.ts`,
 *   `for_regexp.ts`; CLI `headersForPath`): a line without `:` is skipped,
 *   so `! Name` is ignored; a standalone `*` segment is optional, a trailing
 *   slash is optional, matching ignores case; the later matching rule's value
 *   of a header replaces the earlier one.
 */

export interface ParsedRule {
  pattern: string;
  unset: string[];
  set: [string, string][];
}

/** Parses a `_headers` file: unindented lines are patterns, indented ones `Name: value` or `! Name`. */
export function parseHeadersFile(text: string): ParsedRule[] {
  const rules: ParsedRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), unset: [], set: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`header before any path: ${line}`);
    const trimmed = line.trim();
    if (trimmed.startsWith('!')) {
      rule.unset.push(trimmed.slice(1).trim());
      continue;
    }
    const colon = trimmed.indexOf(':');
    if (colon <= 0) throw new Error(`not a header line: ${line}`);
    rule.set.push([trimmed.slice(0, colon).trim(), trimmed.slice(colon + 1).trim()]);
  }
  return rules;
}

// '-' stays as it is: outside a character class it is literal, and the Unicode flag of netlifyRegExp refuses "\-".
const escape = (text: string) => text.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');

function cloudflareRegExp(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => escape(part).replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

function netlifyRegExp(pattern: string): RegExp {
  const parts = pattern
    .split('/')
    .map((part) => part.trimEnd())
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith(':')) return '([^/]+)';
      if (part === '*') return '?(.*)';
      if (part.includes('*')) return part.replaceAll('*', '(.*)');
      return escape(part);
    });
  return new RegExp(`^/${parts.join('/')}/?$`, 'iu');
}

/** Header names lowercased, as both hosts treat them. */
export type ResolvedHeaders = Record<string, string>;

export function cloudflareHeaders(rules: readonly ParsedRule[], path: string): ResolvedHeaders {
  const headers = new Map<string, string[]>();
  const setByRules = new Set<string>();
  for (const rule of rules) {
    if (!cloudflareRegExp(rule.pattern).test(path)) continue;
    for (const name of rule.unset) headers.delete(name.toLowerCase());
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      if (setByRules.has(key)) headers.set(key, [...(headers.get(key) ?? []), value]);
      else {
        headers.set(key, [value]);
        setByRules.add(key);
      }
    }
  }
  return Object.fromEntries([...headers].map(([name, values]) => [name, values.join(', ')]));
}

export function netlifyHeaders(rules: readonly ParsedRule[], path: string): ResolvedHeaders {
  const headers: ResolvedHeaders = {};
  for (const rule of rules) {
    if (!netlifyRegExp(rule.pattern).test(path)) continue;
    const values: ResolvedHeaders = {};
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      values[key] = values[key] === undefined ? value : `${values[key]}, ${value}`;
    }
    Object.assign(headers, values);
  }
  return headers;
}

/** The URL paths a site file is requested at: `a/index.html` also as `/a/`. */
export function requestPaths(sitePath: string): string[] {
  const file = `/${sitePath}`;
  if (sitePath === 'index.html') return [file, '/'];
  if (sitePath.endsWith('/index.html')) return [file, file.slice(0, -'index.html'.length)];
  return [file];
}
