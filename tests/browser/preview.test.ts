/**
 * The editor's preview (`astro dev`) in a real browser: a saved edit shows, a
 * save that breaks the file puts the error over the page at once (and in the
 * terminal) while the last good version stays served, and the fix takes the
 * error away. A copy of the project and of the sample content, so the files
 * can be edited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

const PORT = 4431;
let lastError: unknown;
let project: ProjectCopy;
let work: string;
let server: ChildProcess;
let output = '';
let browser: Browser;
let page: Page;
let file: string;
let original: string;
let url: string;
/** What the open page saw (console, navigations, socket messages): printed when it fails to show a save. */
const pageLog: string[] = [];

async function until<T>(probe: () => Promise<T | undefined>, seconds: number, what: string): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch((error: unknown) => void (lastError = error));
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds} s (${String(lastError)} ${String((lastError as { cause?: unknown } | undefined)?.cause)})\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const pageText = async () => (await fetch(url)).text();

beforeAll(async () => {
  project = copyProject();
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-preview-'));
  // The validator looks for the logo and share card in public/ beside the content folder.
  for (const folder of ['content', 'public']) cpSync(path.join(REPO, folder), path.join(work, folder), { recursive: true });
  const dir = path.join(work, 'content/articles/middle-east');
  const name = readdirSync(dir).filter((entry) => entry.endsWith('.md')).sort()[0]!;
  file = path.join(dir, name);
  original = readFileSync(file, 'utf8');
  url = `http://127.0.0.1:${PORT}/${name.replace(/\.md$/, '')}/`;
  server = spawn(path.join(REPO, 'node_modules/.bin/astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: project.root,
    env: {
      // Vite serves no HMR socket (so no overlay) when it believes it runs under Vitest.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST')),
      PATH: `${path.join(REPO, 'node_modules/.bin')}:${process.env.PATH}`,
      BROADSHEET_CONTENT_DIR: path.join(work, 'content'),
      BROADSHEET_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(async () => ((await fetch(url)).ok ? true : undefined), 240, 'the preview serving the article');
  browser = await launchBrowser();
  page = await browser.newPage();
  const stamp = () => new Date().toISOString().slice(11, 23);
  page.on('console', (message) => pageLog.push(`${stamp()} console ${message.type()}: ${message.text()}`));
  page.on('framenavigated', (frame) => frame === page.mainFrame() && pageLog.push(`${stamp()} navigated to ${frame.url()}`));
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => pageLog.push(`${stamp()} socket: ${String(payload).slice(0, 200)}`)));
  // The open page reloads on a save only once its client holds the preview's socket: under a
  // loaded CI machine a save made before that went unseen by the page (a test race, not the
  // preview's), so the tests start when Vite's client says it is connected.
  const connected = page.waitForEvent('console', { predicate: (message) => message.text().includes('[vite] connected'), timeout: 120_000 });
  await page.goto(url);
  await connected;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  project?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the preview', () => {
  it('shows a saved edit', async () => {
    const sentence = `A sentence saved while the preview runs, number ${process.pid}.`;
    writeFileSync(file, `${original}\n${sentence}\n`);
    await until(async () => ((await pageText()).includes(sentence) ? true : undefined), 60, 'the edit in the page');
    // The open page reloads by itself too.
    await page.waitForFunction((text) => document.body.textContent?.includes(text), sentence, { timeout: 60_000 }).catch(async (error: unknown) => {
      const shown = await page.evaluate(() => document.body.textContent?.replace(/\s+/g, ' ').slice(0, 300)).catch(String);
      throw new Error(`the open page did not show the save (${String(error)})\npage log:\n${pageLog.join('\n')}\npage shows: ${shown}\nserver:\n${output.slice(-3000)}`);
    });
  });

  it('brings a page that missed the reload to the save: one still loading when the save landed, while another page held its socket', async () => {
    // Vite drops a reload for a page whose socket is not open while another page's is (`page`
    // holds one): this page's client is held back until the save is served.
    const late = await browser.newPage();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await late.route('**/@vite/client', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await late.goto(url, { waitUntil: 'commit' });
      const sentence = `A second sentence, saved while another page was still loading, number ${process.pid}.`;
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n${sentence}\n`);
      await until(async () => ((await pageText()).includes(sentence) ? true : undefined), 60, 'the second edit in the page');
      expect(await late.evaluate(() => document.body.textContent)).not.toContain(sentence);
      let navigations = 0;
      late.on('framenavigated', (frame) => frame === late.mainFrame() && navigations++);
      release();
      await late.waitForFunction((text) => document.body.textContent?.includes(text), sentence, { timeout: 30_000 });
      // Served after the last reload, the page stays: it does not reload in a loop.
      const settled = navigations;
      await late.waitForTimeout(1500);
      expect(navigations).toBe(settled);
    } finally {
      release();
      await late.close();
    }
  });

  it('shows a piece saved into the folder at its address, in its brand’s list and on the latest page, and drops it when deleted', async () => {
    const title = `A piece saved while the preview runs, number ${process.pid}`;
    const added = path.join(path.dirname(file), 'piece-saved-while-previewing.md');
    writeFileSync(
      added,
      [
        '---',
        `title: "${title}"`,
        'dek: "Written into the folder while the preview ran, it shows at its own address, in its section and on the latest page."',
        'type: short-take',
        'section: signal',
        'authors: [farid-nasser]',
        'published: 2030-01-05T08:00:00Z',
        '---',
        '',
        'The first paragraph of a piece that did not exist when the preview started.',
        '',
      ].join('\n'),
    );
    try {
      const origin = new URL(url).origin;
      for (const address of ['/piece-saved-while-previewing/', '/signal/', '/latest/']) {
        await until(async () => ((await (await fetch(origin + address)).text()).includes(title) ? true : undefined), 60, `the new piece on ${address}`);
      }
    } finally {
      rmSync(added);
    }
    // Gone again once the file is: nothing of it lingers in the lists.
    await until(async () => (!(await (await fetch(new URL('/latest/', url))).text()).includes(title) ? true : undefined), 60, 'the deleted piece gone from /latest/');
  });

  it('ranks related stories again after a save: a piece saved on the same subject joins the open piece’s related stories, and leaves with it', async () => {
    // The first page's related stories were ranked on a worker; after a save the preview ranks
    // from the documents it kept, with the new piece's made from its words.
    const relatedRail = async () => /aria-labelledby="related-heading"[\s\S]*?<\/section>/.exec(await pageText())?.[0] ?? '';
    const address = '/a-second-look-at-the-same-subject/';
    expect(await relatedRail()).not.toContain(address);
    // The open piece's file under another title, its series part left out: the same photo, tags and words.
    const added = path.join(path.dirname(file), 'a-second-look-at-the-same-subject.md');
    writeFileSync(
      added,
      original
        .replace(/^title: .*$/m, 'title: "A second look at the same subject"')
        .replace(/^series:\n(?: .*\n)*/m, ''),
    );
    try {
      await until(async () => ((await relatedRail()).includes(address) ? true : undefined), 60, 'the new piece among the related stories');
    } finally {
      rmSync(added);
    }
    await until(async () => (!(await relatedRail()).includes(address) ? true : undefined), 60, 'the deleted piece gone from the related stories');
  });

  it('puts a broken save over the page, names the file, line and field, and keeps serving the last good version', async () => {
    const good = readFileSync(file, 'utf8');
    const shown = `content/articles/middle-east/${path.basename(file)}:`;
    writeFileSync(file, good.replace(/^title: .*$/m, 'title: ""'));
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 30_000 });
    const text = await overlay.evaluate((element) => element.shadowRoot!.textContent ?? '');
    expect(text).toContain('The content does not validate');
    expect(text).toMatch(/middle-east\/[\w-]+\.md:\d+:\d+ error title: is empty; write the headline/);
    await until(async () => (output.includes(shown) ? true : undefined), 10, 'the error in the terminal');
    expect(await pageText()).toContain('A sentence saved while the preview runs');

    // A page opened while the content is broken shows the error as well.
    const another = await browser.newPage();
    await another.goto(url);
    await another.locator('vite-error-overlay').waitFor({ state: 'attached', timeout: 30_000 });
    await another.close();

    writeFileSync(file, good);
    await overlay.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await pageText()).toContain('A sentence saved while the preview runs');
  });
});
