import { describe, expect, it } from 'vitest';
import { createProcessor, renderBody } from '../../src/markdown/pipeline.ts';

const siteUrl = 'https://meridian-review.example';
const render = (markdown: string, base?: string) => renderBody(createProcessor({ siteUrl, ...(base ? { base } : {}) }), markdown).html;

const BODY = [
  'See [the earlier piece](/iran-sco/#note), [the list](/latest/page/2/) and [home](/).',
  '',
  'Also [elsewhere](https://example.org/x/), [our own address](https://meridian-review.example/iran-sco/),',
  '[protocol-relative](//cdn.example/x), [relative](notes/), [a fragment](#top) and [mail](mailto:desk@meridian-review.example).',
  '',
  '<a href="/tag/shipping/">raw HTML</a>',
].join('\n');

describe('root-relative links under a base path', () => {
  it('puts every root-relative link under the base', () => {
    const html = render(BODY, '/pr-7/');
    expect(html).toContain('href="/pr-7/iran-sco/#note"');
    expect(html).toContain('href="/pr-7/latest/page/2/"');
    expect(html).toContain('href="/pr-7/"');
    expect(html).toContain('href="/pr-7/tag/shipping/"');
  });

  it('leaves absolute, protocol-relative, relative, fragment and mail links alone', () => {
    const html = render(BODY, '/pr-7/');
    for (const href of [
      'https://example.org/x/',
      'https://meridian-review.example/iran-sco/',
      '//cdn.example/x',
      'notes/',
      '#top',
      'mailto:desk@meridian-review.example',
    ]) {
      expect(html, href).toContain(`href="${href}"`);
    }
  });

  it('renders exactly as before at the root', () => {
    expect(render(BODY, '/')).toBe(render(BODY));
    expect(render(BODY)).toContain('href="/iran-sco/#note"');
  });

  it('keeps sanitizing after the rewrite', () => {
    const html = render('[x](javascript:alert(1)) <a href="/x/" onclick="alert(1)">y</a>', '/pr-7/');
    expect(html).not.toMatch(/javascript:|onclick/);
    expect(html).toContain('href="/pr-7/x/"');
  });
});

describe('body photos under a base path', () => {
  const photos = { '../../images/map.jpg': { name: 'map', hash: '0123456789abcdef', width: 1600, height: 900 } };
  const figure = '::figure[A map]{src="../../images/map.jpg" alt="A map" credit="Map by Meridian Studio"}';
  it('puts the photo and every srcset candidate under the base, and the sanitizer keeps them', () => {
    const html = renderBody(createProcessor({ siteUrl, base: '/pr-7/' }), figure, photos).html;
    expect(html).toContain('src="/pr-7/images/map-0123456789abcdef-640x360-d9d0.webp"');
    expect(html).toContain('srcset="/pr-7/images/map-0123456789abcdef-640x360-bcae.avif 640w, /pr-7/images/map-0123456789abcdef-960x540-bcae.avif 960w,');
    expect(html).toContain('srcset="/pr-7/images/map-0123456789abcdef-640x360-d9d0.webp 640w, /pr-7/images/map-0123456789abcdef-960x540-d9d0.webp 960w,');
    expect(html).not.toContain('"/images/');
  });
});
