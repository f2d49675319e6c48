/** Series: `content/series.yaml` and the `series: { id, part }` an article names. */
import { z } from 'zod';
import { field, text, groupError, describe, slugId } from './fields.ts';

/** `series: { id, part }` in an article: which series of content/series.yaml, and which part of it. */
export function seriesPlacementSchema() {
  const partHint = 'number the parts 1, 2, 3... in reading order, e.g. part: 2';
  return z.strictObject(
    {
      /** Id of a series in content/series.yaml. */
      id: slugId('series id from content/series.yaml', 'gulf-water').meta(field('Series id', 'the id of the series in content/series.yaml')),
      /** Position in the series: 1, 2, 3... */
      part: z
        .number({ error: (issue) => (issue.input === undefined ? `missing; ${partHint}` : `must be a whole number, not ${describe(issue.input)}; ${partHint}`) })
        .int({ error: `must be a whole number; ${partHint}` })
        .positive({ error: `must be 1 or more; ${partHint}` })
        .meta(field('Part', 'the part number: 1, 2, 3... in reading order')),
    },
    { error: groupError('id, part') },
  );
}

/** One series of `content/series.yaml`. */
export function seriesSchema() {
  return z.strictObject({
    /** Id that parts name and the address /series/<id>/. */
    id: slugId('series id', 'gulf-water').meta(field('Id', 'lowercase words joined by hyphens; the address /series/<id>/ and what parts name')),
    /** The series' title, e.g. "The Gulf's water wars". */
    title: text('write the series title, e.g. "Water and power in the Gulf"', { max: 120 }).meta(field('Title', 'shown on the series page and on each part')),
    /** One or two sentences for the series page, search results and feeds. */
    description: text('describe the series in a sentence or two', { max: 400 }).meta(field('Description', 'one or two sentences for the series page')),
  });
}

/** `content/series.yaml`: the series, each with id, title and description. Optional: a publication without series has no file. */
export function seriesListSchema() {
  return z.array(seriesSchema(), { error: 'must be a list of series, each with id, title and description' });
}

export type Series = z.output<ReturnType<typeof seriesSchema>>;
