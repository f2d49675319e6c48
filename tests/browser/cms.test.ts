/**
 * The CMS end to end, in Debian's chromium: /admin/ of the sample build,
 * served with the headers it ships with, saving through Decap's local proxy
 * (decap-server, as `npm run cms` runs it) into a copy of the fixture
 * content. An editor writes an article through the form and a short take
 * without a photo; the files that appear pass `npm run validate`, and a build
 * of that content renders them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { serveBuiltSite } from '../helpers/browser-site.ts';
import { buildSite, readPage } from '../helpers/build-site.ts';
import { makeSite, REPO } from '../helpers/content-fixture.ts';
import { parseMarkdownSource } from '../../src/lib/content/frontmatter.ts';
import { cmsContentSecurityPolicy } from '../../src/lib/distribution/http-headers.ts';
import { LOCAL_PROXY_PORT } from '../../src/lib/cms/config.ts';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

const sample = inject('sampleSite');
/** 93 characters: the address made from it is cut at the validator's 80. */
const HEADLINE = 'Harbour pilots test the new tariff rules as ports rush to book ships before the winter storms';
const SLUG = 'harbour-pilots-test-the-new-tariff-rules-as-ports-rush-to-book-ships-before-the';
const NODE = path.join(REPO, 'node_modules/.bin/node');

let site: string;
let content: string;
let server: StaticServer;
let proxy: ChildProcess;
let proxyPort: number;
let browser: Browser;
let page: Page;
/** CSP violations, page errors and console errors: every test expects none. */
const problems: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the proxy answers Decap's first question. */
async function proxyReady(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`decap-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"action":"info"}',
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  site = makeSite();
  content = path.join(site, 'content');
  proxyPort = await freePort();
  proxy = spawn(NODE, [path.join(REPO, 'node_modules/decap-server/dist/index.js')], {
    env: { ...process.env, GIT_REPO_DIRECTORY: site, PORT: String(proxyPort), BIND_HOST: '127.0.0.1', MODE: 'fs', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await proxyReady(proxyPort, proxy);
  server = await serveBuiltSite(sample.outDir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
      );
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  // Decap looks for the proxy at its default port (the one `npm run cms` uses); this test's proxy listens elsewhere.
  await page.route(new RegExp(`^http://(?:localhost|127\\.0\\.0\\.1):${LOCAL_PROXY_PORT}/`), async (route) => {
    const url = route
      .request()
      .url()
      .replace(/^http:\/\/[^/]+\//, `http://127.0.0.1:${proxyPort}/`);
    await route.fulfill({ response: await route.fetch({ url }) });
  });
});

afterAll(async () => {
  // Decap may still be polling the proxy; its requests end with the page.
  await page?.unrouteAll({ behavior: 'ignoreErrors' });
  await browser?.close();
  await server?.close();
  proxy?.kill();
  if (site) rmSync(site, { recursive: true, force: true });
});

/**
 * Types into a select or relation field and picks the option shown. Decap searches a relation
 * as one types; once, under a full CI run, the authors list never showed the option for the
 * typed name (30 s), so the name is typed again, a new search, before the test gives up.
 */
async function pick(field: string, option: string): Promise<void> {
  const input = page.locator(`[id^="${field}-field-"]`);
  const choice = page.getByRole('option', { name: option, exact: true });
  for (let attempt = 1; ; attempt++) {
    // Never emptied: an empty input and a deletion would remove the option picked before.
    if (attempt > 1) await input.fill(option.slice(0, -1));
    await input.fill(option);
    try {
      await choice.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await choice.click();
}

async function fill(field: string, text: string): Promise<void> {
  await page.locator(`[id^="${field}-field-"]`).fill(text);
}

async function writeBody(text: string): Promise<void> {
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type(text);
}

/** Publishes the open entry (with the local proxy there is no pull request) and waits for its file. */
async function publish(file: string): Promise<string> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
  const target = path.join(content, file);
  await expect.poll(() => existsSync(target), { timeout: 30_000 }).toBe(true);
  return readFileSync(target, 'utf8');
}

/** A fresh form: loaded anew, so nothing of the entry before stays in the page. */
async function newEntry(collection: string): Promise<void> {
  await page.goto(`${server.url}/admin/#/collections/${collection}/new`);
  await page.reload();
  await page.locator('[id^="title-field-"]').waitFor();
}

describe('the CMS at /admin/', () => {
  let article: string;
  let shortTake: string;

  it('opens with its own headers, logs in to the local proxy and shows the form', async () => {
    const response = await page.goto(`${server.url}/admin/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(cmsContentSecurityPolicy());
    expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByText('Articles', { exact: true }).first().waitFor();
    expect(problems).toEqual([]);
  });

  it('writes an article from the form: the address cut at 80 characters, authors in the order picked, the photo relative to the file, the date with its offset', async () => {
    await newEntry('articles');
    await fill('title', HEADLINE);
    await fill('dek', 'What the new booking rules change for the pilots who bring ships in.');
    await pick('type', 'analysis');
    await pick('section', 'Economy');
    await pick('authors', 'Ben Osei');
    await pick('authors', 'Ada Ferrer');
    await page.getByRole('button', { name: 'Choose an image' }).click();
    await page.getByText('harbour.jpg', { exact: true }).click();
    await page.getByRole('button', { name: 'Choose selected' }).click();
    await fill('alt', 'Pilot boats moored along a harbour wall at dusk');
    await fill('credit', 'Test Photographer/Agency');
    await fill('tags', 'ports, tariffs');
    await writeBody('Pilots say the new tariff rules change how ships are booked.');
    article = await publish(`articles/economy/${SLUG}.md`);

    const parsed = parseMarkdownSource(Buffer.from(article));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const data = parsed.source.data as Record<string, unknown>;
    expect(data).toMatchObject({
      title: HEADLINE,
      type: 'analysis',
      section: 'economy',
      authors: ['ben-okri-test', 'ada-ferrer'],
      draft: false,
      hero: { src: '../../images/harbour.jpg', alt: 'Pilot boats moored along a harbour wall at dusk', credit: 'Test Photographer/Agency' },
      tags: ['ports', 'tariffs'],
    });
    expect(String(data.published)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    // Untouched optional fields are left out, not written empty.
    expect(Object.keys(data)).not.toContain('republished');
    expect(Object.keys(data)).not.toContain('canonical');
    expect(Object.keys(data)).not.toContain('withdrawn');
    expect(parsed.source.body.trim()).toBe('Pilots say the new tariff rules change how ships are booked.');
    expect(problems).toEqual([]);
  });

  it('writes a short take without a photo', async () => {
    await newEntry('articles');
    await fill('title', 'Port fees: one more exemption');
    await fill('dek', 'The list of exempt cargoes grew again this week.');
    await pick('type', 'short-take');
    await pick('section', 'Briefs');
    await pick('authors', 'Ada Ferrer');
    await writeBody('Grain carriers joined the list on Tuesday.');
    shortTake = await publish('articles/briefs/port-fees-one-more-exemption.md');
    expect(shortTake).not.toMatch(/^hero:/m);
    expect(problems).toEqual([]);
  });

  it('leaves files that npm run validate accepts and the build renders', () => {
    expect(article && shortTake, 'the articles above were written').toBeTruthy();
    const validation = spawnSync(NODE, [path.join(REPO, 'scripts/validate.ts'), content], { cwd: REPO, encoding: 'utf8' });
    expect(`${validation.stdout}${validation.stderr}`).toMatch(/^✓ 0 errors, 0 warnings in \d+ files/m);
    expect(validation.status).toBe(0);

    // An hour past the moment the browser wrote as the publication time.
    const published = /^published: (.+)$/m.exec(article)![1]!;
    const now = new Date(Date.parse(published) + 3_600_000).toISOString();
    const build = buildSite(content, now);
    try {
      expect(build.status, build.output).toBe(0);
      const { tree } = readPage(build.outDir, `${SLUG}/index.html`);
      expect(toText(select('h1', tree)!).trim()).toBe(HEADLINE);
      expect(selectAll('.byline a[href^="/author/"]', tree).map((link) => toText(link).trim())).toEqual(['Ben Osei', 'Ada Ferrer']);
      expect(readFileSync(path.join(build.outDir, `${SLUG}/index.html`), 'utf8')).toContain('Test Photographer/Agency');
      expect(readdirSync(build.outDir)).toContain('port-fees-one-more-exemption');
    } finally {
      rmSync(build.outDir, { recursive: true, force: true });
    }
  });
});
