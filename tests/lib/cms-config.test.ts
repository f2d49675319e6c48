import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { CmsConfigError, cmsConfig, formFields, renderCmsConfig, type CmsConfig, type CmsField } from '../../src/lib/cms/config.ts';
import { schemaDisagreements } from '../../src/lib/cms/schema-check.ts';
import { contentFolderInRepository } from '../../src/lib/cms/content-folder.ts';
import { isServedBundleFile, servedBundleFiles } from '../../src/lib/cms/bundle.ts';
import { SECTIONS_FORMAT, SECTIONS_LIST_FIELD } from '../../src/lib/cms/formats.ts';
import { sectionsFromFile, sectionsToFile } from '../../src/lib/cms/sections-format.ts';
import { loadYaml } from '../../src/lib/content/yaml.ts';
import { parseAsDecap } from '../helpers/decap-yaml.ts';
import { ARTICLE_TYPES, PAGE_KINDS, SECTION_KINDS, articleSchema, field, sectionsSchema, siteSchema } from '../../src/lib/content/schema/index.ts';

const SETTINGS = {
  contentFolder: 'content',
  siteUrl: 'https://meridian-review.example/',
  timeZone: 'America/New_York',
  repository: { repo: 'meridian-review/site', branch: 'main' },
};
const config = cmsConfig(SETTINGS);

function collection(name: string) {
  const found = config.collections.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
}

/** A field by its path, e.g. `hero.alt`. */
function fieldAt(fields: readonly CmsField[], dotted: string): CmsField {
  const [head, ...rest] = dotted.split('.');
  const found = fields.find((candidate) => candidate.name === head);
  if (!found) throw new Error(`no field ${dotted}`);
  return rest.length === 0 ? found : fieldAt(found.fields ?? [], rest.join('.'));
}

const article = (dotted: string) => fieldAt(collection('articles').fields!, dotted);

/** A deep copy to break on purpose. */
function copy(): CmsConfig {
  return structuredClone(config);
}

describe('the CMS configuration generated from the schemas', () => {
  it('agrees with every content schema', () => {
    expect(schemaDisagreements(config)).toEqual([]);
  });

  it('asks for every article field, in the schema order, with its label and hint from .meta()', () => {
    const names = collection('articles').fields!.map((f) => f.name);
    expect(names).toEqual([...Object.keys(articleSchema({ timeZone: 'UTC' }).shape), 'body']);
    expect(article('title')).toMatchObject({
      label: 'Headline',
      widget: 'string',
      required: true,
      pattern: ['^[\\s\\S]{0,200}$', 'at most 200 characters'],
    });
    expect(article('title').hint).toMatch(/under 110 characters/);
    expect(article('dek')).toMatchObject({ label: 'Dek', required: true, pattern: ['^[\\s\\S]{0,400}$', 'at most 400 characters'] });
    expect(article('body')).toMatchObject({ widget: 'markdown', required: true });
  });

  it('offers exactly the article types as choices', () => {
    expect(article('type')).toMatchObject({ widget: 'select', required: true, options: [...ARTICLE_TYPES] });
  });

  it('picks the section from sections.yaml and several authors, in the order picked', () => {
    expect(article('section')).toMatchObject({
      widget: 'relation',
      collection: 'sections',
      file: 'sections',
      value_field: `${SECTIONS_LIST_FIELD}.*.id`,
      display_fields: [`${SECTIONS_LIST_FIELD}.*.name`],
      multiple: false,
      required: true,
    });
    expect(article('authors')).toMatchObject({
      widget: 'relation',
      collection: 'authors',
      value_field: '{{slug}}',
      multiple: true,
      min: 1,
      required: true,
    });
    expect(article('authors').hint).toMatch(/byline order/);
  });

  it('writes dates with their UTC offset, corrections by the day', () => {
    expect(article('published')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm:ssZ', required: true, default: '{{now}}' });
    expect(article('updated')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm:ssZ', required: false });
    expect(article('updated').default).toBeUndefined();
    expect(article('corrections')).toMatchObject({ widget: 'list', required: false });
    // Inside an optional group a date starts empty, or leaving the group alone would write it.
    expect(article('withdrawn.date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', required: false });
    expect(article('withdrawn.date').default).toBeUndefined();
    expect(article('corrections.date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false, required: true });
    expect(article('corrections.text')).toMatchObject({ widget: 'string', required: true });
  });

  it('asks for the top photo with its alt text and credit, written relative to the article', () => {
    expect(article('hero')).toMatchObject({ widget: 'object', required: false });
    expect(article('hero.src')).toMatchObject({ widget: 'image', choose_url: false });
    // Decap would require them even for a short take without a photo (decaporg/decap-cms#2103);
    // the hint says they come with the photo, and the validator holds them to it.
    for (const name of ['src', 'alt', 'credit']) {
      expect(article(`hero.${name}`).required, name).toBe(false);
      expect(article(`hero.${name}`).hint, name).toMatch(/^needed with the top photo: /);
    }
    expect(article('hero.caption').hint).not.toMatch(/needed with/);
    expect(article('hero.alt').pattern).toEqual(['^[\\s\\S]{0,400}$', 'at most 400 characters']);
    expect(collection('articles')).toMatchObject({
      path: '{{section}}/{{slug}}',
      media_folder: '/content/images',
      public_folder: '../../images',
    });
    // Cut at the validator's limit (tests/browser/cms.test.ts writes a longer headline).
    expect(collection('articles').slug).toBe("{{slug | truncate(80, '-')}}");
  });

  it('lists tags, corrections and former slugs, with the schema bounds', () => {
    expect(article('tags')).toMatchObject({ widget: 'list', max: 12, default: [], required: false });
    expect(article('previousSlugs')).toMatchObject({ widget: 'list', default: [], required: false, label: 'Former addresses' });
    expect(article('canonical').pattern?.[0]).toBe('^https?://\\S+$');
    expect(article('republished.outlet')).toMatchObject({ required: false });
    expect(article('republished.outlet').hint).toMatch(/^needed with the republished: /);
  });

  it('edits authors, sections and site pages too', () => {
    const authors = collection('authors');
    expect(authors).toMatchObject({ folder: 'content/authors', identifier_field: 'name', public_folder: '../images/authors' });
    expect(fieldAt(authors.fields!, 'name')).toMatchObject({ label: 'Name', required: true });
    expect(fieldAt(authors.fields!, 'photo.src')).toMatchObject({ widget: 'image' });
    expect(fieldAt(authors.fields!, 'links.url')).toMatchObject({ required: true });
    expect(fieldAt(authors.fields!, 'body').label).toBe('Bio');

    const sections = collection('sections');
    expect(sections).toMatchObject({ format: SECTIONS_FORMAT, extension: 'yaml' });
    const list = sections.files![0]!;
    expect(list.file).toBe('content/sections.yaml');
    expect(fieldAt(list.fields, `${SECTIONS_LIST_FIELD}.kind`)).toMatchObject({
      widget: 'select',
      options: [...SECTION_KINDS],
      default: 'section',
      required: false,
    });
    expect(fieldAt(list.fields, `${SECTIONS_LIST_FIELD}.order`)).toMatchObject({ widget: 'number', value_type: 'int' });

    expect(fieldAt(collection('pages').fields!, 'kind').options).toEqual([...PAGE_KINDS]);
  });

  it('publishes through pull requests on GitHub, and saves locally through the proxy', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.local_backend).toBe(true);
    expect(config.backend).toMatchObject({ name: 'github', repo: 'meridian-review/site', branch: 'main' });
    expect(config.backend).not.toHaveProperty('base_url');
    expect(
      cmsConfig({ ...SETTINGS, repository: { repo: 'a/b', branch: 'live', authUrl: 'https://auth.example.org/decap/' } }).backend,
    ).toMatchObject({
      branch: 'live',
      base_url: 'https://auth.example.org',
      auth_endpoint: 'decap/auth',
    });
    expect(cmsConfig({ ...SETTINGS, repository: undefined }).backend).toEqual({
      name: 'proxy',
      proxy_url: 'http://localhost:8081/api/v1',
      branch: 'main',
    });
  });

  it('renders YAML that reads back as the configuration, the same every time, with js-yaml and with Decap', () => {
    const text = renderCmsConfig(config);
    expect(text).toBe(renderCmsConfig(cmsConfig(SETTINGS)));
    expect(text.startsWith('# Generated at build time')).toBe(true);
    const expected = JSON.parse(JSON.stringify(config));
    expect(loadYaml(text)).toEqual(expected);
    expect(parseAsDecap(text)).toEqual(expected);
  });

  it('writes each value where it is used: no YAML anchors or aliases, which readers resolve differently', () => {
    // Two fields share one pattern object; without noRefs js-yaml writes it once as &ref_0 and refers to it as *ref_0.
    expect(renderCmsConfig(config)).not.toMatch(/[&*]ref_\d/);
  });
});

describe("the admin page's sections.yaml format", () => {
  const sample = readFileSync(path.join(import.meta.dirname, '../../content/sections.yaml'), 'utf8');

  it('reads the list as one field and writes back a list the validator reads as before', () => {
    const data = sectionsFromFile(sample);
    expect(data).toEqual({ [SECTIONS_LIST_FIELD]: loadYaml(sample) });
    const written = sectionsToFile(data);
    expect(loadYaml(written)).toEqual(loadYaml(sample));
    expect(sectionsSchema().safeParse(loadYaml(written)).success).toBe(true);
  });

  it('keeps text that looks like another type as text, and long descriptions on one line', () => {
    const items = [{ id: 'no', name: '2026', label: 'ON', description: `Trade: ${'a long sentence '.repeat(12)}# and more` }];
    const written = sectionsToFile({ [SECTIONS_LIST_FIELD]: items });
    expect(loadYaml(written)).toEqual(items);
    expect(written.trimEnd().split('\n')).toHaveLength(4);
  });

  it('reads an empty file as an empty list', () => {
    expect(sectionsFromFile('')).toEqual({ [SECTIONS_LIST_FIELD]: [] });
  });
});

describe('schemaDisagreements: the test that fails when the schema and the CMS disagree', () => {
  it('names a CMS field the schema lacks', () => {
    const broken = copy();
    broken.collections[0]!.fields!.push({ name: 'subtitle', label: 'Subtitle', hint: 'x', widget: 'string', required: false });
    expect(schemaDisagreements(broken)).toEqual([expect.stringMatching(/^articles\.subtitle: in the CMS config but not in the schema/)]);
  });

  it('names a schema field missing from the CMS', () => {
    const broken = copy();
    broken.collections[0]!.fields = broken.collections[0]!.fields!.filter((f) => f.name !== 'previousSlugs');
    expect(schemaDisagreements(broken)).toEqual([
      expect.stringMatching(/^articles\.previousSlugs: in the schema but missing from the CMS config/),
    ]);
  });

  it('looks inside groups and lists', () => {
    const broken = copy();
    const hero = broken.collections[0]!.fields!.find((f) => f.name === 'hero')!;
    hero.fields = hero.fields!.filter((f) => f.name !== 'credit');
    const corrections = broken.collections[0]!.fields!.find((f) => f.name === 'corrections')!;
    corrections.fields!.push({ name: 'by', label: 'By', hint: 'x', widget: 'string', required: false });
    expect(schemaDisagreements(broken)).toEqual([
      expect.stringMatching(/^articles\.hero\.credit: in the schema but missing/),
      expect.stringMatching(/^articles\.corrections\[\]\.by: in the CMS config but not in the schema/),
    ]);
  });

  it('names a field required in one and optional in the other', () => {
    const broken = copy();
    broken.collections[0]!.fields!.find((f) => f.name === 'dek')!.required = false;
    broken.collections[0]!.fields!.find((f) => f.name === 'canonical')!.required = true;
    expect(schemaDisagreements(broken)).toEqual([
      'articles.dek: required in the schema but optional in the CMS config',
      'articles.canonical: optional in the schema but required in the CMS config',
    ]);
  });

  it('names choices that differ', () => {
    const broken = copy();
    broken.collections[0]!.fields!.find((f) => f.name === 'type')!.options = ['analysis', 'news', 'feature'];
    expect(schemaDisagreements(broken)).toEqual([
      expect.stringMatching(/^articles\.type: the schema accepts analysis, opinion, .*; the CMS offers analysis, news, feature$/),
    ]);
  });

  it('names a missing collection, and a collection without a schema', () => {
    const broken = copy();
    broken.collections = broken.collections.filter((c) => c.name !== 'authors');
    broken.collections.push({ ...broken.collections[0]!, name: 'events' });
    expect(schemaDisagreements(broken)).toEqual([
      'authors: no collection in the CMS config',
      'events: a CMS collection without a content schema',
    ]);
  });
});

describe('formFields', () => {
  it('follows a field added to a schema', () => {
    const extended = articleSchema({ timeZone: 'UTC' }).extend({
      kicker: z.string().max(30).optional().meta(field('Kicker', 'a word above the headline')),
    });
    expect(fieldAt(formFields(extended, 'articles'), 'kicker')).toEqual({
      name: 'kicker',
      label: 'Kicker',
      hint: 'a word above the headline',
      widget: 'string',
      required: false,
      pattern: ['^[\\s\\S]{0,30}$', 'at most 30 characters'],
    });
  });

  it('refuses a schema field without a label and hint, naming it', () => {
    const bare = z.strictObject({ title: z.string().meta(field('Headline', 'the headline')), sponsor: z.string() });
    expect(() => formFields(bare, 'articles')).toThrow(CmsConfigError);
    expect(() => formFields(bare, 'articles')).toThrow(
      "articles.sponsor has no label or hint for the CMS; give it .meta(field('Label', 'what to write')) in src/lib/content/schema/",
    );
  });

  it('refuses a kind of field it cannot ask for', () => {
    const odd = z.strictObject({ ratio: z.number().meta(field('Ratio', 'a fraction')) });
    expect(() => formFields(odd, 'articles')).toThrow(/articles\.ratio is of type number/);
  });
});

describe('contentFolderInRepository', () => {
  it.each([
    ['content', '/repo', 'content'],
    ['/repo/content', '/repo', 'content'],
    ['sites/meridian/content', '/repo', 'sites/meridian/content'],
    ['/tmp/broadsheet-content-x1/content', '/repo', 'content'],
    ['../elsewhere/words', '/repo', 'words'],
  ])('%s in %s is %s', (dir, root, expected) => {
    expect(contentFolderInRepository(dir, root)).toBe(expected);
  });
});

describe("site.yaml's cms settings", () => {
  const base = {
    name: 'N',
    description: 'D',
    url: 'https://example.org',
    language: 'en',
    timeZone: 'UTC',
    logo: { src: '/logo.svg', alt: 'N' },
    newsletter: { action: 'https://lists.example.org/s', pitch: 'P' },
    copyright: 'N',
  };

  it('are optional, with the branch main by default', () => {
    expect(siteSchema().parse(base).cms).toBeUndefined();
    expect(siteSchema().parse({ ...base, cms: { repo: 'meridian-review/site' } }).cms).toEqual({
      repo: 'meridian-review/site',
      branch: 'main',
    });
  });

  it.each([
    [{ repo: 'https://github.com/meridian-review/site' }, 'must be a GitHub repository written'],
    [{ repo: 'meridian-review/site', branch: '../main' }, 'must be a branch name'],
    [{ repo: 'meridian-review/site', authUrl: 'javascript:alert(1)' }, 'unsafe scheme'],
    [{ repo: 'meridian-review/site', token: 'x' }, 'token'],
  ])('refuse %j', (cms, message) => {
    const result = siteSchema().safeParse({ ...base, cms });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});

describe('the Decap CMS files the site serves', () => {
  const dist = path.join(path.dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');

  it('are the bundle, its chunks, WebAssembly and licence notices, never source maps or the other builds', () => {
    const served = servedBundleFiles(readdirSync(dist));
    expect(served).toContain('decap-cms.js');
    expect(served).toContain('decap-cms.js.LICENSE.txt');
    expect(served.filter((name) => /^\d+\.decap-cms\.js$/.test(name)).length).toBeGreaterThan(10);
    expect(served.some((name) => name.endsWith('.map') || name.startsWith('cms.js') || /\.cms\.js$/.test(name))).toBe(false);
  });

  it('are named without any path', () => {
    expect(isServedBundleFile('decap-cms.js')).toBe(true);
    expect(isServedBundleFile('../package.json')).toBe(false);
    expect(isServedBundleFile('x/decap-cms.js')).toBe(false);
    expect(isServedBundleFile('decap-cms.js.map')).toBe(false);
  });
});
