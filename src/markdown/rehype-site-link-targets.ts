/**
 * Records which pieces, sections and pages a body links to inside the site
 * (`file.data.siteLinkTargets`), so that pages can show a link to a piece
 * taken down as plain text without parsing every body again (src/lib/presentation/site-links.ts).
 * It only reads the tree; it runs after sanitizing so it sees exactly the links that ship.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { siteLinkTargets } from '../lib/presentation/site-links.ts';

export interface SiteLinkTargetsOptions {
  /** The publication's base URL: absolute links to its host count as the site's own. */
  siteUrl: string;
  /** The path the site is served under (src/lib/build-target.ts): root-relative links carry it. */
  base: string;
}

declare module 'vfile' {
  interface DataMap {
    siteLinkTargets: string[];
  }
}

export default function rehypeSiteLinkTargets(options: SiteLinkTargetsOptions) {
  const siteHost = new URL(options.siteUrl).host;
  return (tree: Root, file: VFile) => {
    file.data.siteLinkTargets = siteLinkTargets(tree, siteHost, options.base);
  };
}
