/**
 * The header policy against the sample build: every page satisfies the
 * Content-Security-Policy it is served with, and the `_headers` file the
 * build wrote gives every file, on Cloudflare and on Netlify, exactly the
 * headers the deploy stores as S3 metadata. The policy's settings (newsletter
 * origin, HSTS) come from the sample's site.yaml, as the build reads them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { scanSite } from '../../src/lib/deploy/manifest.ts';
import { headersFor, type HeadersOptions } from '../../src/lib/distribution/http-headers.ts';
import { ALLOWED_FRAME_ORIGINS } from '../../src/lib/media/embeds.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { cloudflareHeaders, netlifyHeaders, parseHeadersFile, requestPaths } from './headers-hosts.ts';

const site = inject('sampleSite');
const config = validateContent(path.join(REPO, 'content'), { cwd: REPO }).site!;
const siteOrigin = new URL(config.url).origin;
const siteOptions: HeadersOptions = { newsletterAction: config.newsletter.action, hsts: config.hsts };
const files = Object.keys(scanSite(site.outDir).files);
const pages = files.filter((file) => file.endsWith('.html'));

/** Whether a URL in a page resolves to the page's own origin ('self'). */
function sameOrigin(url: string): boolean {
  const resolved = new URL(url, `${siteOrigin}/page/`);
  return resolved.origin === siteOrigin;
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

interface PageScan {
  problems: string[];
  formActions: string[];
  /** Origins of the page's frames (embeds), sorted, once each. */
  frameOrigins: string[];
}

/** What in a page a CSP of `'self'` sources, no inline code, `img-src 'self' data:` would block. */
function scanPage(html: string): PageScan {
  const problems: string[] = [];
  const formActions: string[] = [];
  const frameOrigins = new Set<string>();
  visit(fromHtml(html), 'element', (node: Element) => {
    const props = node.properties;
    const at = `<${node.tagName}>`;
    for (const name of Object.keys(props)) {
      if (/^on[A-Z]/.test(name)) problems.push(`${at} has an inline event handler (${name})`);
    }
    if (props.style !== undefined) problems.push(`${at} has a style attribute`);
    switch (node.tagName) {
      case 'script': {
        const src = props.src;
        if (typeof src === 'string') {
          if (!sameOrigin(src)) problems.push(`script from another origin: ${src}`);
        } else if (props.type !== 'application/ld+json') problems.push('inline <script>');
        break;
      }
      case 'style':
        problems.push('inline <style>');
        break;
      case 'link': {
        const rel = Array.isArray(props.rel) ? props.rel.map(String) : [];
        if ((rel.includes('stylesheet') || rel.includes('modulepreload')) && !sameOrigin(String(props.href))) {
          problems.push(`${rel.join(' ')} from another origin: ${String(props.href)}`);
        }
        break;
      }
      case 'img':
      case 'source': {
        const urls = [
          ...(typeof props.src === 'string' ? [props.src] : []),
          ...(typeof props.srcSet === 'string' ? srcsetUrls(props.srcSet) : []),
        ];
        for (const url of urls) if (!url.startsWith('data:') && !sameOrigin(url)) problems.push(`image from another origin: ${url}`);
        break;
      }
      case 'iframe': {
        // Embeds (src/lib/media/embeds.ts): an allowlisted provider, sandboxed; the page's own policy must allow its origin.
        const src = typeof props.src === 'string' ? props.src : '';
        const origin = URL.canParse(src) ? new URL(src).origin : src;
        if (!ALLOWED_FRAME_ORIGINS.includes(origin)) problems.push(`frame from a host that is not an embed provider: ${src}`);
        else if (!Array.isArray(props.sandbox) || !props.sandbox.includes('allow-scripts')) problems.push(`frame without its sandbox: ${src}`);
        else frameOrigins.add(origin);
        break;
      }
      case 'frame':
      case 'object':
      case 'embed':
        problems.push(`${at} is not allowed`);
        break;
      case 'base':
        problems.push('<base> is not allowed');
        break;
      case 'form':
        formActions.push(typeof props.action === 'string' ? props.action : '');
        break;
      case 'a':
        if (typeof props.href === 'string' && /^\s*javascript:/i.test(props.href)) problems.push(`javascript: link ${props.href}`);
        break;
    }
  });
  return { problems, formActions, frameOrigins: [...frameOrigins].sort() };
}

const scans = new Map(pages.map((page) => [page, scanPage(readFileSync(path.join(site.outDir, page), 'utf8'))]));
// What the policy must allow, read from the pages themselves: each page's frames.
const framePages = [...scans].filter(([, scan]) => scan.frameOrigins.length > 0).map(([page, scan]) => ({ path: `/${page.replace(/index\.html$/, '')}`, origins: scan.frameOrigins }));
const options: HeadersOptions = { ...siteOptions, framePages };
const externalActions = [...new Set([...scans.values()].flatMap((scan) => scan.formActions).filter((action) => action && !sameOrigin(action)))];

describe('the sample build under its Content-Security-Policy', () => {
  it('has a checker that catches what the policy blocks', () => {
    const { problems } = scanPage(
      '<style>p{}</style><p style="color:red" onclick="x()">a</p><script>1</script><script type="application/ld+json">{}</script>' +
        '<script src="https://cdn.example/a.js"></script><img src="/a.png" srcset="https://img.example/b.png 2x"><img src="data:image/png;base64,AA">' +
        '<iframe src="/x"></iframe><iframe src="https://www.youtube-nocookie.com/embed/Xk3pL9qR2sT"></iframe><a href="javascript:alert(1)">x</a>',
    );
    expect(problems).toEqual([
      'inline <style>',
      '<p> has an inline event handler (onClick)',
      '<p> has a style attribute',
      'inline <script>',
      'script from another origin: https://cdn.example/a.js',
      'image from another origin: https://img.example/b.png',
      'frame from a host that is not an embed provider: /x',
      'frame without its sandbox: https://www.youtube-nocookie.com/embed/Xk3pL9qR2sT',
      'javascript: link javascript:alert(1)',
    ]);
  });

  it('has pages to check, the search page among them', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(pages).toContain('search/index.html');
  });

  it('has no inline script or style, and loads scripts, styles and images from its own origin only', () => {
    const problems = [...scans].flatMap(([page, scan]) => scan.problems.map((problem) => `${page}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('posts forms only to itself and to the newsletter origin the policy allows', () => {
    // The policy's origin comes from site.yaml; a page posting anywhere else is caught.
    expect(externalActions).toEqual([config.newsletter.action]);
    for (const page of pages) {
      const csp = headersFor(page, options)['Content-Security-Policy'] ?? '';
      const allowed = /form-action ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
      for (const action of scans.get(page)?.formActions ?? []) {
        if (!action || sameOrigin(action)) expect(allowed).toContain("'self'");
        else expect(allowed, `${page} posts to ${action}`).toContain(new URL(action).origin);
      }
    }
  });

  it('frames on each page exactly the providers its policy allows, and the sample embeds some', () => {
    expect(framePages.map((page) => page.path).sort()).toEqual(['/baltic-offshore-wind-interview/', '/panama-canal-drought-transit-queue/']);
    // The CMS frames its own previews (blob:) under a policy of its own.
    for (const page of pages.filter((file) => !file.startsWith('admin/'))) {
      const csp = headersFor(page, options)['Content-Security-Policy'] ?? '';
      const allowed = /frame-src ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
      expect(allowed, page).toEqual(scans.get(page)?.frameOrigins ?? []);
    }
  });

  it('allows WebAssembly on the search page and for Pagefind, nowhere else', () => {
    for (const file of files) {
      const wasm = headersFor(file, options)['Content-Security-Policy']?.includes("'wasm-unsafe-eval'");
      expect(wasm, file).toBe(file.startsWith('search/') || file.startsWith('pagefind/'));
    }
  });
});

const headersFile = path.join(site.outDir, '_headers');

function sorted(headers: Record<string, string>): [string, string][] {
  return Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : 1));
}

describe("the build's _headers file", () => {
  // Read inside the tests: a build without the file fails them rather than skipping them.
  const rules = () => parseHeadersFile(readFileSync(headersFile, 'utf8'));

  it('carries the HSTS policy site.yaml asks for', () => {
    expect(readFileSync(headersFile, 'utf8')).toContain('  Strict-Transport-Security: max-age=63072000; includeSubDomains\n');
  });

  it.each([
    ['Cloudflare', cloudflareHeaders],
    ['Netlify', netlifyHeaders],
  ] as const)('gives every file on %s the headers the deploy stores', (_host, resolve) => {
    const mismatches: string[] = [];
    const parsed = rules();
    for (const file of files) {
      const { 'Content-Type': _type, ...expected } = headersFor(file, options);
      const lowered = Object.fromEntries(Object.entries(expected).map(([name, value]) => [name.toLowerCase(), value]));
      for (const url of requestPaths(file)) {
        const actual = resolve(parsed, url);
        if (JSON.stringify(sorted(actual)) !== JSON.stringify(sorted(lowered))) mismatches.push(`${url}: ${JSON.stringify(actual)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
