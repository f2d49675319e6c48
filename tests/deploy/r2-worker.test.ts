/**
 * The Cloudflare Worker that README.md gives for serving an R2 bucket, run
 * as written (the code block is read out of the README) against the sample
 * build in a fake R2 binding that holds each file as the deploy stores it:
 * every response must carry the headers the header policy gives its path,
 * Content-Security-Policy above all.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { scanSite, type FileEntry } from '../../src/lib/deploy/manifest.ts';
import { headersFor } from '../../src/lib/distribution/http-headers.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { requestPaths } from './headers-hosts.ts';
import { framePagesOf } from '../helpers/frame-pages.ts';

const site = inject('sampleSite');
const config = validateContent(path.join(REPO, 'content'), { cwd: REPO }).site!;
const files = scanSite(site.outDir).files;
// Pages with embeds carry their own policy (frame-src); which they are is read from the built pages.
const options = { newsletterAction: config.newsletter.action, hsts: config.hsts, framePages: framePagesOf(site.outDir, Object.keys(files)) };

interface Worker {
  fetch(request: Request, env: { SITE: ReturnType<typeof fakeBucket> }): Promise<Response>;
}

/** The ```js block of README.md that starts with `// worker.js`, unindented. */
function workerSource(): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const match = /^( *)```js\n\1\/\/ worker\.js\n([\s\S]*?)^\1```$/m.exec(readme);
  if (!match) throw new Error('README.md has no ```js block starting with // worker.js');
  const indent = match[1]!;
  return match[2]!
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}

const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let loads = 0;
/** A fresh copy of the module each time, so no test sees another's cached header rules. */
async function loadWorker(): Promise<Worker> {
  const file = path.join(dir, `worker-${++loads}.mjs`);
  writeFileSync(file, workerSource());
  return ((await import(pathToFileURL(file).href)) as { default: Worker }).default;
}

/** R2's binding, as far as the Worker uses it: objects with the Content-Type and Cache-Control the deploy stored. */
function fakeBucket(stored: Record<string, FileEntry>) {
  return {
    async get(key: string, options?: { onlyIf?: Headers }) {
      const entry = stored[key];
      if (!entry) return null;
      const bytes = readFileSync(path.join(site.outDir, key));
      const httpEtag = `"${entry.sha256.slice(0, 32)}"`;
      const object = {
        httpEtag,
        writeHttpMetadata(headers: Headers) {
          headers.set('content-type', entry.contentType);
          headers.set('cache-control', entry.cacheControl);
        },
        text: async () => bytes.toString('utf8'),
      };
      // As R2 answers a failed If-None-Match: the object's metadata, no body.
      if (options?.onlyIf?.get('if-none-match') === httpEtag) return object;
      return { ...object, body: bytes };
    },
  };
}

const env = { SITE: fakeBucket(files) };
const request = (pathname: string, init?: RequestInit) => new Request(`https://meridian-review.example${pathname}`, init);

function headersOf(response: Response): Record<string, string> {
  const headers = Object.fromEntries(response.headers);
  delete headers.etag;
  return headers;
}

function expected(sitePath: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headersFor(sitePath, options)).map(([name, value]) => [name.toLowerCase(), value]));
}

describe('the R2 Worker in README.md', () => {
  it('serves every file of the build with the headers the policy gives it, Content-Security-Policy included', async () => {
    const worker = await loadWorker();
    const mismatches: string[] = [];
    let served = 0;
    for (const sitePath of Object.keys(files).filter((p) => p !== '_headers' && p !== '_redirects')) {
      for (const pathname of requestPaths(sitePath)) {
        const response = await worker.fetch(request(pathname), env);
        served++;
        if (response.status !== 200) mismatches.push(`${pathname}: HTTP ${response.status}`);
        else if (JSON.stringify(Object.entries(headersOf(response)).sort()) !== JSON.stringify(Object.entries(expected(sitePath)).sort())) {
          mismatches.push(`${pathname}: ${JSON.stringify(headersOf(response))}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(served).toBeGreaterThan(600);
  });

  it('gives the search page the WebAssembly policy and reading pages the strict one', async () => {
    const worker = await loadWorker();
    const search = await worker.fetch(request('/search/'), env);
    const home = await worker.fetch(request('/'), env);
    expect(search.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    expect(home.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self'; /);
    expect(home.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('answers a missing page with 404.html and its headers, and hides the manifest and the host files', async () => {
    const worker = await loadWorker();
    for (const pathname of ['/no-such-piece/', '/.broadsheet/manifest.json', '/_headers', '/_redirects']) {
      const response = await worker.fetch(request(pathname), env);
      expect(response.status, pathname).toBe(404);
      expect(await response.text()).toBe(readFileSync(path.join(site.outDir, '404.html'), 'utf8'));
      expect(headersOf(response)).toEqual(expected('404.html'));
    }
  });

  it('redirects an address without its slash, refuses other methods, and answers a current copy with 304', async () => {
    const worker = await loadWorker();
    const redirect = await worker.fetch(request('/latest'), env);
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, 'https://meridian-review.example/latest/']);
    expect((await worker.fetch(request('/', { method: 'POST' }), env)).status).toBe(405);
    const first = await worker.fetch(request('/latest/'), env);
    const again = await worker.fetch(request('/latest/', { headers: { 'if-none-match': first.headers.get('etag')! } }), env);
    expect(again.status).toBe(304);
    expect(headersOf(again)).toEqual(expected('latest/index.html'));
  });

  it('refuses to serve without the build’s _headers rather than serve without a policy', async () => {
    const worker = await loadWorker();
    const { _headers: _missing, ...withoutHeaders } = files;
    await expect(worker.fetch(request('/'), { SITE: fakeBucket(withoutHeaders) })).rejects.toThrow(/_headers is missing from the bucket/);
  });
});
