/**
 * Whether a CMS configuration asks for exactly what the content schemas
 * accept: every schema field present with its name, whether it is required,
 * and its choices; no field the schemas lack. Walks the zod objects
 * themselves, not the JSON Schema the configuration is generated from, so it
 * also catches a generator that loses a field.
 */
import { z } from 'zod';
import { articleSchema, authorSchema, pageSchema, sectionSchema } from '../content/schema/index.ts';
import type { CmsCollection, CmsConfig, CmsField } from './config.ts';
import { SECTIONS_LIST_FIELD } from './formats.ts';

/** Collections whose files are Markdown: their form adds the body. */
const BODY_FIELD = 'body';

function expectedSchemas(timeZone: string): Record<string, z.ZodType> {
  return { articles: articleSchema({ timeZone }), authors: authorSchema(), pages: pageSchema(), sections: sectionSchema() };
}

/** The schema under optional, default and transform wrappers, and whether an editor may leave it out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    if (inner instanceof z.ZodOptional) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe) {
      inner = inner.in as z.ZodType;
    } else {
      return { inner, optional };
    }
  }
}

/**
 * `inOptionalGroup`: the fields belong to a group an editor may leave out,
 * whose required fields the form cannot require (src/lib/cms/config.ts,
 * `fieldFromSchema`); they must then be optional in the form.
 */
function compareFields(
  shape: Record<string, z.ZodType>,
  fields: readonly CmsField[],
  where: string,
  problems: string[],
  allowed: readonly string[] = [],
  inOptionalGroup = false,
): void {
  const byName = new Map(fields.map((field) => [field.name, field]));
  for (const field of fields) {
    if (!(field.name in shape) && !allowed.includes(field.name)) {
      problems.push(
        `${where}.${field.name}: in the CMS config but not in the schema (src/lib/content/schema/); add it to the schema or remove it from src/lib/cms/config.ts`,
      );
    }
  }
  for (const [name, schema] of Object.entries(shape)) {
    const field = byName.get(name);
    if (!field) {
      problems.push(`${where}.${name}: in the schema but missing from the CMS config; editors could not write it`);
      continue;
    }
    compareField(schema, field, `${where}.${name}`, problems, inOptionalGroup);
  }
}

function compareField(schema: z.ZodType, field: CmsField, where: string, problems: string[], inOptionalGroup: boolean): void {
  const { inner, optional } = unwrap(schema);
  const expectRequired = !optional && !inOptionalGroup;
  if (field.required !== expectRequired) {
    const inSchema = optional ? 'optional' : inOptionalGroup ? 'required within an optional group (optional in the form)' : 'required';
    problems.push(`${where}: ${inSchema} in the schema but ${field.required ? 'required' : 'optional'} in the CMS config`);
  }
  if (inner instanceof z.ZodEnum) {
    const choices = inner.options.map(String);
    if (JSON.stringify(field.options) !== JSON.stringify(choices)) {
      problems.push(`${where}: the schema accepts ${choices.join(', ')}; the CMS offers ${field.options?.join(', ') ?? 'free text'}`);
    }
  }
  if (inner instanceof z.ZodObject) {
    compareFields(inner.shape as Record<string, z.ZodType>, field.fields ?? [], where, problems, [], inOptionalGroup || optional);
  }
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as z.ZodType).inner;
    if (element instanceof z.ZodObject)
      compareFields(element.shape as Record<string, z.ZodType>, field.fields ?? [], `${where}[]`, problems);
    else if (field.fields) problems.push(`${where}: a list of single values in the schema but of groups of fields in the CMS config`);
  }
}

function collectionFields(collection: CmsCollection): readonly CmsField[] {
  if (collection.fields) return collection.fields;
  const list = collection.files?.[0]?.fields.find((field) => field.name === SECTIONS_LIST_FIELD);
  return list?.fields ?? [];
}

/** Every way the configuration and the schemas disagree; empty when they agree. */
export function schemaDisagreements(config: Pick<CmsConfig, 'collections'>, timeZone = 'UTC'): string[] {
  const problems: string[] = [];
  const schemas = expectedSchemas(timeZone);
  for (const [name, schema] of Object.entries(schemas)) {
    const collection = config.collections.find((candidate) => candidate.name === name);
    if (!collection) {
      problems.push(`${name}: no collection in the CMS config`);
      continue;
    }
    const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
    compareFields(shape, collectionFields(collection), name, problems, collection.format === 'frontmatter' ? [BODY_FIELD] : []);
  }
  for (const collection of config.collections) {
    if (!(collection.name in schemas)) problems.push(`${collection.name}: a CMS collection without a content schema`);
  }
  return problems;
}
