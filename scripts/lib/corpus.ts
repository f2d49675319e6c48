/**
 * A deterministic synthetic archive for benchmarks, shaped like a real
 * magazine's: articles of 600 to 3,000 words (short takes of 150 to 400) in
 * topical clusters, with the Markdown editors write (links to other sites and
 * to earlier pieces, emphasis, quotes, apostrophes and dashes, sub-headings,
 * block quotes, lists, the odd table and footnote), one or two authors, types,
 * updates, corrections and republished pieces, and 24 shared photos. Valid
 * against the real schema. Same seed, same bytes.
 */
import { mkdirSync, rmSync, writeFileSync, copyFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { createRng } from './prng.ts';

const TOPICS: Record<string, string[]> = {
  'middle-east': ['gulf', 'desalination', 'tehran', 'riyadh', 'pipeline', 'tanker', 'sanctions', 'militia', 'ceasefire', 'hormuz', 'refinery', 'mediation'],
  'asia-pacific': ['reef', 'coast-guard', 'fisheries', 'cable', 'taiwan', 'strait', 'archipelago', 'submarine', 'manila', 'tokyo', 'alliance', 'shipyard'],
  europe: ['grid', 'interconnector', 'ammunition', 'procurement', 'baltic', 'nato', 'brussels', 'artillery', 'offshore', 'sabotage', 'budget', 'warsaw'],
  americas: ['lithium', 'brine', 'canal', 'drought', 'transit', 'andes', 'copper', 'tariff', 'mexico', 'migration', 'election', 'refinery'],
  africa: ['sahel', 'junta', 'eurobond', 'restructuring', 'creditor', 'insurgency', 'ecowas', 'mining', 'port', 'currency', 'harvest', 'corridor'],
  'global-military': ['drone', 'interceptor', 'radar', 'missile', 'autonomy', 'treaty', 'stockpile', 'satellite', 'warhead', 'verification', 'swarm', 'doctrine'],
  economy: ['dollar', 'swift', 'payments', 'clearing', 'reserve', 'inflation', 'bond', 'yuan', 'correspondent', 'settlement', 'exporter', 'liquidity'],
};
const COMMON = 'the of and to in a that is for on with as by it from at this be are was which has their have more but not its they or will an would than been'.split(' ');
const FILLER = 'officials analysts government policy security region talks deal markets strategy pressure leaders agreement growth risk crisis capacity investment'.split(' ');

/** A topic's own vocabulary: syllable-built words, so ranking sees a realistic spread of rare and common terms. */
function topicVocabulary(seed: number, size: number): string[] {
  const random = createRng(seed).next;
  const syllables = ['ka', 'ro', 'mi', 'tel', 'san', 'dor', 'vi', 'lun', 'pra', 'zek', 'hal', 'mor', 'qui', 'ten', 'bas', 'ri', 'gor', 'nal', 'fes', 'ud'];
  const words = new Set<string>();
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 2);
    let word = '';
    for (let k = 0; k < length; k++) word += syllables[Math.floor(random() * syllables.length)];
    words.add(word);
  }
  return [...words];
}

export interface GeneratedArticle {
  slug: string;
  section: string;
  /** Sub-folder, a thousand articles each. */
  folder: string;
  title: string;
  dek: string;
  type: string;
  authors: string[];
  tags: string[];
  published: string;
  updated?: string;
  /** Photo file name without extension; short takes have none. */
  photo?: string;
  corrections: { date: string; text: string }[];
  republished?: { outlet: string; url: string };
  body: string;
}

export const CORPUS_SECTIONS = Object.keys(TOPICS);
/** Each section's two photos; short takes have none. */
const SECTION_PHOTOS: Record<string, string[]> = {
  'middle-east': ['gulf-water-1', 'gulf-water-2', 'iran-sanctions-1', 'iran-sanctions-2'],
  'asia-pacific': ['south-china-sea-1', 'south-china-sea-2', 'pacific-cables-1', 'pacific-cables-2'],
  europe: ['baltic-grid-1', 'baltic-grid-2', 'eu-defence-1', 'eu-defence-2'],
  americas: ['lithium-andes-1', 'lithium-andes-2', 'panama-canal-1', 'panama-canal-2'],
  africa: ['sahel-security-1', 'sahel-security-2', 'africa-debt-1', 'africa-debt-2'],
  'global-military': ['drones-arms-1', 'drones-arms-2'],
  economy: ['payments-sanctions-1', 'payments-sanctions-2'],
};
export const CORPUS_PHOTOS = [...new Set(Object.values(SECTION_PHOTOS).flat())];
const CORPUS_AUTHORS = ['farid-nasser', 'mei-lin-tan', 'ingrid-halvorsen', 'tomasz-wierzbicki', 'daniel-reyes', 'amara-okonkwo', 'hollis-carter', 'priya-raman', 'noor-haddad', 'elena-marchetti'];
const TYPES = ['analysis', 'analysis', 'analysis', 'opinion', 'news', 'reporting', 'interview', 'review'];
const SITES = ['think-tank.example', 'ministry.example', 'wire-service.example', 'journal.example', 'parliament.example'];
const SPEAKERS = ['a senior official said', 'one diplomat said', 'an analyst in the capital said', 'a negotiator told reporters', 'the minister said'];
/** Every this-many articles, one is a short take of the SIGNAL brand. */
const SHORT_TAKE_EVERY = 10;

export interface GeneratorOptions {
  /** Fixed length for every article; by default each gets 600 to 3,000 words. */
  wordsPerArticle?: number;
  seed?: number;
}

/** The corpus, one article at a time, deterministic for a seed. */
export function* generateArticles(count: number, { wordsPerArticle, seed = 42 }: GeneratorOptions = {}): Generator<GeneratedArticle> {
  const { next: random, pick, chance } = createRng(seed);
  // Zipf-like: low indexes far more often than high ones.
  const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(list.length * random() * random())]!;
  const vocabularies = CORPUS_SECTIONS.map((_, index) => topicVocabulary(seed + index + 1, 400));
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2026, 9, 1) - start;
  const earlier: string[] = [];
  for (let i = 0; i < count; i++) {
    const shortTake = i % SHORT_TAKE_EVERY === SHORT_TAKE_EVERY - 1;
    const sectionIndex = i % CORPUS_SECTIONS.length;
    const topicSection = CORPUS_SECTIONS[sectionIndex]!;
    const topic = TOPICS[topicSection]!;
    const vocabulary = vocabularies[sectionIndex]!;
    // Each article dwells on a few words of its topic: what related stories should find.
    const focus = [pick(topic), pickSkewed(vocabulary), pickSkewed(vocabulary), pickSkewed(vocabulary)];
    const words = (n: number) => {
      const out: string[] = [];
      for (let w = 0; w < n; w++) {
        const roll = random();
        out.push(roll < 0.45 ? pick(COMMON) : roll < 0.6 ? pick(FILLER) : roll < 0.75 ? pick(focus) : roll < 0.85 ? pick(topic) : pickSkewed(vocabulary));
      }
      return out;
    };
    const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    /** One sentence with the inline Markdown editors write, now and then. */
    const sentence = (n: number) => {
      const w = words(n);
      const roll = random();
      if (roll < 0.08) {
        const at = 1 + Math.floor(random() * (w.length - 3));
        w.splice(at, 2, `[${w[at]} ${w[at + 1]}](https://www.${pick(SITES)}/${pick(topic)}/${Math.floor(random() * 9000) + 1000})`);
      } else if (roll < 0.11 && earlier.length > 0) {
        const at = 1 + Math.floor(random() * (w.length - 2));
        w[at] = `[${w[at]}](/${pick(earlier)}/)`;
      } else if (roll < 0.17) {
        const at = Math.floor(random() * w.length);
        w[at] = chance(0.5) ? `*${w[at]}*` : `**${w[at]}**`;
      } else if (roll < 0.23) {
        w[Math.floor(random() * w.length)] += "'s";
      } else if (roll < 0.27) {
        w.splice(Math.floor(w.length / 2), 0, '--');
      }
      if (roll > 0.9) return `"${capital(w.join(' '))}," ${pick(SPEAKERS)}.`;
      return `${capital(w.join(' '))}.`;
    };
    const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 3) }, () => sentence(12 + Math.floor(random() * 10))).join(' ');
    const target = wordsPerArticle ?? (shortTake ? 150 + Math.floor(random() * 250) : 600 + Math.floor(random() * 2400));
    const blocks: string[] = [];
    let footnote = false;
    let written = 0;
    while (written < target) {
      let block: string;
      if (!shortTake && blocks.length % 6 === 5) block = `## ${capital(words(5).join(' '))}`;
      else if (!shortTake && blocks.length > 2 && chance(0.04)) block = `> ${paragraph()}`;
      else if (!shortTake && blocks.length > 2 && chance(0.03)) block = Array.from({ length: 3 + Math.floor(random() * 3) }, () => `- ${sentence(8)}`).join('\n');
      else if (!shortTake && blocks.length > 2 && chance(0.005)) {
        const row = () => `| ${capital(pick(topic))} | ${Math.floor(random() * 900)} | ${(random() * 100).toFixed(1)}% |`;
        block = ['| Item | Value | Share |', '| --- | ---: | ---: |', row(), row(), row(), row()].join('\n');
      } else block = paragraph();
      if (!shortTake && !footnote && blocks.length > 3 && chance(0.01)) {
        block += '[^1]';
        footnote = true;
      }
      written += block.split(' ').length;
      blocks.push(block);
    }
    if (footnote) blocks.push(`[^1]: ${sentence(14)}`);
    const section = shortTake ? 'signal' : topicSection;
    const slug = `${topicSection}-${focus[0]}-${i.toString(36)}`;
    const publishedAt = start + Math.floor((span * i) / count);
    const authors = [pick(CORPUS_AUTHORS)];
    if (!shortTake && chance(0.15)) authors.push(pick(CORPUS_AUTHORS.filter((author) => author !== authors[0])));
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const article: GeneratedArticle = {
      slug,
      section,
      folder: String(Math.floor(i / 1000)),
      title: capital(words(8).join(' ')),
      dek: `${capital(words(16).join(' '))}.`,
      type: shortTake ? 'short-take' : pick(TYPES),
      authors,
      tags: [...new Set(focus.slice(0, 3))],
      published: new Date(publishedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(shortTake ? {} : { photo: pick(SECTION_PHOTOS[topicSection]!) }),
      corrections: !shortTake && chance(0.03) ? [{ date: day(publishedAt + 86_400_000 * 2), text: `An earlier version misstated the ${pick(FILLER)} figure.` }] : [],
      body: blocks.join('\n\n'),
    };
    if (!shortTake && chance(0.05)) article.updated = new Date(publishedAt + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (!shortTake && chance(0.05)) article.republished = { outlet: 'The Harbor Quarterly', url: `https://harbor-quarterly.example/${slug}` };
    earlier.push(slug);
    if (earlier.length > 200) earlier.shift();
    yield article;
  }
}

export interface CorpusOptions extends GeneratorOptions {
  articles: number;
  /** Where sample photos come from (copied once). */
  photoDir: string;
  /** The repository's sample content, for site.yaml, sections.yaml and authors. */
  sampleContent: string;
}

/** An article as its Markdown file. */
export function articleFile(article: GeneratedArticle): string {
  const lines = [
    '---',
    `title: "${article.title}"`,
    `dek: "${article.dek}"`,
    `type: ${article.type}`,
    `section: ${article.section}`,
    `authors: [${article.authors.join(', ')}]`,
    `published: ${article.published}`,
  ];
  if (article.updated) lines.push(`updated: ${article.updated}`);
  if (article.photo) {
    lines.push('hero:', `  src: ../../../images/${article.photo}.jpg`, '  alt: "A stylised illustration for the benchmark corpus"', '  caption: "Benchmark illustration."', '  credit: "Bench/Meridian Studio"');
  }
  if (article.republished) lines.push('republished:', `  outlet: "${article.republished.outlet}"`, `  url: "${article.republished.url}"`);
  lines.push(`tags: [${article.tags.join(', ')}]`);
  if (article.corrections.length > 0) {
    lines.push('corrections:');
    for (const correction of article.corrections) lines.push(`  - date: ${correction.date}`, `    text: "${correction.text}"`);
  }
  lines.push('---', '');
  return `${lines.join('\n')}${article.body}\n`;
}

/** Where an article's file lives in a corpus written by writeCorpus(). */
export function articlePathIn(contentDir: string, article: Pick<GeneratedArticle, 'section' | 'folder' | 'slug'>): string {
  return path.join(contentDir, 'articles', article.section, article.folder, `${article.slug}.md`);
}

/** Writes `<dir>/content` and `<dir>/public`; returns the content directory. */
export function writeCorpus(dir: string, options: CorpusOptions): string {
  const content = path.join(dir, 'content');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(content, 'articles'), { recursive: true });
  mkdirSync(path.join(content, 'images'), { recursive: true });
  cpSync(path.join(options.sampleContent, 'authors'), path.join(content, 'authors'), { recursive: true });
  cpSync(path.join(options.sampleContent, 'images', 'authors'), path.join(content, 'images', 'authors'), { recursive: true });
  copyFileSync(path.join(options.sampleContent, 'site.yaml'), path.join(content, 'site.yaml'));
  copyFileSync(path.join(options.sampleContent, 'sections.yaml'), path.join(content, 'sections.yaml'));
  cpSync(path.join(options.sampleContent, '..', 'public'), path.join(dir, 'public'), { recursive: true });
  for (const photo of CORPUS_PHOTOS) copyFileSync(path.join(options.photoDir, `${photo}.jpg`), path.join(content, 'images', `${photo}.jpg`));
  const madeFolders = new Set<string>();
  const generatorOptions = { ...(options.wordsPerArticle ? { wordsPerArticle: options.wordsPerArticle } : {}), ...(options.seed ? { seed: options.seed } : {}) };
  for (const article of generateArticles(options.articles, generatorOptions)) {
    const file = articlePathIn(content, article);
    const folder = path.dirname(file);
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    writeFileSync(file, articleFile(article));
  }
  return content;
}
