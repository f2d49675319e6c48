/**
 * npm run related -- <slug> [--content <dir>] [--count 6]
 *
 * Explains the related stories the build will show under an article: the top
 * matches with their scores and the shared terms that made them.
 */
import { parseArgs } from 'node:util';
import { validateContent } from '../src/lib/validate.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { RelatedIndex } from '../src/lib/related.ts';
import { relatedDocuments } from '../src/lib/related-input.ts';
import { buildNow } from '../src/lib/visibility.ts';

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
let matches;
try {
  matches = index.for(slug);
} catch {
  console.error(`"${slug}" is a draft or scheduled for later: readers cannot see it, so it has no related stories yet`);
  process.exit(1);
}
console.log(`${titles.get(slug)} (${slug})\n`);
matches.forEach((match, position) => {
  console.log(`${position + 1}. ${titles.get(match.slug)} (${match.slug})`);
  if (match.reason === 'fallback') {
    console.log('   score 0: no close match; filled in from the latest of the section or the site');
    return;
  }
  const terms = index
    .explain(slug, match.slug)
    .slice(0, 8)
    .map(({ term, contribution }) => `${term} ${contribution.toFixed(3)}`);
  console.log(`   score ${match.score.toFixed(4)}; shared terms: ${terms.join(', ')}`);
});
