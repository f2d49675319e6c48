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
  const { articles, wordsPerArticle = 1000, seed = 42 } = options;
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const content = path.join(dir, 'content');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(content, 'articles'), { recursive: true });
  mkdirSync(path.join(content, 'images'), { recursive: true });
  cpSync(path.join(options.sampleContent, 'authors'), path.join(content, 'authors'), { recursive: true });
  cpSync(path.join(options.sampleContent, 'images', 'authors'), path.join(content, 'images', 'authors'), { recursive: true });
  copyFileSync(path.join(options.sampleContent, 'site.yaml'), path.join(content, 'site.yaml'));
  copyFileSync(path.join(options.sampleContent, 'sections.yaml'), path.join(content, 'sections.yaml'));
  cpSync(path.join(options.sampleContent, '..', 'public'), path.join(dir, 'public'), { recursive: true });
  const photos = ['gulf-water-1', 'south-china-sea-1', 'baltic-grid-1', 'lithium-andes-1', 'sahel-security-1', 'drones-arms-1', 'payments-sanctions-1'];
  for (const photo of photos) copyFileSync(path.join(options.photoDir, `${photo}.jpg`), path.join(content, 'images', `${photo}.jpg`));
  const sections = Object.keys(TOPICS);
  const authors = ['farid-nasser', 'mei-lin-tan', 'ingrid-halvorsen', 'tomasz-wierzbicki', 'daniel-reyes', 'amara-okonkwo', 'hollis-carter', 'priya-raman', 'noor-haddad'];
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2026, 9, 1) - start;

  const madeFolders = new Set<string>();
  for (let i = 0; i < articles; i++) {
    const sectionIndex = i % sections.length;
    const section = sections[sectionIndex]!;
    const topic = TOPICS[section]!;
    const focus = [pick(topic), pick(topic), pick(topic)];
    const words = (count: number) => {
      const out: string[] = [];
      for (let w = 0; w < count; w++) {
        const roll = random();
        out.push(roll < 0.45 ? pick(COMMON) : roll < 0.7 ? pick(FILLER) : roll < 0.9 ? pick(focus) : pick(topic));
      }
      return out;
    };
    const sentence = (count: number) => {
      const w = words(count);
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
    const published = new Date(start + Math.floor((span * i) / articles)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const slug = `${section}-${focus[0]}-${i.toString(36)}`;
    const frontmatter = [
      '---',
      `title: "${sentence(8).replace(/\.$/, '')}"`,
      `dek: "${sentence(16)}"`,
      'type: analysis',
      `section: ${section}`,
      `authors: [${pick(authors)}]`,
      `published: ${published}`,
      'hero:',
      `  src: ../../../images/${photos[sectionIndex]}.jpg`,
      '  alt: "A stylised illustration for the benchmark corpus"',
      '  caption: "Benchmark illustration."',
      '  credit: "Bench/Meridian Studio"',
      `tags: [${[...new Set(focus)].join(', ')}]`,
      '---',
      '',
    ].join('\n');
    const folder = path.join(content, 'articles', section, String(Math.floor(i / 1000)));
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    writeFileSync(path.join(folder, `${slug}.md`), `${frontmatter}${paragraphs.join('\n\n')}\n`);
  }
  return content;
}
