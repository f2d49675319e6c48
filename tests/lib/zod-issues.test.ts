import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/lib/content/schema/index.ts';
import { closestName, editDistance, issuesToProblems, objectKeysAt, fieldName } from '../../src/lib/content/zod-issues.ts';

const schema = articleSchema({ timeZone: 'UTC' });

describe('did you mean', () => {
  it('measures edit distance', () => {
    expect(editDistance('tittle', 'title')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests only close names', () => {
    expect(closestName('tittle', ['title', 'dek'])).toBe('title');
    expect(closestName('Hero', ['hero'])).toBe('hero');
    expect(closestName('banana', ['title', 'dek'])).toBeUndefined();
  });
  it('finds the known keys of nested objects through optional and default wrappers', () => {
    expect(objectKeysAt(schema, ['hero'])).toEqual(['src', 'alt', 'caption', 'credit']);
    expect(objectKeysAt(schema, ['corrections', 0])).toEqual(['date', 'text']);
    expect(objectKeysAt(schema, [])).toContain('previousSlugs');
  });
  it('splits unknown keys into one problem each', () => {
    const result = schema.safeParse({ tittle: 'x', hero: { credits: 'y' } });
    expect(result.success).toBe(false);
    const problems = result.success ? [] : issuesToProblems(result.error.issues, schema);
    expect(problems).toContainEqual({ path: ['tittle'], message: 'unknown field "tittle"; did you mean "title"?' });
    expect(problems).toContainEqual({ path: ['hero', 'credits'], message: 'unknown field "credits"; did you mean "credit"?' });
  });
  it('names fields the way editors write them', () => {
    expect(fieldName(['hero', 'credit'])).toBe('hero.credit');
    expect(fieldName(['authors', 1])).toBe('authors[1]');
    expect(fieldName([])).toBe('frontmatter');
  });
});
