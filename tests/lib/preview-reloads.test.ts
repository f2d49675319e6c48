import { describe, expect, it } from 'vitest';
import { RELOADS_TIMING, isFullReload, missedReload, reloadsTimingHeader, servedReloads } from '../../src/lib/preview-reloads.ts';

/** What a browser makes of a `Server-Timing` header, for the entries these tests need. */
function entriesOf(header: string): { name: string; description: string }[] {
  return header.split(',').map((part) => {
    const [name, ...params] = part.trim().split(';');
    const desc = params.map((param) => /^desc="?(.*?)"?$/.exec(param.trim())?.[1]).find((value) => value !== undefined);
    return { name: name!, description: desc ?? '' };
  });
}

describe('the count of reloads a preview page was served at', () => {
  it('is read back from the header the server stamps', () => {
    expect(servedReloads(entriesOf(reloadsTimingHeader(0)))).toBe(0);
    expect(servedReloads(entriesOf(`db;dur=53, ${reloadsTimingHeader(17)}`))).toBe(17);
  });

  it('is unknown on a page the preview did not stamp, or stamped with something else', () => {
    expect(servedReloads([])).toBeUndefined();
    expect(servedReloads([{ name: 'db', description: '3' }])).toBeUndefined();
    expect(servedReloads([{ name: RELOADS_TIMING, description: '' }])).toBeUndefined();
    expect(servedReloads([{ name: RELOADS_TIMING, description: '3; drop table' }])).toBeUndefined();
    expect(servedReloads([{ name: RELOADS_TIMING, description: '-1' }])).toBeUndefined();
  });
});

describe('a missed reload', () => {
  it('is one sent after the page was served', () => {
    expect(missedReload(4, 5)).toBe(true);
    expect(missedReload(4, 4)).toBe(false);
  });

  it('never reloads a page whose count is unknown, so a page outside the preview cannot loop', () => {
    expect(missedReload(undefined, 9)).toBe(false);
  });
});

describe('the messages counted as reloads', () => {
  it('are full reloads, whoever sends them', () => {
    expect(isFullReload({ type: 'full-reload' })).toBe(true);
    expect(isFullReload({ type: 'full-reload', path: '*' })).toBe(true);
  });

  it('are not updates, errors, custom events or anything else', () => {
    expect(isFullReload({ type: 'update', updates: [] })).toBe(false);
    expect(isFullReload({ type: 'error', err: { message: 'x', stack: '' } })).toBe(false);
    expect(isFullReload('broadsheet:reloads')).toBe(false);
    expect(isFullReload(null)).toBe(false);
    expect(isFullReload(undefined)).toBe(false);
  });
});
