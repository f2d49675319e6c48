/**
 * Turns zod issues into problems an editor can act on: one per field, unknown
 * keys each on their own line with a "did you mean" suggestion.
 */
import type { z } from 'zod';

export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

type Internal = { _zod: { def: Record<string, unknown> & { type: string } } };

/** Unwraps optional/default/pipe/array wrappers down to an object's keys at `path`. */
export function objectKeysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let current: Internal | undefined = schema as unknown as Internal;
  const unwrap = () => {
    for (let guard = 0; current && guard < 20; guard++) {
      const def: Record<string, unknown> & { type: string } = current._zod.def;
      if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)) {
        current = def.innerType as Internal;
      } else if (def.type === 'pipe') {
        current = def.in as Internal;
      } else {
        return;
      }
    }
  };
  unwrap();
  for (const segment of path) {
    if (!current) return [];
    const def: Record<string, unknown> & { type: string } = current._zod.def;
    if (def.type === 'object' && typeof segment === 'string') {
      current = (def.shape as Record<string, Internal>)[segment];
    } else if (def.type === 'array' && typeof segment === 'number') {
      current = def.element as Internal;
    } else {
      return [];
    }
    unwrap();
  }
  if (!current || current._zod.def.type !== 'object') return [];
  return Object.keys(current._zod.def.shape as object);
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The known name closest to `unknown`, if it is close enough to be a typo. */
export function closestName(unknown: string, known: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(unknown.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

export function issuesToProblems(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment.description) : segment));
    if (issue.code === 'unrecognized_keys') {
      const known = objectKeysAt(schema, path);
      for (const key of issue.keys) {
        const suggestion = closestName(key, known);
        const advice = suggestion
          ? `did you mean "${suggestion}"?`
          : `remove it; the known fields here are ${known.join(', ')}`;
        problems.push({ path: [...path, key], message: `unknown field "${key}"; ${advice}` });
      }
      continue;
    }
    problems.push({ path, message: issue.message });
  }
  return problems;
}

export function fieldName(path: readonly (string | number)[]): string {
  let name = '';
  for (const segment of path) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else name += name ? `.${segment}` : segment;
  }
  return name || 'frontmatter';
}
