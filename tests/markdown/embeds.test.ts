import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { createProcessor, renderBody } from '../../src/markdown/pipeline.ts';

const processor = createProcessor({ siteUrl: 'https://meridian-review.example' });
const render = (markdown: string) => renderBody(processor, markdown);
const VIDEO = 'https://youtu.be/Xk3pL9qR2sT';

describe('embed directives in the pipeline', () => {
  it('frames a video lazily, sandboxed, titled, on the privacy-enhanced domain, with a link under it', () => {
    const { html, frameOrigins } = render(`::embed[The briefing]{url="${VIDEO}"}`);
    const tree = fromHtml(html, { fragment: true });
    const [frame] = selectAll('figure.embed-video .embed-frame.embed-ratio-16x9 iframe', tree);
    expect(frame?.properties).toMatchObject({
      src: 'https://www.youtube-nocookie.com/embed/Xk3pL9qR2sT',
      title: 'The briefing',
      loading: 'lazy',
      referrerPolicy: 'strict-origin-when-cross-origin',
      sandbox: ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox'],
    });
    expect(selectAll('figcaption a', tree).map((a) => a.properties.href)).toEqual(['https://www.youtube.com/watch?v=Xk3pL9qR2sT']);
    expect(frameOrigins).toEqual(['https://www.youtube-nocookie.com']);
  });

  it('shows a social post as a quote card: no frame, no script, nothing to load', () => {
    const { html, frameOrigins } = render('::embed[Talks resume Monday.]{url="https://x.com/dfm_office/status/1861234567890123456" author="Deputy minister (@dfm_office)"}');
    const tree = fromHtml(html, { fragment: true });
    expect(selectAll('iframe, script, img', tree)).toEqual([]);
    expect(selectAll('blockquote p', tree)[0]?.children).toEqual([{ type: 'text', value: 'Talks resume Monday.', position: expect.anything() }]);
    expect(frameOrigins).toEqual([]);
  });

  it('lists each framed origin once, sorted', () => {
    const markdown = [`::embed[A]{url="${VIDEO}"}`, '::embed[B]{url="https://datawrapper.dwcdn.net/Qm7Za/4/"}', `::embed[C]{url="${VIDEO}"}`].join('\n\n');
    expect(render(markdown).frameOrigins).toEqual(['https://datawrapper.dwcdn.net', 'https://www.youtube-nocookie.com']);
  });

  it('keeps attribute injection in a title or quote as text', () => {
    const { html } = render(`::embed[x" onload="alert(1)" data-x="]{url="${VIDEO}"}\n\n::embed[<img src=x onerror=alert(1)>]{url="https://x.com/a/status/1" author="\\"><script>alert(1)</script>"}`);
    const tree = fromHtml(html, { fragment: true });
    for (const element of selectAll('*', tree)) {
      expect(Object.keys(element.properties).filter((name) => /^on|^data/i.test(name)), element.tagName).toEqual([]);
      expect(['script', 'img']).not.toContain(element.tagName);
    }
    expect(selectAll('iframe', tree)[0]?.properties.title).toBe('x” onload=”alert(1)” data-x=”');
  });

  it('refuses to frame a refused address: the directive stays text, no frame, no origin', () => {
    for (const url of ['javascript:alert(1)', 'https://youtube.com@evil.example/watch?v=Xk3pL9qR2sT', 'https://evil.example/embed/Xk3pL9qR2sT', 'http://youtu.be/Xk3pL9qR2sT']) {
      const { html, frameOrigins } = render(`::embed[Title]{url="${url}"}`);
      expect(html).not.toContain('<iframe');
      expect(html).toMatch(/^<p>::embed\[Title\]/);
      expect(frameOrigins).toEqual([]);
    }
  });

  it('drops every raw iframe, even one with an allowed address or dressed as an embed', () => {
    const markdown = [
      '<iframe src="https://www.youtube-nocookie.com/embed/Xk3pL9qR2sT"></iframe>',
      '<figure class="embed"><div class="embed-frame"><iframe src="https://www.youtube-nocookie.com/embed/Xk3pL9qR2sT" sandbox="allow-top-navigation"></iframe></div></figure>',
      `Text <iframe srcdoc="<script>alert(1)</script>"></iframe>\n\n::embed[Real]{url="${VIDEO}"}`,
    ].join('\n\n');
    const { html } = render(markdown);
    const frames = selectAll('iframe', fromHtml(html, { fragment: true }));
    expect(frames.map((frame) => frame.properties.title)).toEqual(['Real']);
  });
});
