import { describe, expect, it } from 'vitest';
import { ALLOWED_FRAME_ORIGINS, EMBED_PROVIDERS, FRAME_SRC_PATTERN, frameOriginsOf, parseEmbedUrl, readEmbedDirective, type EmbedSpec } from '../../src/lib/media/embeds.ts';

function accepted(url: string) {
  const result = parseEmbedUrl(url);
  if (!result.ok) throw new Error(`${url} refused: ${result.message}`);
  return result.target;
}

function refusal(url: string): string {
  const result = parseEmbedUrl(url);
  if (result.ok) throw new Error(`${url} accepted as ${JSON.stringify(result.target)}`);
  return result.message;
}

const VIDEO = 'dQw4w9WgXcQ';

describe('parseEmbedUrl: YouTube, always on the privacy-enhanced domain', () => {
  it.each([
    `https://www.youtube.com/watch?v=${VIDEO}`,
    `https://youtube.com/watch?v=${VIDEO}&list=PL123&feature=share`,
    `https://m.youtube.com/watch?v=${VIDEO}`,
    `https://youtu.be/${VIDEO}`,
    `https://youtu.be/${VIDEO}?si=AbCdEf`,
    `https://www.youtube.com/embed/${VIDEO}`,
    `https://www.youtube-nocookie.com/embed/${VIDEO}`,
    `https://www.youtube.com/watch?v=${VIDEO}#comments`,
    `HTTPS://WWW.YOUTUBE.COM/watch?v=${VIDEO}`,
  ])('%s', (url) => {
    const target = accepted(url);
    expect(target.provider.id).toBe('youtube');
    expect(target.kind === 'post' ? '' : target.frameSrc).toBe(`https://www.youtube-nocookie.com/embed/${VIDEO}`);
    expect(target.link).toBe(`https://www.youtube.com/watch?v=${VIDEO}`);
  });

  it('keeps a start time, in seconds, and frames shorts upright', () => {
    const timed = accepted(`https://youtu.be/${VIDEO}?t=1m30s`);
    expect(timed.kind !== 'post' && timed.frameSrc).toBe(`https://www.youtube-nocookie.com/embed/${VIDEO}?start=90`);
    const short = accepted(`https://www.youtube.com/shorts/${VIDEO}`);
    expect(short.kind !== 'post' && short.defaultRatio).toBe('9:16');
  });

  it('decodes an encoded id and rebuilds the address from it', () => {
    expect(accepted(`https://www.youtube.com/watch?v=%64Qw4w9WgXcQ`).link).toBe(`https://www.youtube.com/watch?v=${VIDEO}`);
  });

  it.each([
    [`https://www.youtube.com/watch?v=${VIDEO}x`, 'video id'],
    [`https://www.youtube.com/watch?v=${'a'.repeat(400)}`, 'video id'],
    [`https://www.youtube.com/watch?v=dQw4w9WgX%22`, 'video id'],
    [`https://www.youtube.com/embed/%2e%2e`, 'not the address of a YouTube video'],
    ['https://www.youtube.com/channel/UCabc', 'not the address of a YouTube video'],
    [`https://youtu.be/`, 'not the address of a YouTube video'],
  ])('refuses %s', (url, message) => {
    expect(refusal(url)).toContain(message);
  });
});

describe('parseEmbedUrl: the other providers', () => {
  it('Vimeo, with Do Not Track and a private link code', () => {
    const plain = accepted('https://vimeo.com/123456789');
    expect(plain.kind !== 'post' && plain.frameSrc).toBe('https://player.vimeo.com/video/123456789?dnt=1');
    const unlisted = accepted('https://vimeo.com/123456789/abcdef1234');
    expect(unlisted.kind !== 'post' && unlisted.frameSrc).toBe('https://player.vimeo.com/video/123456789?h=abcdef1234&dnt=1');
    expect(accepted('https://player.vimeo.com/video/123456789?h=abcdef1234&autoplay=1').link).toBe('https://vimeo.com/123456789/abcdef1234');
    expect(refusal('https://vimeo.com/123456789/<script>')).toContain('private-link code');
    expect(refusal('https://vimeo.com/1234567890123')).toContain('not the address of a Vimeo video');
  });

  it('Datawrapper, from the chart address or the share link', () => {
    expect(accepted('https://datawrapper.dwcdn.net/AbC12/3/').link).toBe('https://datawrapper.dwcdn.net/AbC12/3/');
    const share = accepted('https://www.datawrapper.de/_/AbC12/');
    expect(share.kind !== 'post' && share.frameSrc).toBe('https://datawrapper.dwcdn.net/AbC12/');
    expect(refusal('https://datawrapper.dwcdn.net/AbC123/1/')).toContain('published Datawrapper chart');
    expect(refusal('https://datawrapper.dwcdn.net/AbC12/latest/')).toContain('version number');
  });

  it('Flourish, framed from flo.uri.sh', () => {
    const chart = accepted('https://public.flourish.studio/visualisation/1234567/');
    expect(chart.kind !== 'post' && chart.frameSrc).toBe('https://flo.uri.sh/visualisation/1234567/embed');
    expect(accepted('https://flo.uri.sh/story/98765/embed').link).toBe('https://public.flourish.studio/story/98765/');
    expect(refusal('https://public.flourish.studio/visualisation/12ab/')).toContain('Flourish number');
  });

  it('Spotify episodes and shows', () => {
    const episode = accepted('https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=abc');
    expect(episode.kind).toBe('podcast');
    expect(episode.kind !== 'post' && episode.frameSrc).toBe('https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk');
    expect(refusal('https://open.spotify.com/track/4rOoJ6Egrf8K2IrywzwOMk')).toContain('podcast episode or show');
  });

  it('posts on X, Bluesky and Mastodon: a link only, never a frame', () => {
    const x = accepted('https://twitter.com/PortAuthority/status/1856612345678901234?s=20');
    expect(x).toMatchObject({ kind: 'post', link: 'https://x.com/PortAuthority/status/1856612345678901234' });
    expect(accepted('https://bsky.app/profile/Dockers.Example.org/post/3kxyzabcde22a').link).toBe('https://bsky.app/profile/dockers.example.org/post/3kxyzabcde22a');
    expect(accepted('https://mastodon.social/@harbourwatch/112233445566778899')).toMatchObject({ kind: 'post', provider: { id: 'mastodon' } });
    for (const target of [x]) expect('frameOrigin' in target).toBe(false);
    expect(refusal('https://x.com/PortAuthority')).toContain('post on X');
    expect(refusal('https://bsky.app/profile/<b>/post/3kxyzabcde22a')).toContain('Bluesky post');
  });
});

describe('parseEmbedUrl: hostile and mistaken addresses', () => {
  it.each([
    ['javascript:alert(1)', 'not an https:// web address'],
    [' javascript:alert(1)', 'spaces'],
    ['JaVaScRiPt:alert(document.domain)//https://youtu.be/dQw4w9WgXcQ', 'not an https:// web address'],
    ['data:text/html,<script>alert(1)</script>', 'not an https:// web address'],
    ['//www.youtube.com/watch?v=dQw4w9WgXcQ', 'not an https:// web address'],
    ['http://www.youtube.com/watch?v=dQw4w9WgXcQ', 'write it with https://'],
    ['https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ', 'really leads to evil.example'],
    ['https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ', 'before its host'],
    ['https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ', 'port 8443'],
    ['https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'not an embed provider'],
    ['https://evil-youtube.com/watch?v=dQw4w9WgXcQ', 'not an embed provider'],
    ['https://www.youtube.com./watch?v=dQw4w9WgXcQ', 'not an embed provider'],
    ['https://xn--yutube-wqf.com/watch?v=dQw4w9WgXcQ', 'not an embed provider'],
    ['https://www.yοutube.com/watch?v=dQw4w9WgXcQ', 'not an embed provider'],
    ['https://datawrapper.dwcdn.net.evil.example/AbC12/1/', 'not an embed provider'],
    ['https://www.youtube.com\\@evil.example/watch?v=dQw4w9WgXcQ', 'backslashes'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ\n<script>', 'control characters'],
    ['https://127.0.0.1/@user/123', 'not an embed provider'],
    ['https://', 'not a well-formed web address'],
    [`https://youtu.be/${'x'.repeat(600)}`, 'at most 500'],
    ['', 'is empty'],
  ])('refuses %j', (url, message) => {
    const text = refusal(url);
    expect(text).toContain(message);
  });

  it('names every provider in the hint of a refused host', () => {
    const text = refusal('https://video.example/clip');
    for (const provider of EMBED_PROVIDERS) expect(text).toContain(provider.name);
  });

  it('builds only frame addresses that the sanitizer lets through', () => {
    for (const url of [`https://youtu.be/${VIDEO}?t=5`, 'https://vimeo.com/1/abcdef', 'https://datawrapper.dwcdn.net/AbC12/', 'https://flo.uri.sh/story/1/embed', 'https://open.spotify.com/show/4rOoJ6Egrf8K2IrywzwOMk']) {
      const target = accepted(url);
      if (target.kind === 'post') throw new Error('not a frame');
      expect(target.frameSrc).toMatch(FRAME_SRC_PATTERN);
      expect(ALLOWED_FRAME_ORIGINS).toContain(new URL(target.frameSrc).origin);
    }
    expect('https://www.youtube.com/embed/x').not.toMatch(FRAME_SRC_PATTERN);
    expect('https://www.youtube-nocookie.com/embed/x"onload=alert(1)').not.toMatch(FRAME_SRC_PATTERN);
  });
});

describe('readEmbedDirective', () => {
  const url = `https://youtu.be/${VIDEO}`;

  it('reads a frame: its title from the label, its shape from ratio or the provider', () => {
    const result = readEmbedDirective({ url }, '  A talk\n on ports ');
    expect(result).toMatchObject({ ok: true, spec: { kind: 'video', title: 'A talk on ports', ratio: '16:9' } });
    expect(readEmbedDirective({ url, ratio: '4:3' }, 'A talk')).toMatchObject({ ok: true, spec: { ratio: '4:3' } });
  });

  it('reads a social card: quote and author', () => {
    const result = readEmbedDirective({ url: 'https://x.com/mfa/status/123', author: 'Ministry (@mfa)' }, 'We stand ready.');
    expect(result).toMatchObject({ ok: true, spec: { kind: 'post', quote: 'We stand ready.', author: 'Ministry (@mfa)' } });
  });

  it('names the field at fault', () => {
    const fields = (attributes: Record<string, string>, label = '') => {
      const result = readEmbedDirective(attributes, label);
      return result.ok ? [] : result.problems.map((problem) => problem.field);
    };
    expect(fields({})).toEqual(['url']);
    expect(fields({ url })).toEqual(['title']);
    expect(fields({ url, ratio: '21:9' }, 'T')).toEqual(['ratio']);
    expect(fields({ url, titel: 'x', onload: 'alert(1)' }, 'T')).toEqual(['titel', 'onload']);
    expect(fields({ url: 'https://x.com/mfa/status/123' })).toEqual(['quote', 'author']);
    expect(fields({ url: 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk', ratio: '16:9' }, 'T')).toEqual(['ratio']);
    expect(fields({ url }, 'x'.repeat(201))).toEqual(['title']);
  });

  it('gives the frame origins of a page once each, sorted', () => {
    const specs = [url, 'https://vimeo.com/1', url, 'https://x.com/a/status/1'].map((address) => {
      const result = readEmbedDirective({ url: address, ...(address.includes('x.com') ? { author: 'A' } : {}) }, 'T');
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.spec;
    }) as EmbedSpec[];
    expect(frameOriginsOf(specs)).toEqual(['https://player.vimeo.com', 'https://www.youtube-nocookie.com']);
  });
});
