import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { siteLinkTarget, siteLinkTargets, unlinkSiteLinks } from '../../src/lib/presentation/site-links.ts';
import { createProcessor, renderBody } from '../../src/markdown/pipeline.ts';

const HOST = 'gazette.example';

describe('siteLinkTarget', () => {
  it('names the piece a link into the site leads to', () => {
    expect(siteLinkTarget('/iran-sco/', HOST)).toBe('iran-sco');
    expect(siteLinkTarget('/iran-sco/#note', HOST)).toBe('iran-sco');
    expect(siteLinkTarget('/iran-sco?ref=x', HOST)).toBe('iran-sco');
    expect(siteLinkTarget('https://gazette.example/iran-sco/', HOST)).toBe('iran-sco');
    expect(siteLinkTarget('//gazette.example/iran-sco/', HOST)).toBe('iran-sco');
    expect(siteLinkTarget('/caf%C3%A9/', HOST)).toBe('café');
  });

  it('ignores links elsewhere, the home page and fragments', () => {
    expect(siteLinkTarget('https://elsewhere.example/iran-sco/', HOST)).toBeUndefined();
    expect(siteLinkTarget('//elsewhere.example/iran-sco/', HOST)).toBeUndefined();
    expect(siteLinkTarget('/', HOST)).toBeUndefined();
    expect(siteLinkTarget('https://gazette.example/', HOST)).toBeUndefined();
    expect(siteLinkTarget('#notes', HOST)).toBeUndefined();
    expect(siteLinkTarget('mailto:desk@gazette.example', HOST)).toBeUndefined();
    expect(siteLinkTarget('iran-sco/', HOST)).toBeUndefined();
  });

  it('takes the base path off a link under it, the site being served there (a preview, a project site)', () => {
    expect(siteLinkTarget('/pr-12/iran-sco/#note', HOST, '/pr-12/')).toBe('iran-sco');
    expect(siteLinkTarget('/pr-12/', HOST, '/pr-12/')).toBeUndefined();
    // A root-relative link outside the base leads nowhere in this build.
    expect(siteLinkTarget('/iran-sco/', HOST, '/pr-12/')).toBeUndefined();
    // An absolute one on the site's host names its piece, with or without the base.
    expect(siteLinkTarget('https://gazette.example/iran-sco/', HOST, '/pr-12/')).toBe('iran-sco');
    expect(siteLinkTarget('https://gazette.example/pr-12/iran-sco/', HOST, '/pr-12/')).toBe('iran-sco');
  });

  it('keeps a segment that is not valid percent-encoding as written', () => {
    expect(siteLinkTarget('/100%-sure/', HOST)).toBe('100%-sure');
  });
});

describe('siteLinkTargets', () => {
  it('lists each target once, sorted, from links at any depth', () => {
    const tree = fromHtml('<p><a href="/b/">b</a> <em><a href="/a/#x">a</a></em> <a href="/b/">again</a> <a href="https://else.example/c/">c</a></p><ul><li><a href="https://gazette.example/d/">d</a></li></ul>', { fragment: true });
    expect(siteLinkTargets(tree, HOST)).toEqual(['a', 'b', 'd']);
  });
});

describe('the pipeline records the links a body makes into the site', () => {
  const processor = createProcessor({ siteUrl: `https://${HOST}` });
  it('from inline, reference and absolute links, not from external ones', () => {
    const body = 'See [the deal](/gulf-deal/), [the talks][talks] and [the map](https://gazette.example/maps/sahel/); [elsewhere](https://news.example/gulf/).\n\n[talks]: /vienna-talks/#day-two\n';
    expect(renderBody(processor, body).siteLinkTargets).toEqual(['gulf-deal', 'maps', 'vienna-talks']);
  });
  it('as an empty list when there are none', () => {
    expect(renderBody(processor, 'No links here.').siteLinkTargets).toEqual([]);
  });
});

describe('unlinkSiteLinks', () => {
  const html = '<p>As <a href="/gulf-deal/">the <em>Gulf</em> deal</a> showed, and <a href="/vienna-talks/">the talks</a> confirmed, see <a href="https://gazette.example/gulf-deal/#terms">its terms</a>.</p>';

  it('turns links to hidden pieces into their words, emphasis kept, and leaves the others', () => {
    expect(unlinkSiteLinks(html, new Set(['gulf-deal']), HOST)).toBe(
      '<p>As the <em>Gulf</em> deal showed, and <a href="/vienna-talks/">the talks</a> confirmed, see its terms.</p>',
    );
  });

  it('reaches links nested in lists and quotes', () => {
    const nested = '<blockquote><ul><li><a href="/gulf-deal/">deal</a></li></ul></blockquote>';
    expect(unlinkSiteLinks(nested, new Set(['gulf-deal']), HOST)).toBe('<blockquote><ul><li>deal</li></ul></blockquote>');
  });

  it('returns the very same text when no link is hidden', () => {
    const spelled = '<p>Fish &#x26; chips at <a href="/vienna-talks/">the talks</a></p>';
    expect(unlinkSiteLinks(spelled, new Set(['gulf-deal']), HOST)).toBe(spelled);
    expect(unlinkSiteLinks(spelled, new Set(), HOST)).toBe(spelled);
  });

  it('does not touch a link elsewhere that happens to share the path', () => {
    const external = '<p><a href="https://news.example/gulf-deal/" rel="noopener noreferrer">theirs</a></p>';
    expect(unlinkSiteLinks(external, new Set(['gulf-deal']), HOST)).toBe(external);
  });
});

describe('links to hidden pieces under a base path', () => {
  it('records and unlinks them from a body rendered under the base', () => {
    const body = renderBody(createProcessor({ siteUrl: 'https://gazette.example', base: '/pr-12/' }), 'See [the old piece](/iran-sco/) and [another](/gulf-water/).');
    expect(body.html).toContain('href="/pr-12/iran-sco/"');
    expect(body.siteLinkTargets).toEqual(['gulf-water', 'iran-sco']);
    const html = unlinkSiteLinks(body.html, new Set(['iran-sco']), HOST, '/pr-12/');
    expect(html).not.toContain('iran-sco');
    expect(html).toContain('the old piece');
    expect(html).toContain('href="/pr-12/gulf-water/"');
  });
});
