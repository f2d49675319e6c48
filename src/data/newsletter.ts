/**
 * The weekly newsletter issue that `npm run newsletter` asks the build for
 * (BROADSHEET_NEWSLETTER_WEEK, set by scripts/newsletter.ts): the week's
 * pieces from content.ts, with the photo renditions the site itself
 * publishes (distribution.ts, `articleShareImage`, the one place photos are
 * asked for), as plain data for src/lib/distribution/newsletter.ts.
 */
import { site, articles, sections, isUnpublished, sitePath, type ArticleView } from './content.ts';
import { articleShareImage } from './distribution.ts';
import { absoluteUrl, homePath } from '../lib/urls.ts';
import { isShortTakesBrand } from '../lib/presentation/article-labels.ts';
import { NEWSLETTER_WEEK_VARIABLE, parseIsoWeek, piecesOfWeek, weekRange, type NewsletterIssue, type NewsletterPiece } from '../lib/distribution/newsletter.ts';

function piece(article: ArticleView): NewsletterPiece {
  const share = article.hero ? articleShareImage(article) : undefined;
  return {
    url: article.absoluteUrl,
    kicker: article.kicker,
    title: article.title,
    dek: article.dek,
    authors: article.authors.map((author) => author.name),
    ...(share && article.hero ? { photo: { url: share.url, width: share.width, height: share.height, alt: article.hero.alt, credit: article.hero.credit } } : {}),
  };
}

/** The issue for the week the build was asked for; undefined when it was asked for none. */
function requestedIssue(): NewsletterIssue | undefined {
  const requested = process.env[NEWSLETTER_WEEK_VARIABLE];
  if (!requested) return undefined;
  const parsed = parseIsoWeek(requested);
  if (!parsed.ok) throw new Error(`${NEWSLETTER_WEEK_VARIABLE}: ${parsed.reason}`);
  const range = weekRange(parsed.week, site.timeZone);
  // The preview shows drafts and scheduled pieces; an issue never does.
  const week = piecesOfWeek(articles, range, (article) => !isUnpublished(article));
  return {
    publication: { name: site.name, url: absoluteUrl(sitePath(homePath()), site.url), description: site.description, language: site.language },
    range,
    sections: sections
      .filter((section) => !isShortTakesBrand(section))
      .map((section) => ({ name: section.name, url: absoluteUrl(section.url, site.url), pieces: week.filter((article) => article.section.id === section.id).map(piece) }))
      .filter((section) => section.pieces.length > 0),
    shortTakes: week.filter((article) => isShortTakesBrand(article.section)).map((article) => ({ label: article.sectionLabel, title: article.title, url: article.absoluteUrl })),
  };
}

export const newsletterIssue = requestedIssue();
