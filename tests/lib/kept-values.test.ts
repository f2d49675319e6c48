import { describe, expect, it } from 'vitest';
import { keepValues, ONE_BY_ONE_LIMIT } from '../../src/lib/kept-values.ts';

function readers() {
  const calls = { one: [] as string[], many: [] as string[][] };
  return {
    calls,
    read: {
      one: (key: string) => {
        calls.one.push(key);
        return `one:${key}`;
      },
      many: (keys: string[], found: (key: string, value: string) => void) => {
        calls.many.push(keys);
        for (const key of keys) found(key, `many:${key}`);
      },
    },
  };
}

const keys = (count: number, prefix = 'k') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('values kept between evaluations of the preview', () => {
  it('reads many missing values in one pass, and a few one at a time', () => {
    const kept = new Map<string, string>();
    const first = readers();
    keepValues(kept, keys(ONE_BY_ONE_LIMIT + 1), first.read);
    expect(first.calls.many).toEqual([keys(ONE_BY_ONE_LIMIT + 1)]);
    expect(first.calls.one).toEqual([]);
    expect(kept.get('k0')).toBe('many:k0');

    const afterSave = readers();
    keepValues(kept, [...keys(ONE_BY_ONE_LIMIT + 1), 'new'], afterSave.read);
    expect(afterSave.calls).toEqual({ one: ['new'], many: [] });
    expect(kept.get('new')).toBe('one:new');
  });

  it('lets go of the keys no longer asked for', () => {
    const kept = new Map([
      ['old', 'a'],
      ['kept', 'b'],
    ]);
    keepValues(kept, ['kept', 'added'], readers().read);
    expect([...kept.keys()].sort()).toEqual(['added', 'kept']);
  });

  it('reads one at a time what a pass over many left out, and keeps nothing it did not ask for', () => {
    const kept = new Map<string, string>();
    const wanted = keys(ONE_BY_ONE_LIMIT + 5);
    const one: string[] = [];
    keepValues(kept, wanted, {
      one: (key) => (one.push(key), `one:${key}`),
      many: (missing, found) => {
        for (const key of missing.slice(2)) found(key, `many:${key}`);
        found('stranger', 'x');
      },
    });
    expect(one).toEqual(['k0', 'k1']);
    expect(kept.size).toBe(wanted.length);
    expect(kept.has('stranger')).toBe(false);
  });

  it('asks for a key listed twice once', () => {
    const kept = new Map<string, string>();
    const { calls, read } = readers();
    keepValues(kept, ['a', 'a', 'b'], read);
    expect(calls.one).toEqual(['a', 'b']);
  });
});
