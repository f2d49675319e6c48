/**
 * The publication's site pages (content/pages/: About, Masthead, Contact...),
 * read once per build: the pages themselves, the footer's links to them, and
 * the pages the publisher's structured data names.
 */
import { getCollection } from 'astro:content';
import type { PageKind } from '../lib/content/schema/index.ts';
import { sitePagePath } from '../lib/urls.ts';
import { sitePath } from './content.ts';
import type { PublisherPolicies } from '../lib/distribution/json-ld.ts';
import { unlinkSiteLinks } from '../lib/presentation/site-links.ts';
import { base, hiddenLinkTargets, siteHost } from './content.ts';

export interface SitePageView {
  slug: string;
  url: string;
  title: string;
  description: string;
  kind: PageKind;
  /** The body, rendered and sanitized by the Markdown pipeline when the content was loaded; links to pieces readers cannot see show as text. */
  html: string;
  /** Origins the body's embeds frame (its Content-Security-Policy's `frame-src`). */
  frameOrigins: string[];
}

/** In footer order: `order` (lower first), then the address. */
export const sitePages: SitePageView[] = (await getCollection('pages'))
  .map((entry) => ({
    order: entry.data.order ?? 0,
    view: { slug: entry.id, url: sitePath(sitePagePath(entry.id)), title: entry.data.title, description: entry.data.description, kind: entry.data.kind, html: unlinkSiteLinks(entry.data.derived.html, hiddenLinkTargets, siteHost, base), frameOrigins: entry.data.derived.frameOrigins },
  }))
  .sort((a, b) => a.order - b.order || (a.view.slug < b.view.slug ? -1 : 1))
  .map(({ view }) => view);

/** The footer's links, one per page. */
export const footerLinks: { url: string; title: string }[] = sitePages.map(({ url, title }) => ({ url, title }));

/** The pages that the publisher's JSON-LD names, where they exist, as `toUrl` makes their addresses. */
export function publisherPolicies(toUrl: (sitePath: string) => string): PublisherPolicies {
  const pathOf = (kind: PageKind) => {
    const page = sitePages.find((candidate) => candidate.kind === kind);
    return page ? toUrl(page.url) : undefined;
  };
  const standards = pathOf('standards');
  const masthead = pathOf('masthead');
  return {
    ...(standards ? { publishingPrinciples: standards, correctionsPolicy: standards, ethicsPolicy: standards } : {}),
    ...(masthead ? { masthead } : {}),
  };
}
