/**
 * `::embed[Title]{url="..."}` (README, "Embeds"): a video, chart or podcast
 * becomes a sandboxed, lazy frame of fixed shape with a plain link to the
 * original under it; a social post becomes a static quote card with a link,
 * with nothing loaded from the network. The address is read by
 * src/lib/media/embeds.ts, which accepts only the allowlisted providers and rebuilds
 * the frame's address from the id; a directive it refuses is left unclaimed
 * (shown as the text it was written as) and the validator reports it.
 *
 * The frame itself travels to rehype as an `embedFrame` node, not an
 * `iframe` element: raw HTML parsed later can make any element, so every
 * `iframe` element that exists after raw HTML is parsed is the editor's raw
 * HTML and is dropped; rehype-embed-frames.ts then turns these nodes into the
 * only iframes of the page. The origins framed are noted in
 * `file.data.frameOrigins` for the page's Content-Security-Policy.
 */
import type { Root } from 'mdast';
import type { ElementContent, Properties } from 'hast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { directiveLabelText, frameOriginsOf, readEmbedDirective, type EmbedSpec, type FrameEmbedSpec } from '../lib/media/embeds.ts';
import { smartenText } from './remark-typography.ts';

declare module 'vfile' {
  interface DataMap {
    /** Origins the body frames (sorted, once each): what its page's `frame-src` must allow. */
    frameOrigins: string[];
  }
}

/** The node rehype-embed-frames.ts turns into an `<iframe>`; raw HTML cannot make one. */
export const EMBED_FRAME_NODE = 'embedFrame';

/**
 * Sandbox tokens, the fewest each kind of player works with:
 * - `allow-scripts`: every one of these players is a script;
 * - `allow-same-origin`: they keep settings and fetch their data at their own
 *   origin (YouTube's and Vimeo's players refuse to play without storage,
 *   Datawrapper and Flourish load the chart's data from their origin); the
 *   frame stays cross-origin to our page, so this gives it nothing of ours;
 * - `allow-popups` and `allow-popups-to-escape-sandbox`: "Watch on YouTube",
 *   a chart's source link and "Open in Spotify" open a new tab, which must be
 *   an ordinary page, not one sandboxed like the frame.
 * Never `allow-top-navigation` or `allow-forms`: a frame cannot move or post
 * from our page.
 */
export const FRAME_SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox'];

/** Features delegated to the frame: full screen and picture-in-picture for video, protected media for players that need it. */
const FRAME_ALLOW: Record<FrameEmbedSpec['kind'], string> = {
  video: 'fullscreen; picture-in-picture; encrypted-media',
  chart: 'fullscreen',
  podcast: 'encrypted-media',
};

/** Every `allow` value a frame of ours may carry, for the sanitizer. */
export const FRAME_ALLOW_VALUES = [...new Set(Object.values(FRAME_ALLOW))];

const LINK_TEXT: Record<EmbedSpec['kind'], string> = {
  video: 'Watch on',
  chart: 'Open the chart on',
  podcast: 'Listen on',
  post: 'See the post on',
};

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, properties: Properties, children: ElementContent[]): ElementContent => ({ type: 'element', tagName, properties, children });

function originalLink(spec: EmbedSpec): ElementContent {
  return element('a', { href: spec.target.link }, [text(`${LINK_TEXT[spec.kind]} ${spec.target.provider.name}`)]);
}

function frameFigure(spec: FrameEmbedSpec): ElementContent[] {
  const title = smartenText(spec.title, '');
  const frame = {
    type: EMBED_FRAME_NODE,
    properties: {
      src: spec.target.frameSrc,
      title,
      loading: 'lazy',
      sandbox: FRAME_SANDBOX,
      allow: FRAME_ALLOW[spec.kind],
      ...(spec.kind === 'video' ? { allowFullScreen: true } : {}),
      // YouTube's player refuses to play without knowing the embedding site; the origin is all it gets.
      referrerPolicy: 'strict-origin-when-cross-origin',
    },
  } as unknown as ElementContent;
  const shape = spec.ratio ? `embed-ratio-${spec.ratio.replace(':', 'x')}` : 'embed-player';
  return [
    element('div', { className: ['embed-frame', shape] }, [frame]),
    element('figcaption', { className: ['embed-caption'] }, [element('span', { className: ['embed-title'] }, [text(title)]), text(' '), originalLink(spec)]),
  ];
}

function postFigure(spec: Extract<EmbedSpec, { kind: 'post' }>): ElementContent[] {
  return [
    element('blockquote', { cite: spec.target.link }, [element('p', {}, [text(smartenText(spec.quote, ''))])]),
    element('figcaption', { className: ['embed-caption'] }, [element('span', { className: ['embed-author'] }, [text(smartenText(spec.author, ''))]), text(' '), originalLink(spec)]),
  ];
}

export default function remarkEmbedDirective() {
  return (tree: Root, file: VFile) => {
    const specs: EmbedSpec[] = [];
    visit(tree, 'leafDirective', (node: LeafDirective) => {
      if (node.name !== 'embed') return;
      const result = readEmbedDirective(node.attributes ?? {}, directiveLabelText(node.children));
      if (!result.ok) return;
      const spec = result.spec;
      specs.push(spec);
      node.data = {
        hName: 'figure',
        hProperties: { className: ['embed', `embed-${spec.kind}`] },
        hChildren: spec.kind === 'post' ? postFigure(spec) : frameFigure(spec),
      };
    });
    file.data.frameOrigins = frameOriginsOf(specs);
  };
}
