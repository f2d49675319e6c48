/**
 * The CommonMark test suite's HTML normaliser (test/normalize.py of
 * commonmark-spec, the one spec_tests.py runs), ported from Python so that a
 * pass here means what it means upstream. normalize.py is a handler on Python's
 * html.parser.HTMLParser; its output depends on that tokenizer's quirks (how it
 * splits text at references, what it does with unfinished tags, which
 * references it knows), so this file ports the tokenizer too, as Python 3.11
 * has it, rather than using an HTML5 parser that would rebuild the tree and
 * hide differences. What it ignores, as upstream:
 *
 * - whitespace runs (collapsed to one space, except in <pre>), and whitespace
 *   next to block-level tags;
 * - attribute order and the case of tag and attribute names;
 * - `<br />` against `<br>`;
 * - how a character is written: references become the character, except
 *   `< > & "`, which are written as `&lt; &gt; &amp; &quot;`.
 *
 * Two more spellings are treated as equal by default, because the reference
 * renderer (cmark) never produces the other form and normalize.py therefore
 * never had to: `< > & "` written as plain characters in text (an HTML
 * serializer may leave `>` and `"` unescaped in text; normalize.py only turns
 * *references* into entities), and an empty attribute value (`disabled` against
 * `disabled=""`). `{ strict: true }` turns both off and gives normalize.py's
 * output exactly.
 */
import { decodeHTML } from 'entities';
import { characterEntitiesHtml4 } from 'character-entities-html4';

/** Python's `\s` for str patterns (str.isspace): JavaScript's lacks U+001C..U+001F and U+0085, and adds U+FEFF. */
const SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const S = `[${SPACE}]`;

// html.parser's regular expressions, `\s` spelled out as above; sticky ones stand for Python's pattern.match(string, pos).
const INTERESTING_NORMAL = /[&<]/g;
const INCOMPLETE = /&[a-zA-Z#]/y;
const ENTITYREF = /&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]/y;
const CHARREF = /&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]/y;
const STARTTAGOPEN = /<[a-zA-Z]/y;
const COMMENTCLOSE = new RegExp(`--${S}*>`, 'g');
const TAGFIND_TOLERANT = new RegExp(`([a-zA-Z][^\\t\\n\\r\\f />\\x00]*)(?:${S}|/(?!>))*`, 'y');
const ATTRFIND_TOLERANT = new RegExp(
  `((?<=['"${SPACE}/])[^${SPACE}/>][^${SPACE}/=>]*)(${S}*=+${S}*('[^']*'|"[^"]*"|(?!['"])[^>${SPACE}]*))?(?:${S}|/(?!>))*`,
  'y',
);
const LOCATESTARTTAGEND_TOLERANT = new RegExp(
  `<[a-zA-Z][^\\t\\n\\r\\f />\\x00]*` +
    `(?:[${SPACE}/]*(?:(?<=['"${SPACE}/])[^${SPACE}/>][^${SPACE}/=>]*(?:${S}*=+${S}*(?:'[^']*'|"[^"]*"|(?!['"])[^>${SPACE}]*)${S}*)?(?:${S}|/(?!>))*)*)?` +
    `${S}*`,
  'y',
);
const ENDTAGFIND = new RegExp(`</${S}*([a-zA-Z][-.a-zA-Z0-9:_]*)${S}*>`, 'y');
const DECLNAME = new RegExp(`[a-zA-Z][-_.a-zA-Z0-9]*${S}*`, 'y');
const MARKEDSECTIONCLOSE = new RegExp(`]${S}*]${S}*>`, 'g');
const MSMARKEDSECTIONCLOSE = new RegExp(`]${S}*>`, 'g');
const WHITESPACE_RUN = new RegExp(`${S}+`, 'g');
const LEADING_SPACE = new RegExp(`^${S}+`);
const TRAILING_SPACE = new RegExp(`${S}+$`);
/** normalize.py feeds the parser in chunks and copies CDATA sections through untouched. */
const CHUNK = /<!\[CDATA\[.*?\]\]>|<[^>]*>|[^<]+/g;

const CDATA_CONTENT_ELEMENTS = new Set(['script', 'style']);
const BLOCK_TAGS = new Set([
  'article', 'header', 'aside', 'hgroup', 'blockquote', 'hr', 'iframe', 'body', 'li', 'map', 'button', 'object', 'canvas',
  'ol', 'caption', 'output', 'col', 'p', 'colgroup', 'pre', 'dd', 'progress', 'div', 'section', 'dl', 'table', 'td', 'dt',
  'tbody', 'embed', 'textarea', 'fieldset', 'tfoot', 'figcaption', 'th', 'figure', 'thead', 'footer', 'tr', 'form', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'video', 'script', 'style',
]);
const ENTITY_OF: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

function matchAt(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}
function searchFrom(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}
const strip = (text: string) => text.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');

/** Python's html.escape(value, quote=True). */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

type Attribute = [name: string, value: string | null];
type Last = 'starttag' | 'endtag' | 'data' | 'comment' | 'decl' | 'pi' | 'ref';

class Normalizer {
  output = '';
  private rawdata = '';
  private cdataElement: string | null = null;
  private cdataEnd: RegExp | null = null;
  private last: Last = 'starttag';
  private lastTag = '';
  private inPre = false;

  private readonly strict: boolean;

  constructor(strict: boolean) {
    this.strict = strict;
  }

  feed(data: string) {
    this.rawdata += data;
    this.goahead(false);
  }

  close() {
    this.goahead(true);
  }

  /** HTMLParser.goahead with convert_charrefs off, as normalize.py sets it. */
  private goahead(end: boolean) {
    const raw = this.rawdata;
    const n = raw.length;
    let i = 0;
    while (i < n) {
      const interesting = searchFrom(this.cdataEnd ?? INTERESTING_NORMAL, raw, i);
      let j: number;
      if (interesting) j = interesting.index;
      else if (this.cdataElement) break;
      else j = n;
      if (i < j) this.handleData(raw.slice(i, j));
      i = j;
      if (i === n) break;
      if (raw.startsWith('<', i)) {
        let k: number;
        if (matchAt(STARTTAGOPEN, raw, i)) k = this.parseStartTag(i);
        else if (raw.startsWith('</', i)) k = this.parseEndTag(i);
        else if (raw.startsWith('<!--', i)) k = this.parseComment(i);
        else if (raw.startsWith('<?', i)) k = this.parseProcessingInstruction(i);
        else if (raw.startsWith('<!', i)) k = this.parseHtmlDeclaration(i);
        else if (i + 1 < n) {
          this.handleData('<');
          k = i + 1;
        } else break;
        if (k < 0) {
          if (!end) break;
          k = raw.indexOf('>', i + 1);
          if (k < 0) {
            k = raw.indexOf('<', i + 1);
            if (k < 0) k = i + 1;
          } else k += 1;
          this.handleData(raw.slice(i, k));
        }
        i = k;
      } else if (raw.startsWith('&#', i)) {
        const reference = matchAt(CHARREF, raw, i);
        if (reference) {
          this.handleCharref(reference[0].slice(2, -1));
          const k = i + reference[0].length;
          i = raw[k - 1] === ';' ? k : k - 1;
          continue;
        }
        if (raw.slice(i).includes(';')) {
          this.handleData(raw.slice(i, i + 2));
          i += 2;
        }
        break;
      } else {
        const reference = matchAt(ENTITYREF, raw, i);
        if (reference) {
          this.handleEntityref(reference[1]!);
          const k = i + reference[0].length;
          i = raw[k - 1] === ';' ? k : k - 1;
          continue;
        }
        const incomplete = matchAt(INCOMPLETE, raw, i);
        if (incomplete) {
          if (end && incomplete[0] === raw.slice(i)) i += 1;
          break;
        } else if (i + 1 < n) {
          this.handleData('&');
          i += 1;
        } else break;
      }
    }
    if (end && i < n && !this.cdataElement) {
      this.handleData(raw.slice(i, n));
      i = n;
    }
    this.rawdata = raw.slice(i);
  }

  private parseHtmlDeclaration(i: number): number {
    const raw = this.rawdata;
    if (raw.startsWith('<!--', i)) return this.parseComment(i);
    if (raw.startsWith('<![', i)) return this.parseMarkedSection(i);
    if (raw.slice(i, i + 9).toLowerCase() === '<!doctype') {
      const close = raw.indexOf('>', i + 9);
      if (close === -1) return -1;
      this.emitMarkup(`<!${raw.slice(i + 2, close)}>`, 'decl');
      return close + 1;
    }
    return this.parseBogusComment(i);
  }

  private parseBogusComment(i: number): number {
    const close = this.rawdata.indexOf('>', i + 2);
    if (close === -1) return -1;
    this.emitMarkup(`<!--${this.rawdata.slice(i + 2, close)}-->`, 'comment');
    return close + 1;
  }

  private parseProcessingInstruction(i: number): number {
    const close = this.rawdata.indexOf('>', i + 2);
    if (close === -1) return -1;
    this.emitMarkup(`<?${this.rawdata.slice(i + 2, close)}>`, 'pi');
    return close + 1;
  }

  private parseComment(i: number): number {
    const close = searchFrom(COMMENTCLOSE, this.rawdata, i + 4);
    if (!close) return -1;
    this.emitMarkup(`<!--${this.rawdata.slice(i + 4, close.index)}-->`, 'comment');
    return close.index + close[0].length;
  }

  private parseMarkedSection(i: number): number {
    const raw = this.rawdata;
    if (i + 3 === raw.length) return -1;
    const name = matchAt(DECLNAME, raw, i + 3);
    if (!name) throw new Error(`expected name token at ${JSON.stringify(raw.slice(i, i + 20))}`);
    if (i + 3 + name[0].length === raw.length) return -1;
    const keyword = strip(name[0]).toLowerCase();
    let close: RegExpExecArray | null;
    if (['temp', 'cdata', 'ignore', 'include', 'rcdata'].includes(keyword)) close = searchFrom(MARKEDSECTIONCLOSE, raw, i + 3);
    else if (['if', 'else', 'endif'].includes(keyword)) close = searchFrom(MSMARKEDSECTIONCLOSE, raw, i + 3);
    else throw new Error(`unknown status keyword ${JSON.stringify(keyword)} in marked section`);
    if (!close) return -1;
    this.emitMarkup(`<!${raw.slice(i + 3, close.index)}>`, 'decl');
    return close.index + close[0].length;
  }

  private checkForWholeStartTag(i: number): number {
    const raw = this.rawdata;
    const j = i + matchAt(LOCATESTARTTAGEND_TOLERANT, raw, i)![0].length;
    const next = raw.slice(j, j + 1);
    if (next === '>') return j + 1;
    if (next === '/') return raw.startsWith('/>', j) ? j + 2 : -1;
    if (next === '') return -1;
    if (/[a-zA-Z=/]/.test(next)) return -1;
    return j > i ? j : i + 1;
  }

  private parseStartTag(i: number): number {
    const endpos = this.checkForWholeStartTag(i);
    if (endpos < 0) return endpos;
    const raw = this.rawdata;
    const name = matchAt(TAGFIND_TOLERANT, raw, i + 1)!;
    let k = i + 1 + name[0].length;
    const tag = name[1]!.toLowerCase();
    const attributes: Attribute[] = [];
    while (k < endpos) {
      const attribute = matchAt(ATTRFIND_TOLERANT, raw, k);
      if (!attribute) break;
      const [whole, attributeName, rest, written] = attribute;
      let value: string | null = rest ? written! : null;
      if (value !== null && value.length > 0 && (value[0] === "'" || value[0] === '"') && value[0] === value[value.length - 1]) value = value.slice(1, -1);
      if (value) value = decodeHTML(value);
      attributes.push([attributeName!.toLowerCase(), value]);
      k += whole.length;
    }
    const ending = strip(raw.slice(k, endpos));
    if (ending !== '>' && ending !== '/>') {
      this.handleData(raw.slice(i, endpos));
      return endpos;
    }
    if (ending.endsWith('/>')) {
      this.handleStartTag(tag, attributes);
      this.lastTag = tag;
      this.last = 'endtag';
    } else {
      this.handleStartTag(tag, attributes);
      if (CDATA_CONTENT_ELEMENTS.has(tag)) {
        this.cdataElement = tag;
        this.cdataEnd = new RegExp(`</${S}*${tag}${S}*>`, 'gi');
      }
    }
    return endpos;
  }

  private parseEndTag(i: number): number {
    const raw = this.rawdata;
    const close = raw.indexOf('>', i + 1);
    if (close === -1) return -1;
    const gtpos = close + 1;
    const endTag = matchAt(ENDTAGFIND, raw, i);
    if (!endTag) {
      if (this.cdataElement !== null) {
        this.handleData(raw.slice(i, gtpos));
        return gtpos;
      }
      const name = matchAt(TAGFIND_TOLERANT, raw, i + 2);
      if (!name) return raw.startsWith('</>', i) ? i + 3 : this.parseBogusComment(i);
      this.handleEndTag(name[1]!.toLowerCase());
      return raw.indexOf('>', i + 2 + name[0].length) + 1;
    }
    const element = endTag[1]!.toLowerCase();
    if (this.cdataElement !== null && element !== this.cdataElement) {
      this.handleData(raw.slice(i, gtpos));
      return gtpos;
    }
    this.handleEndTag(element);
    this.cdataElement = null;
    this.cdataEnd = null;
    return gtpos;
  }

  // normalize.py's handlers.

  private handleData(data: string) {
    const afterTag = this.last === 'endtag' || this.last === 'starttag';
    const afterBlockTag = afterTag && BLOCK_TAGS.has(this.lastTag);
    if (afterTag && this.lastTag === 'br') data = data.replace(/^\n+/, '');
    if (!this.inPre) data = data.replace(WHITESPACE_RUN, ' ');
    if (afterBlockTag && !this.inPre) {
      if (this.last === 'starttag') data = data.replace(LEADING_SPACE, '');
      else data = strip(data);
    }
    this.output += this.strict ? data : data.replace(/[<>&"]/g, (character) => ENTITY_OF[character]!);
    this.last = 'data';
  }

  private handleStartTag(tag: string, attributes: Attribute[]) {
    if (tag === 'pre') this.inPre = true;
    if (BLOCK_TAGS.has(tag)) this.output = this.output.replace(TRAILING_SPACE, '');
    this.output += `<${tag}`;
    const sorted = [...attributes].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : (x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0));
    for (const [name, value] of sorted) {
      this.output += ` ${name}`;
      if (value !== null && (this.strict || value !== '')) this.output += `="${escapeAttribute(value)}"`;
    }
    this.output += '>';
    this.lastTag = tag;
    this.last = 'starttag';
  }

  private handleEndTag(tag: string) {
    if (tag === 'pre') this.inPre = false;
    else if (BLOCK_TAGS.has(tag)) this.output = this.output.replace(TRAILING_SPACE, '');
    this.output += `</${tag}>`;
    this.lastTag = tag;
    this.last = 'endtag';
  }

  private emitMarkup(markup: string, kind: Last) {
    this.output += markup;
    this.last = kind;
  }

  private handleEntityref(name: string) {
    this.outputCharacter(Object.hasOwn(characterEntitiesHtml4, name) ? characterEntitiesHtml4[name]! : null, `&${name};`);
  }

  private handleCharref(name: string) {
    const code = name.startsWith('x') ? parseInt(name.slice(1), 16) : /^[0-9]+$/.test(name) ? parseInt(name, 10) : NaN;
    this.outputCharacter(Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : null, `&${name};`);
  }

  private outputCharacter(character: string | null, fallback: string) {
    this.output += character === null ? fallback : (ENTITY_OF[character] ?? character);
    this.last = 'ref';
  }
}

export interface NormalizeOptions {
  /** Exactly normalize.py: plain `< > & "` in text and `name=""` attributes are not folded. */
  strict?: boolean;
}

export function normalizeHtml(html: string, options: NormalizeOptions = {}): string {
  const normalizer = new Normalizer(options.strict ?? false);
  for (const [chunk] of html.matchAll(CHUNK)) {
    if (chunk.startsWith('<![CDATA')) normalizer.output += chunk;
    else normalizer.feed(chunk);
  }
  normalizer.close();
  return options.strict ? normalizer.output : strip(normalizer.output);
}
