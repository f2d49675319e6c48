/**
 * Incremental builds are only worth having if they are right: after each
 * change an editor or a developer makes, an incremental build (restoring every
 * page whose cache key and code are unchanged, re-indexing only the search
 * shards that changed) must write exactly the files, byte for byte, that a cold
 * build of the same content writes. Runs in a copy of the project, so the
 * template and stylesheet steps change nothing in the repository.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleFile, articlePathIn, generateArticles, type GeneratedArticle } from '../../scripts/lib/corpus.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { buildProject, copyProject, writeTestCorpus, type ProjectBuild, type ProjectCopy } from '../helpers/project-copy.ts';

const ARTICLES = 40;
const generated = [...generateArticles(ARTICLES, { wordsPerArticle: 220 })];

let project: ProjectCopy;
let work: string;
let content: string;
/** Image renditions are the same for every build of the same photos; sharing them keeps cold builds quick. */
let sharedAssets: string;
let now = '2026-11-01T12:00:00Z';
let step = 0;

beforeAll(() => {
  project = copyProject();
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-incremental-'));
  content = writeTestCorpus(work, ARTICLES, 220);
  sharedAssets = path.join(work, 'assets');
  mkdirSync(sharedAssets);
  // A piece scheduled for after the first builds' clock.
  writeArticle({ ...generated[20]!, slug: 'scheduled-pipeline-talks', title: 'Pipeline talks resume after a winter of delays', published: '2026-11-10T09:00:00Z' });
});

afterAll(() => {
  project?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

function writeArticle(article: GeneratedArticle): string {
  const file = articlePathIn(content, article);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, articleFile(article));
  return file;
}

function fileOf(article: GeneratedArticle): string {
  return articlePathIn(content, article);
}

function replaceIn(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: nothing to replace for ${from}`);
  writeFileSync(file, next);
}

/** An article no other article links to, so it can be deleted without breaking links. */
function unlinked(): GeneratedArticle {
  const bodies = generated.map((article) => article.body).join('\n');
  return generated.slice(5).find((article) => !bodies.includes(`/${article.slug}/`))!;
}

/** A piece that another piece links to, neither of them changed by the other steps. */
function linkedPiece(): { target: GeneratedArticle; linking: GeneratedArticle } {
  const untouched = generated.filter((article, index) => ![3, 10, 14, 20, 30].includes(index) && article.section !== 'europe' && article !== unlinked());
  for (const linking of untouched) {
    const target = untouched.find((candidate) => candidate !== linking && linking.body.includes(`](/${candidate.slug}/)`));
    if (target) return { target, linking };
  }
  throw new Error('the generated corpus has no link between two untouched pieces');
}

/** Three pieces no other step changes, which the series steps make parts 1, 2 and 3 of a series. */
function seriesParts(): GeneratedArticle[] {
  const { target, linking } = linkedPiece();
  const candidates = generated.filter(
    (article, index) => ![3, 10, 14, 20, 30].includes(index) && article.section !== 'europe' && article !== unlinked() && article !== target && article !== linking,
  );
  return candidates.slice(-3);
}

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => !existsSync(path.join(dir, file)) || !isDirectory(path.join(dir, file))).sort();
}

function isDirectory(file: string): boolean {
  try {
    return readdirSync(file) !== undefined;
  } catch {
    return false;
  }
}

/** Names of the files that differ between two built sites, or exist in one only. */
function differences(a: string, b: string): string[] {
  const left = listFiles(a);
  const right = listFiles(b);
  const all = [...new Set([...left, ...right])].sort();
  return all.filter((file) => {
    if (!left.includes(file)) return true;
    if (!right.includes(file)) return true;
    return !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)));
  });
}

const incrementalCache = () => path.join(work, 'cache-incremental');

/** Builds incrementally and cold, and returns both after comparing them. */
function buildBoth(): { incremental: ProjectBuild; cold: ProjectBuild; incrementalDir: string } {
  step++;
  // Always the same folder: Astro bakes the output folder into its code, so another would count as a code change.
  const incrementalDir = path.join(work, 'dist-incremental');
  const coldDir = path.join(work, `dist-cold-${step}`);
  const coldCache = path.join(work, `cache-cold-${step}`);
  mkdirSync(coldCache, { recursive: true });
  mkdirSync(path.join(coldCache, 'broadsheet'));
  symlinkSync(sharedAssets, path.join(coldCache, 'broadsheet', 'renditions'), 'dir');
  const incremental = buildProject(project.root, { contentDir: content, cacheDir: incrementalCache(), outDir: incrementalDir, now });
  expect(incremental.status, incremental.output.slice(-3000)).toBe(0);
  const cold = buildProject(project.root, { contentDir: content, cacheDir: coldCache, outDir: coldDir, now });
  expect(cold.status, cold.output.slice(-3000)).toBe(0);
  expect(cold.restored, 'a cold build restores nothing').toBe(0);
  rmSync(coldCache, { recursive: true, force: true });
  expect(differences(incrementalDir, coldDir), `step ${step}: files that differ between the incremental and the cold build`).toEqual([]);
  rmSync(coldDir, { recursive: true, force: true });
  return { incremental, cold, incrementalDir };
}

/** Every step starts from the previous one's content and cache. */
// Each step is two builds of the project; under a full test run on two cores the first (which fills the caches) took 180 s.
describe('an incremental build writes what a cold build writes', { timeout: 400_000 }, () => {
  it('on the first build, which fills the caches', () => {
    const { incremental } = buildBoth();
    expect(incremental.restored).toBe(0);
    // Seed the shared photo renditions for the cold builds that follow.
    const assets = path.join(incrementalCache(), 'broadsheet', 'renditions');
    for (const name of readdirSync(assets)) renameSync(path.join(assets, name), path.join(sharedAssets, name));
    rmSync(assets, { recursive: true });
    symlinkSync(sharedAssets, assets, 'dir');
  });

  it('when nothing changed, restoring every page', () => {
    const { incremental } = buildBoth();
    // Only the pages without a cache key (home, feeds of the whole site, sitemaps of the day...) render.
    expect(incremental.restored).toBeGreaterThan(200);
    expect(incremental.rendered).toBeLessThan(15);
    // The output folder of the previous build is kept, not emptied and filled again.
    expect(incremental.output).toContain('keeping the output folder of the previous build');
  });

  it('after a new article is published', () => {
    writeArticle({ ...generated[30]!, slug: 'new-desalination-deal', title: 'A desalination deal reshapes the Gulf water market', published: '2026-10-20T10:00:00Z' });
    const { incremental } = buildBoth();
    expect(incremental.restored).toBeGreaterThan(incremental.rendered * 4);
  });

  it("after an old article's body is edited", () => {
    const article = generated[3]!;
    // With a chart embed: the page frames Datawrapper, and its own policy in _headers (no cache key: always written) allows it.
    appendFileSync(fileOf(article), '\nA sentence added after publication, to correct the record on the ceasefire terms.\n\n::embed[Ceasefire violations reported by week]{url="https://datawrapper.dwcdn.net/Xy7Qa/2/"}\n');
    const { incremental, incrementalDir } = buildBoth();
    expect(incremental.restored).toBeGreaterThan(200);
    expect(readFileSync(path.join(incrementalDir, article.slug, 'index.html'), 'utf8')).toContain('to correct the record on the ceasefire terms');
    expect(readFileSync(path.join(incrementalDir, article.slug, 'index.html'), 'utf8')).toContain('<iframe src="https://datawrapper.dwcdn.net/Xy7Qa/2/"');
    expect(readFileSync(path.join(incrementalDir, '_headers'), 'utf8')).toMatch(new RegExp(`\\n/${article.slug}/\\*\\n  ! Content-Security-Policy\\n  Content-Security-Policy: [^\\n]*frame-src https://datawrapper\\.dwcdn\\.net;`));
  });

  it('after a photo is put in a body (::figure), and again after that photo file is replaced', () => {
    const article = generated[3]!;
    const photo = path.join(content, 'images', 'body-photo.jpg');
    writeFileSync(photo, readFileSync(path.join(REPO, 'content/images/sahel-blocs-map.jpg')));
    appendFileSync(
      fileOf(article),
      '\n::figure[Where the blocs meet]{src="../../../images/body-photo.jpg" alt="Schematic map of two blocs in West Africa" credit="Map by Meridian Studio"}\n',
    );
    const first = buildBoth().incrementalDir;
    const before = readFileSync(path.join(first, article.slug, 'index.html'), 'utf8');
    expect(before).toMatch(/<figure><picture><source type="image\/avif" srcset="\/images\/body-photo-[0-9a-f]{16}-640x360-[0-9a-f]{4}\.avif/);
    // Same name, other bytes: the body's render key covers the photo's digest, so the page and its renditions follow.
    writeFileSync(photo, readFileSync(path.join(REPO, 'content/images/sahel-security-1.jpg')));
    const { incrementalDir } = buildBoth();
    const after = readFileSync(path.join(incrementalDir, article.slug, 'index.html'), 'utf8');
    const digest = (html: string) => /body-photo-([0-9a-f]{16})-/.exec(html)?.[1];
    expect(digest(after)).toBeDefined();
    expect(digest(after)).not.toBe(digest(before));
    expect(readdirSync(path.join(incrementalDir, 'images')).some((name) => name.startsWith(`body-photo-${digest(after)}-640x360-`) && name.endsWith('.webp'))).toBe(true);
  });

  it("after a title changes, which other pages' teasers show", () => {
    const article = generated[10]!;
    replaceIn(fileOf(article), `title: "${article.title}"`, 'title: "Reef patrols test the limits of the coast guard pact"');
    buildBoth();
  });

  it("after an author's bio and name change", () => {
    const file = path.join(content, 'authors', 'farid-nasser.md');
    replaceIn(file, /^name: .*$/m, 'name: Farid N. Nasser');
    appendFileSync(file, '\nHe also writes a monthly column on Gulf water politics.\n');
    buildBoth();
  });

  it('after an article moves to another section', () => {
    const article = generated.find((candidate) => candidate.section === 'europe' && candidate !== generated[10])!;
    replaceIn(fileOf(article), 'section: europe', 'section: economy');
    buildBoth();
  });

  it('after an article is renamed and keeps its former slug', () => {
    const article = generated[14]!;
    const renamed = path.join(path.dirname(fileOf(article)), 'renamed-analysis-piece.md');
    renameSync(fileOf(article), renamed);
    replaceIn(renamed, /^tags: /m, `previousSlugs: [${article.slug}]\ntags: `);
    const { incrementalDir } = buildBoth();
    expect(existsSync(path.join(incrementalDir, 'renamed-analysis-piece/index.html'))).toBe(true);
    expect(readFileSync(path.join(incrementalDir, article.slug, 'index.html'), 'utf8')).toContain('http-equiv="refresh"');
  });

  it('after an article is deleted: its page, feed items, sitemap entry and search records disappear', () => {
    const article = unlinked();
    rmSync(fileOf(article));
    const { incrementalDir } = buildBoth();
    expect(existsSync(path.join(incrementalDir, article.slug))).toBe(false);
    const everything = listFiles(incrementalDir)
      .filter((file) => /\.(html|xml|json)$/.test(file))
      .map((file) => readFileSync(path.join(incrementalDir, file), 'utf8'))
      .join('\n');
    expect(everything).not.toContain(`/${article.slug}/`);
  });

  it('after a template and the stylesheet change', () => {
    replaceIn(path.join(project.root, 'src/lib/presentation/teaser.ts'), "'keep reading'", "'Keep reading'");
    appendFileSync(path.join(project.root, 'src/styles/global.css'), '\n.teaser-title { letter-spacing: -0.01em; }\n');
    const { incremental } = buildBoth();
    // Every page that shows a teaser or the stylesheet's new name.
    expect(incremental.rendered).toBeGreaterThan(100);
  });

  it('after site.yaml changes', () => {
    replaceIn(path.join(content, 'site.yaml'), /^description: .*$/m, 'description: Independent analysis of foreign policy and security, weekly.');
    buildBoth();
  });

  it("after site pages are added, which every page's footer and the publisher's structured data show", () => {
    const pages = path.join(content, 'pages');
    mkdirSync(pages, { recursive: true });
    writeFileSync(path.join(pages, 'about.md'), '---\ntitle: About us\ndescription: Who writes this publication.\nkind: about\norder: 1\n---\n\nWe publish analysis of foreign policy.\n');
    writeFileSync(path.join(pages, 'standards.md'), '---\ntitle: Corrections policy\ndescription: How we correct our mistakes.\nkind: standards\norder: 2\n---\n\nWe correct errors at the foot of each piece.\n');
    const { incrementalDir } = buildBoth();
    const page = readFileSync(path.join(incrementalDir, generated[3]!.slug, 'index.html'), 'utf8');
    expect(page).toContain('href="/standards/"');
    expect(page).toContain('"publishingPrinciples"');
    expect(existsSync(path.join(incrementalDir, 'about/index.html'))).toBe(true);
  });

  it('after a site page is retitled, its body edited and its kind changed', () => {
    const file = path.join(content, 'pages', 'standards.md');
    replaceIn(file, 'title: Corrections policy', 'title: Standards and corrections');
    replaceIn(file, 'kind: standards', 'kind: masthead');
    appendFileSync(file, '\nA correction is dated and says what was wrong.\n');
    const { incrementalDir } = buildBoth();
    const page = readFileSync(path.join(incrementalDir, generated[3]!.slug, 'index.html'), 'utf8');
    expect(page).toContain('Standards and corrections');
    expect(page).not.toContain('"publishingPrinciples"');
    expect(readFileSync(path.join(incrementalDir, 'standards/index.html'), 'utf8')).toContain('A correction is dated');
  });

  it('after npm run newsletter wrote an issue into the output folder: the next build of the site leaves it out', () => {
    // The week of the piece published in the third step (Tuesday, October 20th, in New York).
    const issue = buildProject(project.root, { contentDir: content, cacheDir: incrementalCache(), outDir: path.join(work, 'dist-incremental'), now, env: { BROADSHEET_NEWSLETTER_WEEK: '2026-W43' } });
    expect(issue.status, issue.output.slice(-3000)).toBe(0);
    expect(readFileSync(path.join(work, 'dist-incremental/newsletter/2026-W43.html'), 'utf8')).toContain('/new-desalination-deal/');
    const { incrementalDir } = buildBoth();
    expect(existsSync(path.join(incrementalDir, 'newsletter'))).toBe(false);
  });

  it('after a piece that others link to is withdrawn: a notice at its address, links to it become text, it leaves every list', () => {
    const { target, linking } = linkedPiece();
    replaceIn(fileOf(target), /^tags: /m, 'withdrawn:\n  date: 2026-11-01T12:00:00Z\n  reason: It quoted a report that its authors have since withdrawn.\ntags: ');
    const { incrementalDir } = buildBoth();
    const notice = readFileSync(path.join(incrementalDir, target.slug, 'index.html'), 'utf8');
    expect(notice).toContain('<meta name="robots" content="noindex">');
    expect(notice).toContain('It quoted a report that its authors have since withdrawn.');
    expect(notice).not.toContain(target.title);
    const citing = readFileSync(path.join(incrementalDir, linking.slug, 'index.html'), 'utf8');
    expect(citing).toContain('class="article-body"');
    const everything = listFiles(incrementalDir)
      .filter((file) => /\.(html|xml|json)$/.test(file) && file !== path.join(target.slug, 'index.html'))
      .map((file) => readFileSync(path.join(incrementalDir, file), 'utf8'))
      .join('\n');
    expect(everything).not.toContain(`/${target.slug}/"`);
    expect(everything).not.toContain(`/${target.slug}/<`);
    expect(everything).not.toContain(target.title);
  });

  it('after the withdrawal is undone: the piece and the links to it come back', () => {
    const { target, linking } = linkedPiece();
    replaceIn(fileOf(target), /^withdrawn:\n.*\n.*\n/m, '');
    const { incrementalDir } = buildBoth();
    expect(readFileSync(path.join(incrementalDir, target.slug, 'index.html'), 'utf8')).toContain(target.title);
    expect(readFileSync(path.join(incrementalDir, linking.slug, 'index.html'), 'utf8')).toContain(`href="/${target.slug}/"`);
  });

  it('after three pieces become a series: its page, and the part line and neighbours on each part', () => {
    writeFileSync(
      path.join(content, 'series.yaml'),
      '- id: convoy-routes\n  title: Convoy routes\n  description: Three pieces on how shipping lanes are guarded.\n',
    );
    seriesParts().forEach((part, index) => replaceIn(fileOf(part), /^tags: /m, `series:\n  id: convoy-routes\n  part: ${index + 1}\ntags: `));
    const { incrementalDir } = buildBoth();
    const [first, second] = seriesParts();
    expect(readFileSync(path.join(incrementalDir, 'series/convoy-routes/index.html'), 'utf8')).toContain(first!.title);
    expect(readFileSync(path.join(incrementalDir, second!.slug, 'index.html'), 'utf8')).toContain('Part 2 of 3');
  });

  it("after a part's title and the series' title change, which the other parts and the series page show", () => {
    const [first, second, third] = seriesParts();
    replaceIn(fileOf(second!), `title: "${second!.title}"`, 'title: "Escorts thin out on the southern convoy route"');
    replaceIn(path.join(content, 'series.yaml'), 'title: Convoy routes', 'title: Guarding the convoy routes');
    const { incrementalDir } = buildBoth();
    for (const neighbour of [first!, third!]) {
      const page = readFileSync(path.join(incrementalDir, neighbour.slug, 'index.html'), 'utf8');
      expect(page).toContain('Escorts thin out on the southern convoy route');
      expect(page).toContain('Guarding the convoy routes');
    }
    expect(readFileSync(path.join(incrementalDir, 'series/convoy-routes/index.html'), 'utf8')).toContain('Escorts thin out on the southern convoy route');
  });

  it('after a part becomes a draft: the others are numbered again and link past it', () => {
    const [first, second, third] = seriesParts();
    replaceIn(fileOf(second!), /^tags: /m, 'draft: true\ntags: ');
    const { incrementalDir } = buildBoth();
    const page = readFileSync(path.join(incrementalDir, third!.slug, 'index.html'), 'utf8');
    expect(page).toContain('Part 2 of 2');
    expect(page).toContain(`href="/${first!.slug}/"`);
    expect(readFileSync(path.join(incrementalDir, 'series/convoy-routes/index.html'), 'utf8')).not.toContain(second!.slug);
  });

  it('when a scheduled piece becomes due by the clock', () => {
    now = '2026-11-15T12:00:00Z';
    const { incrementalDir } = buildBoth();
    expect(existsSync(path.join(incrementalDir, 'scheduled-pipeline-talks/index.html'))).toBe(true);
  });
});
