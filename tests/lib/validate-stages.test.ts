/** The validator's stages one at a time, in process; the fixtures (tests/validate-cli.test.ts) run them all together. */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleRuleFindings, type Section } from '../../src/lib/content/schema/index.ts';
import { ValidationRun } from '../../src/lib/content/validate/run.ts';
import { checkSiteFiles } from '../../src/lib/content/validate/site.ts';
import { checkAuthors } from '../../src/lib/content/validate/authors.ts';
import { checkPages } from '../../src/lib/content/validate/pages.ts';
import { checkArticles } from '../../src/lib/content/validate/articles.ts';
import { checkInternalLinks, checkPreviousSlugs } from '../../src/lib/content/validate/cross-file.ts';
import { FileReporter } from '../../src/lib/content/validate/reporter.ts';
import type { Diagnostic } from '../../src/lib/content/diagnostics.ts';
import { findInternalLinks } from '../../src/lib/content/body-checks.ts';
import type { ArticleRecord } from '../../src/lib/content/validate/records.ts';
import { makeSite } from '../helpers/content-fixture.ts';

const sections = new Map<string, Section>([
  ['world', { id: 'world', name: 'World', description: 'World news.', kind: 'section' } as Section],
  ['signal', { id: 'signal', name: 'Signal', description: 'Short takes.', kind: 'short-takes', label: 'SIGNAL' } as Section],
]);

describe('article rules across fields', () => {
  const fields = (raw: Record<string, unknown>) => articleRuleFindings(raw, 'UTC', sections).map((finding) => [finding.path.join('.'), finding.severity]);

  it('refuses an update before publication and a short take in a regular section', () => {
    expect(fields({ published: '2026-03-02', updated: '2026-03-01', type: 'short-take', section: 'world' })).toEqual([
      ['updated', 'error'],
      ['section', 'error'],
    ]);
  });

  it('asks for a top photo on every type but a short take, and warns about a long dek and a repeated tag', () => {
    expect(fields({ type: 'analysis', section: 'world', dek: 'x'.repeat(201), tags: ['gas', 'gas'] })).toEqual([
      ['type', 'error'],
      ['dek', 'warning'],
      ['tags.1', 'warning'],
    ]);
  });

  it('finds nothing in a piece whose fields agree', () => {
    expect(fields({ type: 'short-take', section: 'signal', published: '2026-03-01', updated: '2026-03-02' })).toEqual([]);
  });
});

describe('stages on the valid fixture', () => {
  const sites: string[] = [];
  afterEach(() => {
    for (const site of sites.splice(0)) rmSync(site, { recursive: true, force: true });
  });
  const start = () => {
    const site = makeSite();
    sites.push(site);
    return { site, run: new ValidationRun(path.join(site, 'content'), site) };
  };

  it('reads the publication files, authors, pages and articles, counting each file once', () => {
    const { site, run } = start();
    const siteFiles = checkSiteFiles(run, path.join(site, 'public'));
    const authors = checkAuthors(run);
    const { pages, pageOwners } = checkPages(run, siteFiles.sectionById);
    const { articles, slugOwners } = checkArticles(run, siteFiles, new Set(authors.map((author) => author.id)), pageOwners, undefined);
    expect(run.diagnostics).toEqual([]);
    expect(siteFiles.site?.name).toBeTruthy();
    expect(authors.map((author) => author.id).sort()).toEqual(['ada-ferrer', 'ben-okri-test']);
    expect(pages.map((page) => page.slug)).toEqual(['standards']);
    expect(articles.length).toBe(slugOwners.size);
    expect(run.filesChecked).toBe(2 + authors.length + pages.length + articles.length);
  });

  it('names the public folder it looked in when the logo is missing', () => {
    const { site, run } = start();
    rmSync(path.join(site, 'public', 'logo.svg'));
    checkSiteFiles(run, path.join(site, 'public'));
    expect(run.diagnostics).toEqual([expect.objectContaining({ file: 'content/site.yaml', field: 'logo.src', severity: 'error', message: expect.stringContaining('put the logo in public/') })]);
  });

  it('reports an unknown author with the closest known id', () => {
    const { site, run } = start();
    const file = path.join(site, 'content', 'articles', 'world', 'unknown-author.md');
    writeFileSync(file, '---\ntitle: A piece\ntype: short-take\nsection: world\nauthors: [ada-ferer]\ndek: A dek.\npublished: 2026-03-01\n---\nText of the piece.\n');
    const siteFiles = checkSiteFiles(run, path.join(site, 'public'));
    checkArticles(run, siteFiles, new Set(['ada-ferrer']), new Map(), undefined);
    expect(run.diagnostics).toContainEqual(expect.objectContaining({ field: 'authors[0]', message: 'unknown author "ada-ferer"; did you mean "ada-ferrer"?' }));
  });
});

describe('rules across files', () => {
  const diagnostics: Diagnostic[] = [];
  const reporter = new FileReporter(diagnostics, 'content/articles/world/b.md', undefined);

  it('refuses a former slug that is a live article, a section or another article\'s former slug', () => {
    diagnostics.length = 0;
    const redirects = checkPreviousSlugs(
      [
        { slug: 'a', reporter, index: 0, file: 'content/articles/world/b.md' },
        { slug: 'world', reporter, index: 1, file: 'content/articles/world/b.md' },
        { slug: 'old-b', reporter, index: 2, file: 'content/articles/world/b.md' },
        { slug: 'old-b', reporter, index: 0, file: 'content/articles/world/c.md' },
      ],
      { slugOwners: new Map([['a', { file: 'content/articles/world/a.md' }]]), sectionById: sections, pageOwners: new Map() },
    );
    expect([...redirects]).toEqual([['old-b', 'content/articles/world/b.md']]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '"a" is the address of content/articles/world/a.md; remove it from previousSlugs',
      '"world" is the address of a section or fixed page; remove it from previousSlugs',
      '"old-b" is also a former slug of content/articles/world/b.md; one old address can point to one article only',
    ]);
  });

  it('refuses a link that leads nowhere and warns about one to a draft', () => {
    const found: Diagnostic[] = [];
    const article = (slug: string, body: string, draft = false) =>
      ({ slug, file: `content/articles/world/${slug}.md`, body, internalLinks: findInternalLinks(body), bodyLine: 10, data: { draft, previousSlugs: [] } }) as unknown as ArticleRecord;
    const articles = [article('gas-deal', 'See [the talks](/gas-talk/) and [the draft](/pipeline/).'), article('pipeline', 'Text.', true), article('gas-talks', 'Text.')];
    const slugOwners = new Map(articles.map((a) => [a.slug, { file: a.file }]));
    checkInternalLinks(articles, [], { slugOwners, sectionById: sections, pageOwners: new Map(), redirectOwners: new Map() }, found);
    expect(found.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['error', 10, 'link "/gas-talk/" leads nowhere: no article has the slug "gas-talk"; did you mean "/gas-talks/"?'],
      ['warning', 10, 'link "/pipeline/" leads to a piece that is a draft; readers see its words as plain text until the piece is published again, or remove the link'],
    ]);
  });
});
