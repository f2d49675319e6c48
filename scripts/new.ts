/**
 * npm run new -- --type analysis --section middle-east --author noor-haddad [--author ...] [--slug ...] "Headline"
 *
 * Writes content/articles/<section>/<slug>.md: a draft with every required
 * field, hints where there is something to write (src/lib/content/new-article.ts).
 * Run in a terminal without arguments, it asks for each.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askForArticle, planNewArticle, readContentFacts, type NewArticleRequest } from '../src/lib/content/new-article.ts';
import { buildNow } from '../src/lib/build-settings.ts';
import { contentDir as contentFolder } from '../src/lib/build-settings.ts';

const usage = `usage: npm run new -- --type <type> --section <section-id> --author <author-id> [--author <id> ...] [--slug <slug>] [--content <dir>] "Headline"
       npm run new            (in a terminal: asks for each)`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      section: { type: 'string' },
      author: { type: 'string', multiple: true },
      slug: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}

// Relative to where the command runs, so that messages name files as the editor sees them.
const contentDir = values.content ?? path.relative(process.cwd(), contentFolder());
const { facts, problems } = readContentFacts(contentDir);
if (problems.length > 0) fail(problems.join('\n'), 1);

let request: NewArticleRequest;
const nothingGiven = positionals.length === 0 && !values.type && !values.section && !values.author;
if (nothingGiven && process.stdin.isTTY) {
  try {
    request = await askForArticle(facts, { input: process.stdin, output: process.stdout });
  } catch (error) {
    fail((error as Error).message, 1);
  }
} else {
  const missing = [!values.type && '--type', !values.section && '--section', !values.author && '--author', positionals.length === 0 && 'the headline'].filter(Boolean);
  if (missing.length > 0) fail(`missing ${missing.join(', ')}\n${usage}`);
  if (positionals.length > 1) fail(`give the headline as one argument, in quotes (got ${positionals.length} words)\n${usage}`);
  request = { type: values.type!, section: values.section!, authors: values.author!, title: positionals[0]!, slug: values.slug };
}

const plan = planNewArticle(request, facts, buildNow());
if (!plan.ok) fail(plan.problems.map((problem) => `✗ ${problem}`).join('\n'), 1);
const target = path.join(contentDir, plan.article.file);
if (existsSync(target)) fail(`✗ ${target} already exists; choose another headline or give --slug`, 1);
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, plan.article.text, { flag: 'wx' });
console.log(`✓ wrote ${target.split(path.sep).join('/')} (a draft, at /${plan.article.slug}/)
  Replace every [[hint]]; npm run validate lists what is left. Set draft: false to publish.`);
