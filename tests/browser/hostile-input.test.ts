/**
 * Hostile input (tests/browser/hostile-corpus.ts): every vector written into a
 * publication of its own, in bodies and in every frontmatter field. What the
 * validator refuses is counted as refused and left out; the rest is built, and
 * every page that shows it is loaded in Debian's chromium, which must see no
 * dialog, no request to the attacker's beacon, no policy violation, and no
 * dangerous element, attribute or address in the DOM. Feeds carry no markup
 * that runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element as HastElement } from 'hast';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { xmlError } from '../helpers/xml.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { serveBuiltSite } from '../helpers/browser-site.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { HOSTILE_AUTHOR, HOSTILE_SERIES, VECTORS, writeHostileSite, type PlacedFile } from './hostile-corpus.ts';
import { ALLOWED_FRAME_ORIGINS } from '../../src/lib/media/embeds.ts';
import { FRAME_SANDBOX } from '../../src/markdown/remark-embed-directive.ts';
import { stubEmbedProviders } from '../helpers/embed-stubs.ts';

let dir: string;
let contentDir: string;
let placed: PlacedFile[];
/** Placed files the validator refused, with its first error for each. */
const refused = new Map<string, string>();
let build: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-hostile-'));
  contentDir = path.join(dir, 'content');
  placed = writeHostileSite(dir, REPO);
  const report = validateContent(contentDir, { cwd: contentDir });
  for (const diagnostic of report.diagnostics) {
    if (diagnostic.severity === 'error' && !refused.has(diagnostic.file)) refused.set(diagnostic.file, `${diagnostic.field}: ${diagnostic.message}`);
  }
  for (const file of refused.keys()) if (placed.some((entry) => entry.file === file)) unlinkSync(path.join(contentDir, file));
  build = buildSite(contentDir, '2026-11-28T12:00:00Z');
  if (build.status === 0) {
    server = await serveBuiltSite(build.outDir, contentDir);
    browser = await launchBrowser();
  }
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (build?.outDir) rmSync(build.outDir, { recursive: true, force: true });
});

const accepted = () => placed.filter((entry) => !refused.has(entry.file));

describe('the hostile corpus', () => {
  it('holds at least 40 vectors, each placed in a body and in every frontmatter field', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(VECTORS.map((vector) => vector.id)).size).toBe(VECTORS.length);
    for (const vector of VECTORS) {
      const placements = placed.filter((entry) => entry.vector === vector).map((entry) => entry.placement);
      expect(placements, vector.id).toEqual(vector.url ? ['fields', 'body', 'addresses', 'author'] : ['fields', 'body']);
    }
  });

  it('is refused by the validator only in placed files, never in the site, sections or hostile author', () => {
    const placedFiles = new Set(placed.map((entry) => entry.file));
    expect([...refused.keys()].filter((file) => !placedFiles.has(file))).toEqual([]);
    // Every address vector is refused where the schema takes an address.
    for (const entry of placed.filter((candidate) => candidate.placement === 'addresses' || candidate.placement === 'author')) {
      expect(refused.has(entry.file), `${entry.file} should be refused`).toBe(true);
    }
    console.log(`hostile corpus: ${VECTORS.length} vectors in ${placed.length} files; ${refused.size} refused by the validator, ${accepted().length} built`);
  });

  it('builds what the validator accepts', () => {
    expect(build.status, build.output).toBe(0);
    expect(accepted().length).toBeGreaterThan(40);
  });
});

/** What a page must never have: anything found is a line naming the element. */
function dangerousMarkup(page: Page): Promise<string[]> {
  return page.evaluate(([frameOrigins, sandbox]) => {
    const found: string[] = [];
    // The one frame a page may hold: an embed directive's, from an allowlisted provider, sandboxed as we sandbox it.
    const isEmbedFrame = (element: Element) =>
      element.localName === 'iframe' &&
      element.parentElement?.matches('figure.embed > .embed-frame') === true &&
      frameOrigins.includes(new URL(element.getAttribute('src') ?? '', location.href).origin) &&
      element.getAttribute('sandbox') === sandbox &&
      !element.hasAttribute('srcdoc');
    const dangerousUrl = (value: string) => /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ''));
    const describe = (element: Element) => element.outerHTML.slice(0, 120);
    for (const element of document.querySelectorAll('*')) {
      const tag = element.localName;
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) found.push(`handler ${name}: ${describe(element)}`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping'].includes(name) && dangerousUrl(attribute.value)) found.push(`${name} URL: ${describe(element)}`);
        if (name === 'srcset' && attribute.value.split(',').some((candidate) => dangerousUrl(candidate.trim()))) found.push(`srcset URL: ${describe(element)}`);
        if (name === 'srcdoc' || name === 'formaction' || name === 'ping') found.push(`${name}: ${describe(element)}`);
        if (name === 'style' && /url\(|expression/i.test(attribute.value)) found.push(`style: ${describe(element)}`);
      }
      if (['iframe', 'frame', 'object', 'embed', 'base', 'applet', 'portal'].includes(tag) && !isEmbedFrame(element)) found.push(`element ${tag}: ${describe(element)}`);
      if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push(`meta refresh: ${describe(element)}`);
      if (tag === 'style' || (tag === 'link' && element.closest('body'))) found.push(`element ${tag}: ${describe(element)}`);
      if (tag === 'script') {
        const src = element.getAttribute('src') ?? '';
        const type = element.getAttribute('type') ?? '';
        const known = type === 'application/ld+json' || (src.startsWith('/_astro/') && element.closest('head,body') !== null) || src.startsWith('/pagefind/');
        if (!known) found.push(`script: ${describe(element)}`);
      }
      if (tag === 'form' && !element.closest('.newsletter') && element.id !== 'search-form') found.push(`form: ${describe(element)}`);
      // A disabled checkbox is what a GFM task list item renders; the sanitizer keeps it for that.
      const taskBox = tag === 'input' && element.getAttribute('type') === 'checkbox' && element.hasAttribute('disabled') && element.attributes.length <= 3;
      if (['input', 'textarea', 'select', 'button'].includes(tag) && !taskBox && !element.closest('.newsletter, #search-form') && !element.classList.contains('search-more')) found.push(`control ${tag}: ${describe(element)}`);
    }
    // Ids that clobber what scripts look up: only the page's own, and each once.
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) found.push(`duplicate id ${id}`);
    for (const element of document.querySelectorAll('.article-body [id], .article-body [name], .excerpt [id], .excerpt [name]')) {
      if (!(element.id || element.getAttribute('name') || '').startsWith('user-content-')) found.push(`unprefixed id or name: ${describe(element)}`);
    }
    return found;
  }, [ALLOWED_FRAME_ORIGINS, FRAME_SANDBOX.join(' ')] as const);
}

interface Visit {
  problems: string[];
}

async function visitPage(pathname: string, act?: (page: Page) => Promise<void>): Promise<Visit> {
  const page = await browser.newPage();
  await stubEmbedProviders(page);
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (/xss-beacon/.test(request.url())) problems.push(`beacon request: ${request.url()}`);
  });
  page.on('popup', (popup) => problems.push(`popup: ${popup.url()}`));
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  const response = await page.goto(server.url + pathname);
  expect(response?.status(), pathname).toBe(200);
  await act?.(page);
  // Handlers that wait for a reader (hover, click) are caught by the DOM check: no on* attribute at all.
  problems.push(...(await dangerousMarkup(page)));
  expect(new URL(page.url()).pathname, `${pathname} navigated away`).toBe(new URL(server.url + pathname).pathname);
  await page.close();
  return { problems };
}

describe('pages of the hostile build, in chromium', () => {
  it('run nothing on the article pages and author pages that show a vector', async () => {
    const pages = [...new Set(accepted().map((entry) => (entry.placement === 'author' ? `/author/${entry.id}/` : `/${entry.id}/`)))];
    expect(pages.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const pathname of pages) problems.push(...(await visitPage(pathname)).problems.map((problem) => `${pathname} ${problem}`));
    expect(problems).toEqual([]);
  }, 900_000);

  it('run nothing on the lists, home, the hostile author, tag, brand and series pages', async () => {
    const listDirs = (base: string) => {
      try {
        return readdirSync(path.join(build.outDir, base, 'page')).map((page) => `/${base}/page/${page}/`);
      } catch {
        return [];
      }
    };
    const pages = ['/', '/latest/', '/world/', '/quick/', `/author/${HOSTILE_AUTHOR}/`, '/tag/hostile/', '/404.html', `/series/${HOSTILE_SERIES}/`, '/short-take/', ...listDirs('latest'), ...listDirs('world'), ...listDirs(`author/${HOSTILE_AUTHOR}`), ...listDirs('tag/hostile')];
    const problems: string[] = [];
    for (const pathname of pages) problems.push(...(await visitPage(pathname)).problems.map((problem) => `${pathname} ${problem}`));
    expect(problems).toEqual([]);
  }, 600_000);

  it('show search results for hostile text as text', async () => {
    const problems: string[] = [];
    for (const query of ['onerror', 'script', 'zebrafinch', 'alert']) {
      const { problems: found } = await visitPage('/search/', async (page) => {
        await page.locator('#search-query').pressSequentially(query);
        await page.locator('#search-status').filter({ hasText: query }).waitFor();
        const results = await page.locator('#search-results > li').count();
        expect(results, query).toBeGreaterThan(0);
        // Only the marks Pagefind adds around matched words are markup in an excerpt.
        const excerptTags = await page.locator('.search-result-excerpt *').evaluateAll((elements) => elements.map((element) => element.localName));
        expect(new Set(excerptTags), query).toEqual(new Set(excerptTags.length > 0 ? ['mark'] : []));
      });
      problems.push(...found.map((problem) => `search ${query}: ${problem}`));
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

describe('feeds of the hostile build', () => {
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' });

  it('carry no script, handler or dangerous address in any item body', () => {
    const feeds = (readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('rss.xml'));
    expect(feeds.length).toBeGreaterThan(2);
    const found: string[] = [];
    let bodies = 0;
    for (const feed of feeds) {
      const xml = readFileSync(path.join(build.outDir, feed), 'utf8');
      expect(xmlError(xml), feed).toBeNull();
      for (const item of parser.parse(xml).rss.channel.item ?? []) {
        // The item body as the HTML a feed reader renders.
        const tree = fromHtml(String(item['content:encoded']), { fragment: true });
        bodies++;
        // The description (the dek, text) rendered as HTML is text again: no element at all.
        const description = fromHtml(String(item.description), { fragment: true });
        if (description.children.some((node) => node.type === 'element')) found.push(`${feed} ${item.link}: markup in the description: ${String(item.description).slice(0, 80)}`);
        visit(tree, 'element', (element: HastElement) => {
          if (['script', 'iframe', 'object', 'embed', 'base', 'style', 'form', 'link', 'meta'].includes(element.tagName)) found.push(`${feed} ${item.link}: <${element.tagName}>`);
          for (const [name, value] of Object.entries(element.properties)) {
            if (/^on/i.test(name)) found.push(`${feed} ${item.link}: handler ${name}`);
            if (['href', 'src', 'action', 'formAction', 'srcSet', 'poster', 'data'].includes(name) && /^(javascript|vbscript|data):/i.test(String(value).replace(/[\u0000-\u0020]/g, ''))) found.push(`${feed} ${item.link}: ${name}=${String(value)}`);
          }
        });
      }
    }
    expect(bodies).toBeGreaterThan(40);
    expect(found).toEqual([]);
  });
});
