/** Each article's teaser, built once per variant and reused on every page that shows it (src/lib/teaser.ts). */
import { photoCreditLine } from '../lib/credits.ts';
import { teaserHtml, type TeaserVariant } from '../lib/teaser.ts';
import { photoRendition } from './images.ts';
import type { ArticleView } from './content.ts';
import { memoizeForPages } from './render-scope.ts';

export interface TeaserOptions extends Partial<TeaserVariant> {
  /** Leave the photo out (rails of short takes). */
  photo?: boolean;
}

const built = memoizeForPages(
  async ({ article, headingLevel, lead, photo }: { article: ArticleView } & Required<TeaserOptions>) => {
    const hero = photo ? article.hero : undefined;
    return teaserHtml(
      {
        url: article.url,
        title: article.title,
        sectionLabel: article.sectionLabel,
        sectionUrl: article.section.url,
        published: article.dates.published,
        excerpt: article.excerpt,
        photo: hero ? { rendition: await photoRendition(hero.src, lead ? 'hero' : 'teaser'), alt: hero.alt, creditLine: photoCreditLine(hero) } : undefined,
      },
      { headingLevel, lead },
    );
  },
  ({ article, headingLevel, lead, photo }) => `${article.slug}|${headingLevel}|${lead}|${photo}`,
);

export function teaserMarkup(article: ArticleView, { headingLevel = 3, lead = false, photo = true }: TeaserOptions = {}): Promise<string> {
  return built({ article, headingLevel, lead, photo });
}
