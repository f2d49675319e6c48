import { describe, expect, it } from 'vitest';
import { encodeComponent, shareHref, shareLinks, SHARE_NETWORKS } from '../../src/lib/distribution/share-links.ts';

const URL_ = 'https://meridian-review.example/gulf-water-grid/';
const HOSTILE = 'Tehran\'s "bargain" & the #SCO \u2028<script>alert(1)</script> 🛢️ 50% off?';

/** The value of a query parameter as the network's server reads it. */
function param(href: string, name: string): string | null {
  return new URL(href).searchParams.get(name);
}

describe('share links', () => {
  it('offers e-mail, Bluesky, X, LinkedIn, Facebook and WhatsApp, each with a name that says what it does', () => {
    const links = shareLinks('A headline', URL_);
    expect(links.map((link) => link.network)).toEqual([...SHARE_NETWORKS]);
    expect(links.map((link) => link.accessibleName)).toEqual([
      'Share by E-mail',
      'Share on Bluesky',
      'Share on X',
      'Share on LinkedIn',
      'Share on Facebook',
      'Share on WhatsApp',
    ]);
  });

  it('points each network at its own share address over https', () => {
    const hosts = shareLinks('A headline', URL_)
      .filter((link) => link.network !== 'email')
      .map((link) => new URL(link.href))
      .map((url) => `${url.protocol}//${url.host}${url.pathname}`);
    expect(hosts).toEqual([
      'https://bsky.app/intent/compose',
      'https://x.com/intent/tweet',
      'https://www.linkedin.com/sharing/share-offsite/',
      'https://www.facebook.com/sharer/sharer.php',
      'https://wa.me/',
    ]);
  });

  it('carries a hostile headline through every link as text, whole', () => {
    expect(param(shareHref('x', HOSTILE, URL_), 'text')).toBe(HOSTILE);
    expect(param(shareHref('x', HOSTILE, URL_), 'url')).toBe(URL_);
    expect(param(shareHref('bluesky', HOSTILE, URL_), 'text')).toBe(`${HOSTILE}\n${URL_}`);
    expect(param(shareHref('whatsapp', HOSTILE, URL_), 'text')).toBe(`${HOSTILE}\n${URL_}`);
    expect(param(shareHref('linkedin', HOSTILE, URL_), 'url')).toBe(URL_);
    expect(param(shareHref('facebook', HOSTILE, URL_), 'u')).toBe(URL_);
    for (const link of shareLinks(HOSTILE, URL_)) {
      // Nothing of the headline can end the value, start another parameter or a fragment, or break the attribute.
      const query = link.href.slice(link.href.indexOf('?') + 1);
      expect(query, link.network).not.toMatch(/[\s"<>#\u2028]/);
      expect(query.split('&').length, link.network).toBe(link.network === 'x' || link.network === 'email' ? 2 : 1);
    }
  });

  it('writes an e-mail with the headline as subject and the address in the body', () => {
    const href = shareHref('email', HOSTILE, URL_);
    expect(href.startsWith('mailto:?subject=')).toBe(true);
    const [subject, body] = href.slice('mailto:?'.length).split('&');
    expect(decodeURIComponent(subject!.slice('subject='.length))).toBe(HOSTILE);
    expect(decodeURIComponent(body!.slice('body='.length))).toBe(`${HOSTILE}\r\n\r\n${URL_}`);
    // Spaces are %20, not "+", which mail clients would show as plus signs.
    expect(href).not.toContain('+');
  });

  it('encodes emoji, quotes, ampersands, hashes and U+2028 as UTF-8 percent escapes', () => {
    expect(encodeComponent('"&#\u2028🛢')).toBe('%22%26%23%E2%80%A8%F0%9F%9B%A2');
  });

  it('never throws on a lone surrogate: it becomes U+FFFD', () => {
    expect(encodeComponent('a\uD800b')).toBe('a%EF%BF%BDb');
    expect(encodeComponent('a\uDC00')).toBe('a%EF%BF%BD');
    expect(() => shareLinks('\uD83D', URL_)).not.toThrow();
  });
});
