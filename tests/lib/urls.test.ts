import { describe, expect, it } from 'vitest';
import { slugProblem, suggestSlug, slugFromFileName, articlePath, absoluteUrl } from '../../src/lib/urls.ts';

describe('slugProblem', () => {
  it('accepts lowercase words joined by hyphens', () => {
    for (const slug of ['iran-sco', 'a1', 'gulf-water-2026']) expect(slugProblem(slug), slug).toBeNull();
  });
  it.each([
    ['../etc', 'path separator'],
    ['a%2Fb', 'encoded character'],
    ['my article', 'spaces'],
    ['My-Article', 'capital letters; use "my-article"'],
    ['double--hyphen', 'single hyphens'],
    ['-leading', 'single hyphens'],
    ['ünïcode', 'may only contain'],
    ['x'.repeat(81), 'keep it under 80'],
    ['', 'is empty'],
  ])('refuses %j', (slug, reason) => {
    expect(slugProblem(slug)).toContain(reason);
  });
});

describe('slug helpers', () => {
  it('suggests a safe slug', () => {
    expect(suggestSlug('Iran & the SCO: What Now?')).toBe('iran-the-sco-what-now');
    expect(suggestSlug('Ünïcödé headline')).toBe('unicode-headline');
    expect(suggestSlug('!!!')).toBe('untitled');
  });
  it('takes the slug from the file name', () => {
    expect(slugFromFileName('content/articles/2026/iran-sco.md')).toBe('iran-sco');
    expect(slugFromFileName('a\\b\\c.md')).toBe('c');
  });
  it('builds addresses', () => {
    expect(articlePath('iran-sco')).toBe('/iran-sco/');
    expect(absoluteUrl('/iran-sco/', 'https://example.org')).toBe('https://example.org/iran-sco/');
    expect(absoluteUrl('/iran-sco/', 'https://example.org/mag/')).toBe('https://example.org/iran-sco/');
  });
});
