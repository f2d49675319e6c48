import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { askForArticle, planNewArticle, readContentFacts, type NewArticleRequest } from '../../src/lib/content/new-article.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { parseMarkdownSource } from '../../src/lib/content/frontmatter.ts';
import { articleSchema } from '../../src/lib/content/schema/index.ts';
import { findHints } from '../../src/lib/content/placeholders.ts';
import { makeSite, REPO } from '../helpers/content-fixture.ts';

const NOW = new Date('2026-12-02T03:30:00Z'); // 22:30 the evening before in New York, the fixture's time zone
const sites: string[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) rmSync(site, { recursive: true, force: true });
});

function site(): { dir: string; content: string } {
  const dir = makeSite();
  sites.push(dir);
  return { dir, content: path.join(dir, 'content') };
}

const analysis: NewArticleRequest = { type: 'analysis', section: 'world', authors: ['ada-ferrer', 'ben-okri-test'], title: "Harbour pilots' strike: what the ports lose" };

function planIn(content: string, request: NewArticleRequest) {
  return planNewArticle(request, readContentFacts(content).facts, NOW);
}

function write(content: string, request: NewArticleRequest): string {
  const plan = planIn(content, request);
  if (!plan.ok) throw new Error(plan.problems.join('\n'));
  const file = path.join(content, plan.article.file);
  writeFileSync(file, plan.article.text);
  return file;
}

describe('a new article', () => {
  it('is content/articles/<section>/<slug>.md with a slug from the headline', () => {
    const { content } = site();
    const plan = planIn(content, analysis);
    expect(plan.ok && plan.article.file).toBe('articles/world/harbour-pilots-strike-what-the-ports-lose.md');
  });

  it('validates as a draft with warnings only, and is not loaded while it holds hints', () => {
    const { content, dir } = site();
    const file = write(content, analysis);
    const report = validateContent(content, { cwd: dir });
    const mine = report.diagnostics.filter((d) => d.file === path.relative(dir, file));
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(mine.every((d) => d.severity === 'warning' && d.message.includes('still holds the hint'))).toBe(true);
    expect(mine.map((d) => d.field)).toEqual(expect.arrayContaining(['dek', 'hero.src', 'hero.alt', 'hero.credit', 'body']));
    expect(report.articles.map((article) => article.slug)).not.toContain('harbour-pilots-strike-what-the-ports-lose');
  });

  it('holds every field the schema requires, and a photo unless it is a short take', () => {
    const { content } = site();
    const required = (z.toJSONSchema(articleSchema({ timeZone: 'UTC' }), { io: 'input', unrepresentable: 'any' }) as { required: string[] }).required;
    for (const request of [analysis, { ...analysis, type: 'short-take', section: 'briefs', title: 'Tariff notes' }]) {
      const plan = planIn(content, request);
      if (!plan.ok) throw new Error(plan.problems.join('\n'));
      const parsed = parseMarkdownSource(new TextEncoder().encode(plan.article.text));
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const data = parsed.source.data;
      for (const field of required) expect(data, field).toHaveProperty(field);
      expect(data.draft).toBe(true);
      expect('hero' in data).toBe(request.type !== 'short-take');
      expect(data.authors).toEqual(request.authors);
    }
  });

  it('is dated now in the site time zone', () => {
    const { content } = site();
    const plan = planIn(content, analysis);
    expect(plan.ok && plan.article.text).toContain('\npublished: 2026-12-01T22:30:00-05:00\n');
  });

  it('is an error, not a warning, once draft is false with hints left', () => {
    const { content, dir } = site();
    const file = write(content, analysis);
    writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true', 'draft: false'));
    const errors = validateContent(content, { cwd: dir }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.field)).toEqual(expect.arrayContaining(['dek', 'hero.src', 'body']));
    expect(errors[0]!.message).toContain('set draft: true until the piece is ready');
  });

  it('validates without a warning once the hints are replaced', () => {
    const { content, dir } = site();
    const file = write(content, analysis);
    const filled = readFileSync(file, 'utf8')
      .replace(/dek: .*/, 'dek: "Pilots walked out; ships waited."')
      .replace(/src: .*/, 'src: ../../images/harbour.jpg')
      .replace(/alt: .*/, 'alt: "Cranes over a quay"')
      .replace(/ {2}caption: .*\n/, '')
      .replace(/credit: .*/, 'credit: "Ada Ferrer"')
      .replace(/\[\[Write the piece here.*\]\]/, 'The pilots walked out on Monday.');
    writeFileSync(file, filled);
    const report = validateContent(content, { cwd: dir });
    const parsed = parseMarkdownSource(readFileSync(file));
    expect(parsed.ok && findHints(parsed.source.data)).toEqual([]);
    expect(report.diagnostics).toEqual([]);
    expect(report.articles.map((article) => article.slug)).toContain('harbour-pilots-strike-what-the-ports-lose');
  });
});

describe('a new article refuses', () => {
  it.each([
    ['an article\'s address', { title: 'Harbour dues rise' }, 'is taken by'],
    ['a former address', { title: 'Canal levels fall' }, 'a former address, in previousSlugs'],
    ['a section', { title: 'Economy' }, 'the section "Economy"'],
    ['a fixed page', { title: 'Latest' }, 'fixed page of the site'],
    ['a headline without letters', { title: '!!!' }, 'choose one with --slug'],
    ['an unknown section', { section: 'wrold' }, '--section "wrold" is not a section'],
    ['an unknown author', { authors: ['ada-ferer'] }, '--author "ada-ferer" has no profile'],
    ['an unknown type', { type: 'essay' }, '--type "essay" is not a type'],
    ['a short take in a regular section', { type: 'short-take' }, 'short takes go in a short-takes brand (briefs)'],
    ['a regular piece in a brand', { section: 'briefs' }, '"briefs" is a short-takes brand'],
  ])('%s', (_, change, message) => {
    const { content } = site();
    const plan = planIn(content, { ...analysis, ...change });
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.problems.join('\n')).toContain(message);
  });

  it('a slug it just wrote', () => {
    const { content } = site();
    write(content, analysis);
    const again = planIn(content, analysis);
    expect(!again.ok && again.problems[0]).toContain('articles/world/harbour-pilots-strike-what-the-ports-lose.md');
  });
});

describe('asking in a terminal', () => {
  it('asks for each field and asks again after a wrong answer', async () => {
    const { content } = site();
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    input.end('essay\nanalysis\nbriefs\nworld\nada-ferrer, nobody\nada-ferrer ben-okri-test\nA harbour at night\n');
    const request = await askForArticle(readContentFacts(content).facts, { input, output });
    expect(request).toEqual({ type: 'analysis', section: 'world', authors: ['ada-ferrer', 'ben-okri-test'], title: 'A harbour at night' });
    expect(shown).toContain('choose one of: analysis');
    expect(shown).toContain('Section (world, economy):');
    expect(shown).toContain('no profile for nobody');
  });

  it('stops when the input ends', async () => {
    const { content } = site();
    const input = new PassThrough();
    input.end('analysis\n');
    await expect(askForArticle(readContentFacts(content).facts, { input, output: new PassThrough() })).rejects.toThrow('nothing was written');
  });
});

describe('npm run new', () => {
  const run = (args: string[], cwd: string) =>
    spawnSync(path.join(REPO, 'node_modules/.bin/node'), [path.join(REPO, 'scripts/new.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, BROADSHEET_NOW: NOW.toISOString() } });

  it('writes the draft, then refuses the same headline', () => {
    const { dir, content } = site();
    const args = ['--type', 'analysis', '--section', 'world', '--author', 'ada-ferrer', 'Harbour at night'];
    const first = run(args, dir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(existsSync(path.join(content, 'articles/world/harbour-at-night.md'))).toBe(true);
    const second = run(args, dir);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('"/harbour-at-night/" is taken by content/articles/world/harbour-at-night.md');
  });

  it('without arguments and without a terminal, says what it needs', () => {
    const { dir } = site();
    const result = run([], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing --type, --section, --author, the headline');
  });
});
