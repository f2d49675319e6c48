/**
 * Body photos: `::figure[Caption]{src="../../images/map.jpg" alt="..." credit="..."}`
 * becomes a <figure> with the photo as AVIF and WebP at the widths the top
 * photo is offered at (src/lib/media/photos.ts), lazily loaded, and a caption line
 * that ends with the credit, as the top photo's does.
 *
 * The renderer knows each photo's size and digest from the loader
 * (`file.data.bodyPhotos`, keyed by the src as written), which puts them in
 * the render hash: a replaced photo renders its pieces again. A figure whose
 * photo it was not given (Astro's own Markdown processor) is left unclaimed
 * and shows as the text it was written as; the validator makes sure every
 * figure of a build names a photo.
 */
import type { Root, Parent, PhrasingContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import { BODY_PHOTO_SIZES, photoRendition, type PhotoFacts } from '../lib/media/photos.ts';
import { photoElement } from '../lib/media/photo-markup.ts';
import { captionEnding } from '../lib/media/credits.ts';

declare module 'vfile' {
  interface DataMap {
    /** Facts of each body photo the body names, by its `src` as written (src/loaders/content-loader.ts). */
    bodyPhotos: Record<string, PhotoFacts>;
  }
}

function plainText(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    if ('value' in node) text += node.value;
    if ('children' in node) text += plainText(node.children);
  }
  return text;
}

export default function remarkFigure() {
  return (tree: Root, file: VFile) => {
    const photos = file.data.bodyPhotos;
    if (!photos) return;
    visit(tree, 'leafDirective', (node: LeafDirective, _index, parent: Parent | undefined) => {
      if (node.name !== 'figure' || !parent) return;
      const { src, alt, credit } = node.attributes ?? {};
      const facts = src ? photos[src.trim()] : undefined;
      if (!facts || !alt || !credit) return;
      const picture = photoElement(photoRendition(facts, 'hero'), { alt: alt.trim(), sizes: BODY_PHOTO_SIZES });
      const caption = node.children;
      const ending = captionEnding(plainText(caption));
      const captionLine: PhrasingContent[] = caption.length > 0 ? [...caption, { type: 'text', value: `${ending} ${credit.trim()}` }] : [{ type: 'text', value: credit.trim() }];
      node.data = { hName: 'figure', hProperties: {} };
      node.children = [
        { type: 'emphasis', children: [], data: { hName: 'picture', hChildren: picture.children as ElementContent[] } },
        { type: 'emphasis', children: captionLine, data: { hName: 'figcaption' } },
      ];
    });
  };
}
