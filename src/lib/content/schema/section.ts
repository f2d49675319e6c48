/** Sections: `content/sections.yaml`, in navigation order. */
import { z } from 'zod';
import { field, text, slugId, oneOf } from './fields.ts';

export const SECTION_KINDS = ['section', 'short-takes'] as const;

/** `content/sections.yaml`: the sections, in navigation order. */
export function sectionsSchema() {
  return z
    .array(sectionSchema(), { error: 'must be a list of sections, each with id, name and description' })
    .min(1, { error: 'is empty; list at least one section' });
}

/** One section of `content/sections.yaml`. */
export function sectionSchema() {
  return z.strictObject({
    /** Id used by articles and in the section's address. */
    id: slugId('section id', 'middle-east').meta(field('Id', 'lowercase words joined by hyphens; the address /<id>/ and what articles name')),
    /** Display name, e.g. "Middle East". */
    name: text('write the display name, e.g. "Middle East"', { max: 60 }).meta(field('Name', 'shown in navigation and kickers')),
    /** One or two sentences for the section page and feeds. */
    description: text('describe the section in a sentence').meta(field('Description', 'one or two sentences for the section page and feeds')),
    /** Regular section, or a brand of short takes with its own label. */
    kind: oneOf(SECTION_KINDS, 'section kind').default('section').meta(field('Kind', 'a regular section, or a brand of short takes')),
    /** The brand label shown instead of the type, e.g. "SIGNAL". */
    label: text('write the brand label, e.g. "SIGNAL"', { max: 40 })
      .optional()
      .meta(field('Brand label', 'short-takes brands only: the label shown instead of the type, e.g. "SIGNAL"')),
    /** Position in navigation; lower comes first, then file order. */
    order: z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .optional()
      .meta(field('Order', 'position in navigation; lower comes first, otherwise the order of the list')),
  });
}

export type Section = z.output<ReturnType<typeof sectionsSchema>>[number];
