/**
 * npm run validate [-- <content dir>] [--format text|json]
 *
 * Checks every article, author, section and setting in one run and prints each
 * problem as `file:line:column severity field: message`. Exits 1 when there is an
 * error; warnings alone do not fail. With CI set, also prints GitHub annotations.
 */
import { parseArgs } from 'node:util';
import { validateContent } from '../src/lib/content/validate.ts';
import { formatDiagnostic, formatGithubAnnotation, summaryLine, countBySeverity } from '../src/lib/content/diagnostics.ts';
import { contentDir as contentFolder } from '../src/lib/build-settings.ts';

const usage = 'usage: npm run validate -- [content-dir] [--format text|json]';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.format !== 'text' && values.format !== 'json') {
  console.error(`unknown format "${values.format}"\n${usage}`);
  process.exit(2);
}
if (positionals.length > 1) {
  console.error(`give one content directory, not ${positionals.length}\n${usage}`);
  process.exit(2);
}

const contentDir = positionals[0] ?? contentFolder();
const started = performance.now();
// Reports only: article bodies are read again in the rare case a message needs them.
const report = validateContent(contentDir, { keepTexts: false });
const seconds = (performance.now() - started) / 1000;
const { errors, warnings } = countBySeverity(report.diagnostics);

if (values.format === 'json') {
  console.log(
    JSON.stringify(
      { errors, warnings, filesChecked: report.filesChecked, articles: report.articles.length, diagnostics: report.diagnostics },
      null,
      2,
    ),
  );
} else {
  for (const diagnostic of report.diagnostics) {
    (diagnostic.severity === 'error' ? console.error : console.warn)(formatDiagnostic(diagnostic));
  }
  const summary = `${summaryLine(report.diagnostics, report.filesChecked)} (${seconds.toFixed(2)} s)`;
  (errors > 0 ? console.error : console.log)(`${errors > 0 ? '✗' : '✓'} ${summary}`);
}
if (process.env.CI) {
  for (const diagnostic of report.diagnostics) console.log(formatGithubAnnotation(diagnostic));
}
process.exitCode = errors > 0 ? 1 : 0;
