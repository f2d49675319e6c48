// One feed per section and per short-takes brand.
import type { APIRoute, GetStaticPaths } from 'astro';
import { site, sections, articlesInSection, type SectionView } from '../../data/content.ts';
import { feedResponse, sectionFeedPath } from '../../data/distribution.ts';
import { feedShown, pageKey } from '../../data/page-keys.ts';

export const getStaticPaths = (() => sections.map((section) => ({ params: { section: section.id }, props: { section }, cacheKey: pageKey('section-feed', section, feedShown(articlesInSection(section.id))) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { section } = props as { section: SectionView };
  return feedResponse({
    title: `${site.name}: ${section.name}`,
    description: section.description,
    pagePath: section.url,
    feedPath: sectionFeedPath(section.url),
    articles: articlesInSection(section.id),
  });
};
