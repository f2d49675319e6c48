/**
 * npm run newsletter [-- --week 2026-W47] [--content <dir>] [--out <dir>]
 *
 * Builds the site with the weekly newsletter of the given week (default: the
 * last full week, Monday to Sunday in the site's time zone) and writes
 * <out>/newsletter/<week>.html and .txt (src/lib/distribution/newsletter.ts). Sending
 * stays with the publication's mail provider (README, "The weekly newsletter").
 */
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateContent } from '../src/lib/content/validate.ts';
import { formatDiagnostic } from '../src/lib/content/diagnostics.ts';
import { isPublic } from '../src/lib/content/visibility.ts';
import { buildNow } from '../src/lib/build-settings.ts';
import { NEWSLETTER_MAX_BYTES, NEWSLETTER_WEEK_VARIABLE, formatIsoWeek, lastFullWeek, parseIsoWeek, piecesOfWeek, weekRange } from '../src/lib/distribution/newsletter.ts';
import { contentDir as contentFolder } from '../src/lib/build-settings.ts';

const usage = 'usage: npm run newsletter -- [--week 2026-W47] [--content <dir>] [--out <dir>]';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ options: { week: { type: 'string' }, content: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`, 2);
}
const { values } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const contentDir = path.resolve(values.content ?? contentFolder());
const outDir = path.resolve(values.out ?? 'dist');
const report = validateContent(contentDir);
const errors = report.diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0 || !report.site) fail(`${errors.map(formatDiagnostic).join('\n')}\n✗ the content has errors; run npm run validate and fix them first`);
const timeZone = report.site.timeZone;
const now = buildNow();

let week = lastFullWeek(now, timeZone);
if (values.week !== undefined) {
  const asked = parseIsoWeek(values.week);
  if (!asked.ok) fail(`--week: ${asked.reason}\n${usage}`, 2);
  week = asked.week;
}
const name = formatIsoWeek(week);
const range = weekRange(week, timeZone);
if (range.start > now) fail(`✗ ${name} (${range.label}) has not begun; choose a week that has`, 2);
const pieces = piecesOfWeek(
  report.articles.map((article) => ({ ...article.data, slug: article.slug })),
  range,
  (piece) => isPublic(piece, now),
);
if (pieces.length === 0) fail(`✗ nothing was published in ${name} (${range.label}); there is no newsletter to write for that week`);

console.log(`Building the site with the newsletter of ${name} (${range.label}): ${pieces.length} pieces ...`);
// What `npm run build` runs.
const build = spawnSync(process.execPath, [fileURLToPath(new URL('./astro.ts', import.meta.url)), 'build', '--outDir', outDir], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, BROADSHEET_CONTENT_DIR: contentDir, [NEWSLETTER_WEEK_VARIABLE]: name },
});
if (build.status !== 0) fail('✗ the build failed; nothing was written');

const written = ['html', 'txt'].map((format) => path.join(outDir, 'newsletter', `${name}.${format}`));
for (const file of written) if (!existsSync(file)) fail(`✗ the build did not write ${file}`);
const size = statSync(written[0]!).size;
if (size > NEWSLETTER_MAX_BYTES) fail(`✗ ${written[0]} is ${Math.round(size / 1024)} KB; mail clients clip messages over ${NEWSLETTER_MAX_BYTES / 1024} KB`);
console.log(`✓ ${written.map((file) => path.relative(process.cwd(), file)).join(' and ')} (${Math.round(size / 1024)} KB of HTML)`);
