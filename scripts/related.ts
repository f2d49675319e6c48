/**
 * npm run related -- <slug> [--content <dir>] [--count 6]
 *
 * Explains the related stories the build will show under an article: the top
 * matches with their scores and the shared terms that made them, the
 * candidates the rules left out (below the floor, one shared term) and the
 * section's pieces that fill a thin rail.
 */
import { parseArgs } from 'node:util';
import { validateContent } from '../src/lib/content/validate.ts';
import { formatDiagnostic } from '../src/lib/content/diagnostics.ts';
import { RelatedIndex } from '../src/lib/related/ranking.ts';
import { relatedDocuments } from './lib/related-input.ts';
import { buildNow } from '../src/lib/build-settings.ts';

const usage = 'usage: npm run related -- <slug> [--content content] [--count 6]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { content: { type: 'string', default: 'content' }, count: { type: 'string', default: '6' } },
});
const slug = positionals[0];
if (!slug || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

const report = validateContent(values.content!);
const errors = report.diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0 || !report.site) {
  for (const error of errors) console.error(formatDiagnostic(error));
  console.error('Fix the content first (npm run validate).');
  process.exit(1);
}
const documents = relatedDocuments(report.articles, report.site.url, buildNow());
const index = new RelatedIndex(documents, { max: Number(values.count) });
const titles = new Map(report.articles.map((article) => [article.slug, article.data.title]));
if (!titles.has(slug)) {
  console.error(`no article "${slug}"; the slug is the file name without .md`);
  process.exit(1);
}
let ranking;
try {
  ranking = index.explainRanking(slug);
} catch {
  console.error(`"${slug}" is a draft or scheduled for later: readers cannot see it, so it has no related stories yet`);
  process.exit(1);
}
const sectionOf = new Map(report.articles.map((article) => [article.slug, article.data.section]));
const sectionName = (id: string) => report.sections.find((section) => section.id === id)?.name ?? id;
const sharedTerms = (other: string) =>
  index
    .explain(slug, other)
    .slice(0, 8)
    .map(({ term, contribution }) => `${term} ${contribution.toFixed(3)}`)
    .join(', ');
const { matches, dropped } = ranking;
const similar = matches.filter((match) => match.reason === 'similar');
const fromSection = matches.filter((match) => match.reason === 'section');
console.log(`${titles.get(slug)} (${slug})\n`);
console.log(
  similar.length > 0 ? 'Related' : dropped.length > 0 ? 'Related: none passed the rules (see "Left out")' : 'Related: none; no other piece shares its distinctive terms',
);
similar.forEach((match, position) => {
  console.log(`${position + 1}. ${titles.get(match.slug)} (${match.slug})`);
  console.log(`   score ${match.score.toFixed(4)}; shared terms: ${sharedTerms(match.slug)}`);
});
if (fromSection.length > 0) {
  console.log(`\nMore from ${sectionName(sectionOf.get(slug)!)}: fewer than ${index.options.min} related stories passed, so the section's latest pieces as of this one fill up`);
  fromSection.forEach((match, position) => console.log(`${position + 1}. ${titles.get(match.slug)} (${match.slug})`));
}
if (dropped.length > 0) {
  const best = similar[0]?.score ?? 0;
  console.log('\nLeft out');
  for (const entry of dropped) {
    const why =
      entry.reason === 'below-floor'
        ? `below the floor: under ${Math.round(index.options.floorShare * 100)}% of the best score (${(best * index.options.floorShare).toFixed(4)})`
        : `${entry.sharedTerms === 0 ? 'no' : 'only one'} distinctive shared term (a match needs ${index.options.minSharedTerms}; a term counts from ${index.options.minTermContribution} of similarity)`;
    console.log(`- ${titles.get(entry.slug)} (${entry.slug})`);
    console.log(`   score ${entry.score.toFixed(4)}; ${why}; shared terms: ${sharedTerms(entry.slug)}`);
  }
}
