// One feed per section and per short-takes brand.
import type { APIRoute, GetStaticPaths } from 'astro';
import { sections, articlesInSection, type SectionView } from '../../data/content.ts';
import { feedResponse, sectionFeed } from '../../data/distribution.ts';
import { feedShown, pageKey } from '../../data/page-keys.ts';

export const getStaticPaths = (() => sections.map((section) => ({ params: { section: section.id }, props: { section }, cacheKey: pageKey('section-feed', section, feedShown(articlesInSection(section.id))) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { section } = props as { section: SectionView };
  const feed = sectionFeed(section);
  return feedResponse({
    title: feed.title,
    description: section.description,
    pagePath: section.url,
    feedPath: feed.href,
    articles: articlesInSection(section.id),
  });
};
