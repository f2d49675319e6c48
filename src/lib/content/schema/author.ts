/** Author profiles: `content/authors/<id>.md`. */
import { z } from 'zod';
import { field, text, groupError, webUrl, photoPath } from './fields.ts';

/** Frontmatter of an author profile in `content/authors/<id>.md`; the body is the bio. */
export function authorSchema() {
  return z.strictObject({
    /** Name as printed in bylines. */
    name: text('write the name as it appears in bylines', { max: 120 }).meta(field('Name', 'as printed in bylines')),
    /** Position or beat, e.g. "Senior fellow, Gulf security". */
    role: text('write a short role, e.g. "Contributing editor"', { max: 160 })
      .optional()
      .meta(field('Role', 'position or beat, e.g. "Senior fellow, Gulf security"')),
    /** Portrait. */
    photo: z
      .strictObject(
        {
          src: photoPath().meta(field('Portrait', 'the image file')),
          alt: text('describe the portrait, e.g. "Portrait of Jane Doe"', { max: 300 }).meta(field('Alt text', 'e.g. "Portrait of Jane Doe"')),
        },
        { error: groupError('src, alt') },
      )
      .optional()
      .meta(field('Photo', 'a portrait, optional')),
    /** Links shown on the author page. */
    links: z
      .array(
        z.strictObject(
          {
            label: text('name the link, e.g. "Website"', { max: 60 }).meta(field('Label', 'e.g. "Website"')),
            url: webUrl('give the full address').meta(field('Address', 'https:// address')),
          },
          { error: groupError('label, url') },
        ),
        { error: 'must be a list of links, each with label and url' },
      )
      .default([])
      .meta(field('Links', 'shown on the author page')),
  });
}

export type AuthorFrontmatter = z.output<ReturnType<typeof authorSchema>>;
