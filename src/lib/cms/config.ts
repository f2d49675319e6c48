/**
 * The editors' CMS (Decap CMS, served at /admin/): its configuration, made
 * from the content schemas (src/lib/content/schema/) at build time. Every field of
 * the forms comes from a schema field: its label and hint from `.meta()`, its
 * constraints (required, maximum length, choices, list bounds) from the
 * schema's JSON Schema, its widget from the JSON Schema type and `format`, and
 * from `input` where the type alone does not say it (a photo, a reference to
 * an author or a section). A field added to a schema therefore appears in the
 * CMS with the next build; `schemaDisagreements()` (tests/lib/cms-config.test.ts)
 * holds the two together.
 *
 * Decap writes exactly what the validator reads: Markdown files with YAML
 * frontmatter in the same folders, dates with their UTC offset, photo paths
 * relative to the file, authors in the order picked.
 */
import { z } from 'zod';
import { CONTENT_LAYOUT } from '../content/content-files.ts';
import { SLUG_MAX_LENGTH } from '../urls.ts';
import { articleSchema, authorSchema, pageSchema, sectionSchema, type FormInput } from '../content/schema/index.ts';
import { LOCAL_PROXY_PORT, SECTIONS_FORMAT, SECTIONS_LIST_FIELD } from './formats.ts';
import { dumpYaml } from '../content/yaml.ts';

export { LOCAL_PROXY_PORT };

/** A field of a Decap CMS collection: the subset of its options this module writes. */
export interface CmsField {
  name: string;
  label: string;
  hint: string;
  widget: 'string' | 'text' | 'markdown' | 'boolean' | 'number' | 'select' | 'datetime' | 'image' | 'relation' | 'object' | 'list';
  required: boolean;
  default?: unknown;
  /** [regular expression, message shown when the value does not match]. */
  pattern?: [string, string];
  options?: string[];
  value_type?: 'int';
  min?: number;
  max?: number;
  multiple?: boolean;
  fields?: CmsField[];
  collapsed?: boolean;
  /** datetime */
  format?: string;
  date_format?: string;
  time_format?: string | false;
  /** image */
  choose_url?: boolean;
  /** relation */
  collection?: string;
  file?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
  create?: boolean;
  delete?: boolean;
  extension: 'md' | 'yaml';
  format: 'frontmatter' | typeof SECTIONS_FORMAT;
  path?: string;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  sortable_fields?: string[];
  media_folder?: string;
  public_folder?: string;
  fields?: CmsField[];
}

export interface CmsConfig {
  backend: Record<string, unknown>;
  local_backend: true;
  publish_mode: 'editorial_workflow';
  site_url: string;
  display_url: string;
  media_folder: string;
  public_folder: string;
  omit_empty_optional_fields: true;
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  collections: CmsCollection[];
}

/** site.yaml's `cms`: where the CMS commits, and who signs editors in. */
export interface CmsRepository {
  repo: string;
  branch: string;
  authUrl?: string | undefined;
}

export interface CmsSettings {
  /** The content folder relative to the repository's root, with "/" separators (`content`). */
  contentFolder: string;
  siteUrl: string;
  /** site.yaml's time zone: the schemas read bare dates there. */
  timeZone: string;
  repository?: CmsRepository | undefined;
}

/**
 * An article's address: its headline made into a slug, cut at the validator's
 * 80 characters (Decap has no length limit of its own; the cut may fall inside
 * a word). Decap marks a cut with the text given, here "-", and its slug
 * cleaning then drops trailing hyphens, so the address never ends in one.
 */
export const ARTICLE_SLUG = `{{slug | truncate(${SLUG_MAX_LENGTH}, '-')}}`;

/** Dates as the validator reads them: the moment with its UTC offset, so the editor's own time zone cannot shift it. */
const DATE_TIME_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';
const DATE_FORMAT = 'YYYY-MM-DD';

/** A JSON Schema node as zod writes it, with our `.meta()` keys. */
interface SchemaNode {
  type?: string;
  title?: string;
  description?: string;
  input?: FormInput;
  format?: string;
  enum?: string[];
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
}

export class CmsConfigError extends Error {
  override name = 'CmsConfigError';
}

function jsonSchema(schema: z.ZodType): SchemaNode {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
}

/** Characters only, whatever the line breaks: Decap tests patterns against the whole value. */
function maxLengthPattern(max: number): [string, string] {
  return [`^[\\s\\S]{0,${max}}$`, `at most ${max} characters`];
}

const WEB_ADDRESS_PATTERN: [string, string] = ['^https?://\\S+$', 'a full web address, e.g. https://example.org/page'];

function relationField(base: Omit<CmsField, 'widget'>, input: Extract<FormInput, { kind: 'reference' }>, node: SchemaNode): CmsField {
  const multiple = node.type === 'array';
  const bounds = multiple
    ? { ...(node.minItems !== undefined && { min: node.minItems }), ...(node.maxItems !== undefined && { max: node.maxItems }) }
    : {};
  if (input.collection === 'authors') {
    return {
      ...base,
      widget: 'relation',
      collection: 'authors',
      value_field: '{{slug}}',
      search_fields: ['name'],
      display_fields: ['name'],
      multiple,
      ...bounds,
      options_length: 500,
    };
  }
  const list = SECTIONS_LIST_FIELD;
  return {
    ...base,
    widget: 'relation',
    collection: 'sections',
    file: 'sections',
    value_field: `${list}.*.id`,
    search_fields: [`${list}.*.name`],
    display_fields: [`${list}.*.name`],
    multiple,
    ...bounds,
  };
}

/**
 * The form field of one schema field. `where` names it in errors
 * (`articles.hero.alt`). `group` is the optional group the field belongs to,
 * if any: Decap requires a group's required fields even when the whole group
 * is left out (decaporg/decap-cms#2103), which would make the top photo
 * compulsory for short takes too; such fields are therefore optional in the
 * form, their hint says when they are needed, and the validator enforces it.
 */
export function fieldFromSchema(name: string, node: SchemaNode, required: boolean, where: string, group?: string): CmsField {
  if (!node.title || !node.description) {
    throw new CmsConfigError(
      `${where} has no label or hint for the CMS; give it .meta(field('Label', 'what to write')) in src/lib/content/schema/`,
    );
  }
  const neededWithGroup = required && group !== undefined;
  const base = {
    name,
    label: node.title,
    hint: neededWithGroup ? `needed with the ${group.toLowerCase()}: ${node.description}` : node.description,
    required: required && !neededWithGroup,
    ...(node.default !== undefined && { default: node.default }),
  };
  if (node.input?.kind === 'reference') return relationField(base, node.input, node);
  if (node.input?.kind === 'photo') return { ...base, widget: 'image', choose_url: false };
  if (node.enum) return { ...base, widget: 'select', options: [...node.enum] };
  if (node.format === 'date-time') {
    // A required moment starts at now; a field of an optional group stays empty, or the group would be written.
    return {
      ...base,
      widget: 'datetime',
      format: DATE_TIME_FORMAT,
      date_format: DATE_FORMAT,
      time_format: 'HH:mm',
      ...(base.required && node.default === undefined && { default: '{{now}}' }),
    };
  }
  if (node.format === 'date') return { ...base, widget: 'datetime', format: DATE_FORMAT, date_format: DATE_FORMAT, time_format: false };
  switch (node.type) {
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'integer':
      return { ...base, widget: 'number', value_type: 'int' };
    case 'object':
      return { ...base, widget: 'object', collapsed: false, fields: fieldsFromSchema(node, where, required ? group : node.title) };
    case 'array': {
      const bounds = {
        ...(node.minItems !== undefined && { min: node.minItems }),
        ...(node.maxItems !== undefined && { max: node.maxItems }),
      };
      // An item of a list is there because an editor added it: its required fields are required.
      if (node.items?.type === 'object')
        return { ...base, widget: 'list', collapsed: false, ...bounds, fields: fieldsFromSchema(node.items, `${where}[]`) };
      if (node.items?.type === 'string') return { ...base, widget: 'list', ...bounds };
      throw new CmsConfigError(
        `${where} is a list of ${node.items?.type ?? 'unknown values'}, which the CMS config cannot ask for; extend src/lib/cms/config.ts`,
      );
    }
    case 'string': {
      const pattern =
        node.format === 'uri' ? WEB_ADDRESS_PATTERN : node.maxLength !== undefined ? maxLengthPattern(node.maxLength) : undefined;
      return { ...base, widget: 'string', ...(pattern && { pattern }) };
    }
    default:
      throw new CmsConfigError(
        `${where} is of type ${node.type ?? 'unknown'}, which the CMS config cannot ask for; extend src/lib/cms/config.ts`,
      );
  }
}

function fieldsFromSchema(node: SchemaNode, where: string, group?: string): CmsField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) =>
    fieldFromSchema(name, child, required.has(name), `${where}.${name}`, group),
  );
}

/** The fields of a content schema's form, in the schema's order. */
export function formFields(schema: z.ZodType, where: string): CmsField[] {
  const node = jsonSchema(schema);
  if (node.type !== 'object') throw new CmsConfigError(`${where}: the schema is not a group of fields`);
  return fieldsFromSchema(node, where);
}

function bodyField(label: string, hint: string): CmsField {
  return { name: 'body', label, hint, widget: 'markdown', required: true };
}

function backendOf(repository: CmsRepository | undefined): Record<string, unknown> {
  if (!repository) {
    // No repository named: the local proxy is the only place to save.
    return { name: 'proxy', proxy_url: `http://localhost:${LOCAL_PROXY_PORT}/api/v1`, branch: 'main' };
  }
  const [origin, endpoint] = repository.authUrl ? splitAuthUrl(repository.authUrl) : [];
  return {
    name: 'github',
    repo: repository.repo,
    branch: repository.branch,
    ...(origin && { base_url: origin, auth_endpoint: endpoint }),
    squash_merges: true,
    commit_messages: {
      create: 'Create {{collection}} “{{slug}}”',
      update: 'Update {{collection}} “{{slug}}”',
      delete: 'Delete {{collection}} “{{slug}}”',
      uploadMedia: 'Upload “{{path}}”',
      deleteMedia: 'Delete “{{path}}”',
      openAuthoring: '{{message}}',
    },
  };
}

/** Decap takes the OAuth server as an origin and a path below it. */
function splitAuthUrl(authUrl: string): [string, string] {
  const url = new URL(authUrl);
  const base = url.pathname.replace(/^\/+|\/+$/g, '');
  return [url.origin, base === '' ? 'auth' : `${base}/auth`];
}

/** The whole configuration of the CMS. */
export function cmsConfig(settings: CmsSettings): CmsConfig {
  const root = settings.contentFolder.replace(/\/+$/, '');
  const at = (...parts: string[]) => [root, ...parts].filter(Boolean).join('/');
  const images = at('images');
  const options = { timeZone: settings.timeZone };
  return {
    backend: backendOf(settings.repository),
    // Decap turns to the local proxy only when /admin/ is opened from localhost (npm run cms).
    local_backend: true,
    publish_mode: 'editorial_workflow',
    site_url: settings.siteUrl,
    display_url: settings.siteUrl,
    media_folder: images,
    public_folder: `/${images}`,
    // An optional field left empty is left out: the validator refuses empty text.
    omit_empty_optional_fields: true,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'articles',
        label: 'Articles',
        label_singular: 'Article',
        description:
          'Every piece, short takes included. The address is made from the headline; the file goes in the folder of its section.',
        folder: at(CONTENT_LAYOUT.articles),
        create: true,
        extension: 'md',
        format: 'frontmatter',
        path: '{{section}}/{{slug}}',
        slug: ARTICLE_SLUG,
        identifier_field: 'title',
        summary: '{{title}} ({{type}}, {{section}})',
        sortable_fields: ['published', 'title'],
        // Photos are files in the images folder, written relative to the article two folders below it.
        media_folder: `/${images}`,
        public_folder: '../../images',
        fields: [
          ...formFields(articleSchema(options), 'articles'),
          bodyField('Body', 'the article, in Markdown: paragraphs, sub-headings, quotes, links, lists and tables'),
        ],
      },
      {
        name: 'authors',
        label: 'Authors',
        label_singular: 'Author',
        description: 'One profile per author; the address /author/<id>/ is made from the name.',
        folder: at(CONTENT_LAYOUT.authors),
        create: true,
        extension: 'md',
        format: 'frontmatter',
        slug: '{{slug}}',
        identifier_field: 'name',
        summary: '{{name}}',
        media_folder: `/${images}/authors`,
        public_folder: '../images/authors',
        fields: [...formFields(authorSchema(), 'authors'), bodyField('Bio', 'a few sentences about the author, in Markdown')],
      },
      {
        name: 'sections',
        label: 'Sections',
        description: 'The sections and short-takes brands, in navigation order.',
        extension: 'yaml',
        format: SECTIONS_FORMAT,
        files: [
          {
            name: 'sections',
            label: 'Sections',
            file: at(CONTENT_LAYOUT.sections),
            fields: [
              {
                name: SECTIONS_LIST_FIELD,
                label: 'Sections',
                hint: 'in navigation order; a section id is in the address of every page of the section, so change it only with care',
                widget: 'list',
                required: true,
                min: 1,
                collapsed: true,
                fields: formFields(sectionSchema(), 'sections'),
              },
            ],
          },
        ],
      },
      {
        name: 'pages',
        label: 'Site pages',
        label_singular: 'Site page',
        description:
          'About, Masthead, Contact, the corrections and ethics policy, Privacy: each at /<file name>/ and linked from every footer.',
        folder: at(CONTENT_LAYOUT.pages),
        create: true,
        extension: 'md',
        format: 'frontmatter',
        slug: '{{slug}}',
        identifier_field: 'title',
        summary: '{{title}}',
        fields: [...formFields(pageSchema(), 'pages'), bodyField('Page', 'the page, in Markdown')],
      },
    ],
  };
}

/** config.yml as /admin/ serves it. */
export function renderCmsConfig(config: CmsConfig): string {
  return `# Generated at build time from the content schemas (src/lib/cms/config.ts); change those, not this file.\n${dumpYaml(config)}`;
}
