/**
 * A deterministic synthetic archive for benchmarks: N articles of ~1,000 words
 * in topical clusters, valid against the real schema, with shared photos.
 * Same seed, same bytes.
 */
import { mkdirSync, rmSync, writeFileSync, copyFileSync, cpSync } from 'node:fs';
import path from 'node:path';

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

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A topic's own vocabulary: syllable-built words, so ranking sees a realistic spread of rare and common terms. */
function topicVocabulary(seed: number, size: number): string[] {
  const random = prng(seed);
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
  author: string;
  tags: string[];
  published: string;
  photo: string;
  body: string;
}

export const CORPUS_SECTIONS = Object.keys(TOPICS);
export const CORPUS_PHOTOS = ['gulf-water-1', 'south-china-sea-1', 'baltic-grid-1', 'lithium-andes-1', 'sahel-security-1', 'drones-arms-1', 'payments-sanctions-1'];
const CORPUS_AUTHORS = ['farid-nasser', 'mei-lin-tan', 'ingrid-halvorsen', 'tomasz-wierzbicki', 'daniel-reyes', 'amara-okonkwo', 'hollis-carter', 'priya-raman', 'noor-haddad'];

/** The corpus, one article at a time, deterministic for a seed. */
export function* generateArticles(count: number, { wordsPerArticle = 1000, seed = 42 } = {}): Generator<GeneratedArticle> {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Zipf-like: low indexes far more often than high ones.
  const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(list.length * random() * random())]!;
  const vocabularies = CORPUS_SECTIONS.map((_, index) => topicVocabulary(seed + index + 1, 400));
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2026, 9, 1) - start;
  for (let i = 0; i < count; i++) {
    const sectionIndex = i % CORPUS_SECTIONS.length;
    const section = CORPUS_SECTIONS[sectionIndex]!;
    const topic = TOPICS[section]!;
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
    const sentence = (n: number) => {
      const w = words(n);
      w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
      return `${w.join(' ')}.`;
    };
    const paragraphs: string[] = [];
    let written = 0;
    while (written < wordsPerArticle) {
      if (paragraphs.length % 4 === 3) paragraphs.push(`## ${sentence(5).replace(/\.$/, '')}`);
      const sentences = Array.from({ length: 4 }, () => sentence(12 + Math.floor(random() * 10)));
      written += sentences.join(' ').split(' ').length;
      paragraphs.push(sentences.join(' '));
    }
    yield {
      slug: `${section}-${focus[0]}-${i.toString(36)}`,
      section,
      folder: String(Math.floor(i / 1000)),
      title: sentence(8).replace(/\.$/, ''),
      dek: sentence(16),
      author: pick(CORPUS_AUTHORS),
      tags: [...new Set(focus.slice(0, 3))],
      published: new Date(start + Math.floor((span * i) / count)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      photo: CORPUS_PHOTOS[sectionIndex]!,
      body: paragraphs.join('\n\n'),
    };
  }
}

export interface CorpusOptions {
  articles: number;
  wordsPerArticle?: number;
  seed?: number;
  /** Where sample photos come from (copied once). */
  photoDir: string;
  /** The repository's sample content, for site.yaml, sections.yaml and authors. */
  sampleContent: string;
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
    const folder = path.join(content, 'articles', article.section, article.folder);
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    const frontmatter = [
      '---',
      `title: "${article.title}"`,
      `dek: "${article.dek}"`,
      'type: analysis',
      `section: ${article.section}`,
      `authors: [${article.author}]`,
      `published: ${article.published}`,
      'hero:',
      `  src: ../../../images/${article.photo}.jpg`,
      '  alt: "A stylised illustration for the benchmark corpus"',
      '  caption: "Benchmark illustration."',
      '  credit: "Bench/Meridian Studio"',
      `tags: [${article.tags.join(', ')}]`,
      '---',
      '',
    ].join('\n');
    writeFileSync(path.join(folder, `${article.slug}.md`), `${frontmatter}${article.body}\n`);
  }
  return content;
}
