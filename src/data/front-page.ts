/** The front page's lead, its "Latest" headlines and its rails (src/lib/presentation/front-page.ts), from this build's pieces. */
import { frontPage } from '../lib/presentation/front-page.ts';
import { articles, articlesInSection, sections, type ArticleView } from './content.ts';

export const front = frontPage<ArticleView, (typeof sections)[number]>({ newestFirst: articles, sections, piecesIn: articlesInSection, sectionOf: (article) => article.section });
