/** Each article's teaser, built once per variant and reused on every page that shows it (src/lib/presentation/teaser.ts). */
import { photoCreditLine } from '../lib/media/credits.ts';
import { teaserHtml, type TeaserVariant } from '../lib/presentation/teaser.ts';
import { readingTimeLabel } from '../lib/presentation/reading-time.ts';
import { photoRendition } from './images.ts';
import type { ArticleView } from './content.ts';

export interface TeaserOptions extends Partial<TeaserVariant> {
  /** Leave the photo out (rails of short takes). */
  photo?: boolean;
}

const built = new Map<string, string>();

export function teaserMarkup(article: ArticleView, { headingLevel = 3, lead = false, photo = true }: TeaserOptions = {}): string {
  const key = `${article.slug}|${headingLevel}|${lead}|${photo}`;
  let markup = built.get(key);
  if (markup === undefined) {
    const hero = photo ? article.hero : undefined;
    markup = teaserHtml(
      {
        url: article.url,
        title: article.title,
        sectionLabel: article.sectionLabel,
        sectionUrl: article.section.url,
        published: article.dates.published,
        readingTime: readingTimeLabel(article.wordCount),
        excerpt: article.excerpt,
        photo: hero ? { rendition: photoRendition(hero.image, lead ? 'hero' : 'teaser'), alt: hero.alt, creditLine: photoCreditLine(hero) } : undefined,
      },
      { headingLevel, lead },
    );
    built.set(key, markup);
  }
  return markup;
}
