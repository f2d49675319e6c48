import { describe, expect, it } from 'vitest';
import { isPublic, showsWithdrawalNotice } from '../../src/lib/content/visibility.ts';

const now = new Date('2026-11-20T12:00:00Z');
const past = new Date('2026-11-10T09:00:00Z');
const future = new Date('2026-12-01T09:00:00Z');
const withdrawn = { date: new Date('2026-11-14T16:00:00Z'), reason: 'It relied on a list we could not authenticate.' };

describe('which pieces readers see', () => {
  it('a published piece, and none that is a draft, scheduled or withdrawn', () => {
    expect(isPublic({ draft: false, published: past }, now)).toBe(true);
    expect(isPublic({ draft: false, published: now }, now)).toBe(true);
    expect(isPublic({ draft: true, published: past }, now)).toBe(false);
    expect(isPublic({ draft: false, published: future }, now)).toBe(false);
    expect(isPublic({ draft: false, published: past, withdrawn }, now)).toBe(false);
  });

  it('a notice only where a published piece was withdrawn', () => {
    expect(showsWithdrawalNotice({ draft: false, published: past, withdrawn }, now)).toBe(true);
    expect(showsWithdrawalNotice({ draft: false, published: past }, now)).toBe(false);
    // A draft takes the address down entirely; a piece never out has no address to keep.
    expect(showsWithdrawalNotice({ draft: true, published: past, withdrawn }, now)).toBe(false);
    expect(showsWithdrawalNotice({ draft: false, published: future, withdrawn }, now)).toBe(false);
  });
});
