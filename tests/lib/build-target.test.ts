import { describe, expect, it } from 'vitest';
import {
  BuildSettingError,
  addressUnderBase,
  buildBase,
  isPreviewBuild,
  normalizeBase,
  ownUrlUnderBase,
  stripBase,
  withBase,
} from '../../src/lib/build-target.ts';

describe('normalizeBase', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['pr-12', '/pr-12/'],
    ['/pr-12', '/pr-12/'],
    ['/pr-12/', '/pr-12/'],
    ['pr-12/', '/pr-12/'],
    ['/previews/pr-7/', '/previews/pr-7/'],
    ['previews/pr-7', '/previews/pr-7/'],
    ['/Meridian_Review.v2~/', '/Meridian_Review.v2~/'],
  ])('gives %j as %j', (raw, base) => {
    expect(normalizeBase(raw)).toBe(base);
  });

  it.each([
    ['/../etc/', '".."'],
    ['/pr-12/..', '".."'],
    ['./pr', '"."'],
    ['//pr-12/', 'empty segment'],
    ['/pr-12//x/', 'empty segment'],
    ['//', 'empty segment'],
    ['/pr 12/', 'space'],
    [' /pr-12/', 'space'],
    ['/pr-12/\t', 'space'],
    ['/pr-12/?x=1', 'query'],
    ['/pr-12/#top', 'fragment'],
    ['/pr%2F12/', 'encoded'],
    ['\\pr-12\\', 'backslash'],
    ['https://example.org/pr-12/', 'an address, not a path'],
    ['/pr:12/', 'may only contain'],
    ['/prévue/', 'may only contain'],
  ])('refuses %j, saying it %s', (raw, reason) => {
    expect(() => normalizeBase(raw)).toThrow(BuildSettingError);
    expect(() => normalizeBase(raw)).toThrow(reason);
    expect(() => normalizeBase(raw)).toThrow(/BROADSHEET_BASE=.*give a path such as "\/pr-12\/"/);
  });

  it('names the setting it was given', () => {
    expect(() => normalizeBase('/a//b/', '--base')).toThrow(/^--base="\/a\/\/b\/"/);
  });
});

describe('withBase and stripBase', () => {
  it('leaves paths alone at the root', () => {
    expect(withBase('/', '/')).toBe('/');
    expect(withBase('/iran-sco/', '/')).toBe('/iran-sco/');
    expect(stripBase('/iran-sco/', '/')).toBe('/iran-sco/');
  });
  it('puts site paths under the base and takes them out again', () => {
    expect(withBase('/', '/pr-7/')).toBe('/pr-7/');
    expect(withBase('/iran-sco/', '/pr-7/')).toBe('/pr-7/iran-sco/');
    expect(withBase('/rss.xml', '/previews/pr-7/')).toBe('/previews/pr-7/rss.xml');
    expect(stripBase('/pr-7/iran-sco/#note', '/pr-7/')).toBe('/iran-sco/#note');
    expect(stripBase('/pr-7/', '/pr-7/')).toBe('/');
    expect(stripBase('/pr-7', '/pr-7/')).toBe('/');
  });
  it('says when a path lies outside the base', () => {
    expect(stripBase('/iran-sco/', '/pr-7/')).toBeUndefined();
    expect(stripBase('/pr-70/', '/pr-7/')).toBeUndefined();
    expect(stripBase('iran-sco/', '/')).toBeUndefined();
  });
  it('refuses paths that are not from the site root', () => {
    expect(() => withBase('iran-sco/', '/pr-7/')).toThrow(/from the site root/);
    expect(() => withBase('//evil.example/', '/pr-7/')).toThrow(/from the site root/);
  });
});

describe('addressUnderBase', () => {
  it("gives the address of the site's root under the base", () => {
    expect(addressUnderBase('https://meridian-review.example', '/previews/pr-12/')).toBe('https://meridian-review.example/previews/pr-12/');
    expect(addressUnderBase('https://meridian-review.example/', '/')).toBe('https://meridian-review.example/');
    expect(addressUnderBase('https://owner.github.io/ignored/', '/broadsheet/')).toBe('https://owner.github.io/broadsheet/');
  });
});

describe('ownUrlUnderBase', () => {
  const site = 'https://meridian-review.example';
  it("puts an address on the site's own origin under the base", () => {
    expect(ownUrlUnderBase('https://meridian-review.example/rss.xml', site, '/pr-7/')).toBe('https://meridian-review.example/pr-7/rss.xml');
    expect(ownUrlUnderBase('https://meridian-review.example/pr-7/rss.xml', site, '/pr-7/')).toBe(
      'https://meridian-review.example/pr-7/rss.xml',
    );
  });
  it('leaves other origins, other schemes and the root build alone', () => {
    expect(ownUrlUnderBase('https://bsky.app/profile/x', site, '/pr-7/')).toBe('https://bsky.app/profile/x');
    expect(ownUrlUnderBase('http://meridian-review.example/rss.xml', site, '/pr-7/')).toBe('http://meridian-review.example/rss.xml');
    expect(ownUrlUnderBase('https://meridian-review.example/rss.xml', site, '/')).toBe('https://meridian-review.example/rss.xml');
  });
});

describe('the build settings from the environment', () => {
  it('reads the base, root when unset', () => {
    expect(buildBase({})).toBe('/');
    expect(buildBase({ BROADSHEET_BASE: 'pr-12' })).toBe('/pr-12/');
    expect(() => buildBase({ BROADSHEET_BASE: '/pr-12/../x' })).toThrow(/BROADSHEET_BASE/);
  });
  it('reads the preview flag, refusing what it cannot read', () => {
    for (const value of [undefined, '', '0', 'false', 'FALSE'])
      expect(isPreviewBuild({ BROADSHEET_PREVIEW: value }), String(value)).toBe(false);
    for (const value of ['1', 'true', 'True']) expect(isPreviewBuild({ BROADSHEET_PREVIEW: value }), value).toBe(true);
    expect(() => isPreviewBuild({ BROADSHEET_PREVIEW: 'yes please' })).toThrow(/BROADSHEET_PREVIEW="yes please": use 1/);
  });
});
