/**
 * Related stories, computed at build time. Each article is a sparse vector over
 * its weighted terms (title, dek, tags, body; see text-terms.ts), each term
 * weighted by how specific it is to the pieces that use it (residual IDF, see
 * buildVectors); candidates come from an inverted index whose postings keep
 * only each term's strongest documents, so the cost grows with N, not N² (all
 * pairs took ~700 s at 50,000 articles; DESIGN.md); the best few by that first
 * score are scored again on their whole vectors (see rank). Scores get a boost
 * for a shared section and shared tags and a gentle decay with time apart.
 *
 * A match must rest on more than one distinctive shared term and reach a share
 * of the best match's score; when fewer than `min` pass, the article's own
 * section fills up (reason "section"), shown under its own heading.
 */
import { compareNewestFirst } from '../content/visibility.ts';

export interface RelatedDocument {
  slug: string;
  section: string;
  tags: readonly string[];
  published: Date;
  /** Weighted terms, from articleTerms(). */
  terms: readonly (readonly [string, number])[];
}

/** A document with its terms as ids of a TermVocabulary and their weights: what the index keeps of it. */
export interface CompactDocument extends Omit<RelatedDocument, 'terms'> {
  /** Each in a buffer of its own, which a worker thread can hand over (ranked-apart.ts). */
  termIds: Int32Array<ArrayBuffer>;
  termCounts: Float64Array<ArrayBuffer>;
}

/**
 * Terms by id, for documents made compact as they come: a 50,000-piece archive's terms as
 * strings and pairs were 5 million small objects, and collecting them took the ranking
 * worker's heap 4.7 of its 16 s in garbage collection (profiled).
 */
export class TermVocabulary {
  readonly terms: string[] = [];
  readonly #ids = new Map<string, number>();

  /** A vocabulary that goes on from `terms`, ids in their order (one handed over by another thread). */
  static of(terms: readonly string[]): TermVocabulary {
    const vocabulary = new TermVocabulary();
    for (const term of terms) vocabulary.idOf(term);
    return vocabulary;
  }

  idOf(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.#ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  compact({ terms, ...document }: RelatedDocument): CompactDocument {
    const termIds = new Int32Array(terms.length);
    const termCounts = new Float64Array(terms.length);
    for (let k = 0; k < terms.length; k++) {
      termIds[k] = this.idOf(terms[k]![0]);
      termCounts[k] = terms[k]![1];
    }
    return { ...document, termIds, termCounts };
  }
}

export interface RelatedOptions {
  /** Most teasers per article. */
  max: number;
  /**
   * Fewest teasers under an article when its section has enough pieces: when
   * fewer related stories pass, the section's latest pieces as of the article
   * fill the gap (see fillFromSection).
   */
  min: number;
  /** Terms per article that take part in matching. */
  termsPerDocument: number;
  /** Strongest documents kept per term. */
  postingsPerTerm: number;
  /**
   * Candidates, the best by their first score (from the postings), scored again on their whole
   * vectors: a few times `max`, so that the shared-term rule has others to fall back on.
   */
  shortlist: number;
  /** Terms found in more than this share of documents carry no signal. */
  maxDocumentShare: number;
  sectionBoost: number;
  tagBoost: number;
  /** Days over which the time decay halves a score. */
  halfLifeDays: number;
  /** Similarity below which a candidate is noise, not a related story. */
  minScore: number;
  /** A match scoring below this share of the article's best match is dropped: a weak tail is not related. */
  floorShare: number;
  /** Distinctive terms a candidate must share with the article: one word in common is a coincidence. */
  minSharedTerms: number;
  /**
   * What a shared term must add to the similarity (both vectors have length 1)
   * to count as distinctive: a word both pieces use in passing adds next to nothing.
   */
  minTermContribution: number;
}

export const DEFAULT_RELATED: RelatedOptions = {
  max: 6,
  min: 3,
  termsPerDocument: 28,
  postingsPerTerm: 35,
  shortlist: 16,
  maxDocumentShare: 0.5,
  sectionBoost: 0.15,
  tagBoost: 0.05,
  halfLifeDays: 730,
  minScore: 0.03,
  floorShare: 0.2,
  minSharedTerms: 2,
  minTermContribution: 0.005,
};

export interface RelatedMatch {
  slug: string;
  score: number;
  /** "similar" when found by content; "section" when filled in from the article's own section (score 0). */
  reason: 'similar' | 'section';
}

/** A candidate left out, for `npm run related` to explain. */
export interface DroppedMatch {
  slug: string;
  /** The score it had, boosts included. */
  score: number;
  /** Distinctive terms it shares with the article. */
  sharedTerms: number;
  reason: 'below-floor' | 'too-few-shared-terms';
}

interface Vector {
  ids: Int32Array;
  weights: Float32Array;
}

const DAY = 86_400_000;

export class RelatedIndex {
  /**
   * What ranking needs of each document once the vectors are built. Their terms are let go:
   * kept, they were most of the heap the ranking holds for the whole build (measured on
   * 10,000 generated pieces: 68 MB at up to 128 terms a piece, text-terms.ts; 41 MB at the
   * former 48; the index and the rails alone, 14 MB).
   */
  readonly documents: readonly Pick<RelatedDocument, 'slug' | 'published'>[];
  readonly options: RelatedOptions;
  private readonly terms: readonly string[];
  private readonly vectors: Vector[] = [];
  private readonly postings: { doc: Int32Array; weight: Float32Array }[] = [];
  /** sourceWeight[term]: the weight of the term in the article being ranked, 0 for the others; reset after each. */
  private sourceWeight = new Float32Array(0);
  private readonly bySlug = new Map<string, number>();
  // Per-document facts as flat arrays: the ranking loop touches them millions of times.
  private readonly sectionOf: Int32Array;
  private readonly dayOf: Float64Array;
  /** Tags of document d: tagIds[tagStart[d] .. tagStart[d + 1]). */
  private readonly tagStart: Int32Array;
  private readonly tagIds: Int32Array;
  /** tagStamp[tag] === the current source's stamp when the source has that tag. */
  private readonly tagStamp: Int32Array;
  private stamp = 0;
  /** decayByDays[d]: the time decay for candidates d whole days apart (a table: Math.exp per candidate was a hot spot). */
  private readonly decayByDays: Float32Array;
  /** Each section's documents newest first, the order of the section fill; sorted on first need. */
  private sectionOrderCache: { order: Map<number, number[]>; position: Int32Array } | undefined;

  /** From documents, or from documents made compact with one vocabulary (as the ranking worker reads them). */
  constructor(source: readonly RelatedDocument[] | { vocabulary: TermVocabulary; documents: readonly CompactDocument[] }, options: Partial<RelatedOptions> = {}) {
    this.options = { ...DEFAULT_RELATED, ...options };
    const { vocabulary, documents } = 'vocabulary' in source ? source : compactAll(source);
    this.terms = vocabulary.terms;
    this.documents = documents.map(({ slug, published }) => ({ slug, published }));
    documents.forEach((doc, index) => this.bySlug.set(doc.slug, index));
    const sectionIds = new Map<string, number>();
    const tagIds = new Map<string, number>();
    const idOf = (map: Map<string, number>, key: string) => {
      let id = map.get(key);
      if (id === undefined) map.set(key, (id = map.size));
      return id;
    };
    this.sectionOf = Int32Array.from(documents, (doc) => idOf(sectionIds, doc.section));
    this.dayOf = Float64Array.from(documents, (doc) => doc.published.getTime() / DAY);
    this.tagStart = new Int32Array(documents.length + 1);
    documents.forEach((doc, index) => (this.tagStart[index + 1] = this.tagStart[index]! + doc.tags.length));
    this.tagIds = Int32Array.from(documents.flatMap((doc) => doc.tags.map((tag) => idOf(tagIds, tag))));
    this.tagStamp = new Int32Array(tagIds.size);
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (const day of this.dayOf) {
      firstDay = Math.min(firstDay, day);
      lastDay = Math.max(lastDay, day);
    }
    const span = documents.length > 0 ? Math.ceil(lastDay - firstDay) + 1 : 1;
    const decayRate = Math.LN2 / this.options.halfLifeDays;
    this.decayByDays = Float32Array.from({ length: span + 1 }, (_, days) => 0.5 + 0.5 * Math.exp(-days * decayRate));
    this.buildVectors(documents);
    this.buildPostings();
  }

  /** Indexes of the documents whose terms make the statistics (see buildVectors). */
  private statisticsDocuments(): number[] {
    const all = this.documents.map((_, index) => index);
    if (all.length === 0) return all;
    let newest = -Infinity;
    for (const day of this.dayOf) newest = Math.max(newest, day);
    const newestDate = new Date(newest * DAY);
    const monthStart = Date.UTC(newestDate.getUTCFullYear(), newestDate.getUTCMonth(), 1) / DAY;
    const before = all.filter((index) => this.dayOf[index]! < monthStart);
    return before.length * 2 >= all.length ? before : all;
  }

  private buildVectors(documents: readonly CompactDocument[]) {
    // Plain loops throughout: TypedArray.from with a mapping function was most of the cost here (profiled).
    // Term statistics come from the pieces published before the newest piece's month: a
    // publish then changes no term's weight, and only the rails its own piece enters change
    // (counting every piece, one publish reordered 35 to 75 rails of a 10,000-piece archive by
    // nudging near-ties). The statistics move once a month. A young archive, with less than
    // half its pieces before this month, counts them all.
    const counted = this.statisticsDocuments();
    const documentFrequency = new Int32Array(this.terms.length);
    const collectionFrequency = new Float64Array(this.terms.length);
    for (const index of counted) {
      const { termIds: ids, termCounts: counts } = documents[index]!;
      for (let k = 0; k < ids.length; k++) {
        documentFrequency[ids[k]!]!++;
        collectionFrequency[ids[k]!]! += counts[k]!;
      }
    }
    const total = counted.length;
    const maxDf = Math.max(2, Math.floor(total * this.options.maxDocumentShare));
    // The archive's size enters IDF rounded up to a power of two, so that it too moves rarely.
    const scale = 2 ** Math.ceil(Math.log2(total + 1));
    // Residual IDF (Church and Gale): the term's IDF less the IDF it would have if its
    // occurrences fell on pieces at random. A word any piece may use ("feature",
    // "policy", "hope") turns up once here and once there, as chance predicts: near
    // zero, however few pieces use it, so a small archive cannot mistake it for a topic.
    // A topic's words come in bursts (a piece on the Nile says "Nile" six times): high.
    const residualIdf = (df: number, cf: number) => Math.log(scale / df) + Math.log(-Math.expm1(-cf / scale));
    // Once per term, not per piece that uses it: a piece hands in some 90 terms.
    const specificityOf = new Float64Array(this.terms.length);
    for (let id = 0; id < specificityOf.length; id++) {
      const df = documentFrequency[id]!;
      if (df > 0 && !(df > maxDf && total >= 10)) specificityOf[id] = residualIdf(df, collectionFrequency[id]!);
    }
    const keep = this.options.termsPerDocument;
    for (const { termIds: ids, termCounts: counts } of documents) {
      const order: number[] = [];
      const weight = new Float64Array(ids.length);
      for (let k = 0; k < ids.length; k++) {
        const count = counts[k]!;
        // A term new this month counts as if this piece alone had it.
        const specificity = documentFrequency[ids[k]!] === 0 ? residualIdf(1, count) : specificityOf[ids[k]!]!;
        if (!(specificity > 0)) continue;
        weight[k] = (1 + Math.log(count)) * specificity;
        order.push(k);
      }
      // Ties by the term itself, not its id: ids follow the order documents arrive in, which a publish changes.
      order.sort((x, y) => weight[y]! - weight[x]! || (this.terms[ids[x]!]! < this.terms[ids[y]!]! ? -1 : this.terms[ids[x]!]! > this.terms[ids[y]!]! ? 1 : 0));
      const kept = order.slice(0, keep);
      let norm = 0;
      for (const k of kept) norm += weight[k]! * weight[k]!;
      norm = Math.sqrt(norm) || 1;
      const vector = { ids: new Int32Array(kept.length), weights: new Float32Array(kept.length) };
      for (let i = 0; i < kept.length; i++) {
        vector.ids[i] = ids[kept[i]!]!;
        vector.weights[i] = weight[kept[i]!]! / norm;
      }
      this.vectors.push(vector);
    }
  }

  /** Per term, its strongest documents: flat arrays filled by counting, long lists cut to `postingsPerTerm`. */
  private buildPostings() {
    const termCount = this.terms.length;
    const counts = new Int32Array(termCount + 1);
    for (const vector of this.vectors) for (let k = 0; k < vector.ids.length; k++) counts[vector.ids[k]! + 1]!++;
    for (let id = 0; id < termCount; id++) counts[id + 1]! += counts[id]!;
    const docs = new Int32Array(counts[termCount]!);
    const weights = new Float32Array(counts[termCount]!);
    const fill = counts.slice(0, termCount);
    this.vectors.forEach((vector, doc) => {
      for (let k = 0; k < vector.ids.length; k++) {
        const slot = fill[vector.ids[k]!]!++;
        docs[slot] = doc;
        weights[slot] = vector.weights[k]!;
      }
    });
    const limit = this.options.postingsPerTerm;
    this.sourceWeight = new Float32Array(termCount);
    for (let id = 0; id < termCount; id++) {
      const start = counts[id]!;
      const end = counts[id + 1]!;
      if (end - start <= limit) {
        this.postings[id] = { doc: docs.subarray(start, end), weight: weights.subarray(start, end) };
        continue;
      }
      const slots: number[] = [];
      for (let slot = start; slot < end; slot++) slots.push(slot);
      slots.sort((x, y) => weights[y]! - weights[x]! || docs[x]! - docs[y]!);
      const posting = { doc: new Int32Array(limit), weight: new Float32Array(limit) };
      for (let i = 0; i < limit; i++) {
        posting.doc[i] = docs[slots[i]!]!;
        posting.weight[i] = weights[slots[i]!]!;
      }
      this.postings[id] = posting;
    }
  }

  /** Related stories of every document, by slug; `ranked` is told after each. */
  all(ranked?: (count: number) => void): Map<string, RelatedMatch[]> {
    const scratch = this.scratch();
    const result = new Map<string, RelatedMatch[]>();
    this.documents.forEach((doc, index) => {
      result.set(doc.slug, this.rank(index, scratch));
      ranked?.(index + 1);
    });
    return result;
  }

  /** Related stories of one document. */
  for(slug: string): RelatedMatch[] {
    return this.rank(this.indexOf(slug), this.scratch());
  }

  /**
   * Related stories of one document and the candidates the rules left out:
   * those below the floor, and those that would have been shown but share too
   * few distinctive terms (for `npm run related`). The matches are the ones for() gives.
   */
  explainRanking(slug: string): { matches: RelatedMatch[]; dropped: DroppedMatch[] } {
    const dropped: DroppedMatch[] = [];
    const matches = this.rank(this.indexOf(slug), this.scratch(), dropped);
    const lowestShown = matches.filter((match) => match.reason === 'similar').at(-1)?.score ?? 0;
    // Of the candidates with too few shared terms, those a ranking without the rule would have shown.
    const wouldShow = dropped
      .filter((entry) => entry.reason === 'too-few-shared-terms')
      .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
      .slice(0, this.options.max)
      .filter((entry) => entry.score >= lowestShown || matches.length < this.options.max);
    return { matches, dropped: [...dropped.filter((entry) => entry.reason === 'below-floor').reverse(), ...wouldShow] };
  }

  /** The terms two documents share, with what each adds to their similarity, strongest first. */
  explain(slug: string, otherSlug: string): { term: string; contribution: number }[] {
    const a = this.vectors[this.bySlug.get(slug)!];
    const b = this.vectors[this.bySlug.get(otherSlug)!];
    if (!a || !b) return [];
    const weightsOfB = new Map<number, number>();
    b.ids.forEach((id, k) => weightsOfB.set(id, b.weights[k]!));
    const shared: { term: string; contribution: number }[] = [];
    a.ids.forEach((id, k) => {
      const other = weightsOfB.get(id);
      if (other !== undefined) shared.push({ term: this.terms[id]!, contribution: a.weights[k]! * other });
    });
    return shared.sort((x, y) => y.contribution - x.contribution || (x.term < y.term ? -1 : 1));
  }

  private indexOf(slug: string): number {
    const index = this.bySlug.get(slug);
    if (index === undefined) throw new Error(`no article "${slug}" among the published ones`);
    return index;
  }

  /** Per-candidate accumulators, zero between uses. */
  private scratch(): Scratch {
    return { scores: new Float64Array(this.documents.length) };
  }

  private rank(index: number, { scores }: Scratch, dropped?: DroppedMatch[]): RelatedMatch[] {
    const { documents, options, sourceWeight } = this;
    const vector = this.vectors[index]!;
    // First scores: each candidate's sum over the postings it is in. A posting cut to its
    // strongest documents leaves a candidate without that term's share, so the shortlist is
    // scored again below on the whole vectors.
    const touched: number[] = [];
    for (let k = 0; k < vector.ids.length; k++) {
      const id = vector.ids[k]!;
      const posting = this.postings[id]!;
      const weight = vector.weights[k]!;
      sourceWeight[id] = weight;
      for (let p = 0; p < posting.doc.length; p++) {
        const other = posting.doc[p]!;
        if (other === index) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * posting.weight[p]!;
      }
    }
    const sourceSection = this.sectionOf[index]!;
    const sourceDay = this.dayOf[index]!;
    const { tagStart, tagIds, tagStamp } = this;
    const stamp = ++this.stamp;
    for (let i = tagStart[index]!; i < tagStart[index + 1]!; i++) tagStamp[tagIds[i]!] = stamp;
    const sourceTagCount = tagStart[index + 1]! - tagStart[index]!;
    const { decayByDays } = this;
    // The most any boost can multiply a score by: candidates that cannot reach
    // the current shortlist even with it are skipped without computing their boosts.
    const maxMultiplier = (1 + options.sectionBoost) * (1 + options.tagBoost * sourceTagCount);
    // The shortlist by insertion into a short sorted list: sorting every candidate of
    // every article cost 13 s at 10,000 articles (profiled).
    const shortlist: Candidate[] = [];
    const better = (a: Candidate, b: Candidate) => a.score > b.score || (a.score === b.score && compareNewestFirst(documents[a.doc]!, documents[b.doc]!) < 0);
    const size = options.shortlist;
    for (let t = 0; t < touched.length; t++) {
      const other = touched[t]!;
      const firstScore = scores[other]!;
      scores[other] = 0;
      const bar = shortlist.length === size ? shortlist[size - 1]!.score : options.minScore;
      if (firstScore * maxMultiplier < bar) continue;
      let sharedTags = 0;
      for (let i = tagStart[other]!; i < tagStart[other + 1]!; i++) if (tagStamp[tagIds[i]!] === stamp) sharedTags++;
      const multiplier =
        (this.sectionOf[other] === sourceSection ? 1 + options.sectionBoost : 1) *
        (1 + options.tagBoost * sharedTags) *
        decayByDays[Math.round(Math.abs(this.dayOf[other]! - sourceDay))]!;
      const score = firstScore * multiplier;
      if (score < options.minScore || (shortlist.length === size && score < shortlist[size - 1]!.score)) continue;
      const entry = { doc: other, score, multiplier, shared: 0 };
      if (shortlist.length === size && !better(entry, shortlist[size - 1]!)) continue;
      let position = shortlist.length;
      while (position > 0 && better(entry, shortlist[position - 1]!)) position--;
      shortlist.splice(position, 0, entry);
      if (shortlist.length > size) shortlist.pop();
    }
    // The shortlist on the whole vectors: the source's weights are in sourceWeight, each
    // candidate's terms are looked up there. A publish that pushes a piece out of a posting
    // then leaves its score, and the rails it stands in, as they were (one publish reordered
    // 61 of 1,000 rails by the first scores; tests/lib/related.test.ts).
    const best: Candidate[] = [];
    for (const candidate of shortlist) {
      const { ids, weights } = this.vectors[candidate.doc]!;
      let similarity = 0;
      for (let k = 0; k < ids.length; k++) {
        const contribution = sourceWeight[ids[k]!]! * weights[k]!;
        similarity += contribution;
        if (contribution >= options.minTermContribution) candidate.shared++;
      }
      candidate.score = similarity * candidate.multiplier;
      if (candidate.score < options.minScore) continue;
      if (candidate.shared >= options.minSharedTerms) best.push(candidate);
      else dropped?.push({ slug: documents[candidate.doc]!.slug, score: round(candidate.score), sharedTerms: candidate.shared, reason: 'too-few-shared-terms' });
    }
    for (let k = 0; k < vector.ids.length; k++) sourceWeight[vector.ids[k]!] = 0;
    best.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    best.length = Math.min(best.length, options.max);
    const floor = best.length > 0 ? best[0]!.score * options.floorShare : 0;
    while (best.length > 0 && best[best.length - 1]!.score < floor) {
      const { doc, score, shared } = best.pop()!;
      dropped?.push({ slug: documents[doc]!.slug, score: round(score), sharedTerms: shared, reason: 'below-floor' });
    }
    const matches: RelatedMatch[] = best.map(({ doc, score }) => ({ slug: documents[doc]!.slug, score: round(score), reason: 'similar' as const }));
    if (matches.length < options.min) this.fillFromSection(index, matches);
    return matches;
  }

  /**
   * Tops up thin results from the article's own section: its latest pieces as
   * of the article (those published just before it, newest first), then, for
   * one of the section's first pieces, those just after it. Not the section's
   * latest today: then every thin article of a section would change with each
   * publish there, and a publish must rewrite a few pages, not hundreds.
   */
  private fillFromSection(index: number, matches: RelatedMatch[]) {
    this.sectionOrderCache ??= this.sectionOrders();
    const { order, position } = this.sectionOrderCache;
    const pieces = order.get(this.sectionOf[index]!)!;
    const at = position[index]!;
    const chosen = new Set(matches.map((match) => match.slug));
    const add = (doc: number) => {
      const { slug } = this.documents[doc]!;
      if (chosen.has(slug)) return;
      matches.push({ slug, score: 0, reason: 'section' });
      chosen.add(slug);
    };
    for (let older = at + 1; older < pieces.length && matches.length < this.options.min; older++) add(pieces[older]!);
    for (let newer = at - 1; newer >= 0 && matches.length < this.options.min; newer--) add(pieces[newer]!);
  }

  /** Each section's documents, newest first (ties by slug), and each document's place among them. */
  private sectionOrders() {
    const order = new Map<number, number[]>();
    const newestFirst = this.documents.map((_, i) => i).sort((a, b) => compareNewestFirst(this.documents[a]!, this.documents[b]!));
    const position = new Int32Array(this.documents.length);
    for (const doc of newestFirst) {
      let pieces = order.get(this.sectionOf[doc]!);
      if (!pieces) order.set(this.sectionOf[doc]!, (pieces = []));
      position[doc] = pieces.length;
      pieces.push(doc);
    }
    return { order, position };
  }
}

function compactAll(documents: readonly RelatedDocument[]): { vocabulary: TermVocabulary; documents: CompactDocument[] } {
  const vocabulary = new TermVocabulary();
  return { vocabulary, documents: documents.map((document) => vocabulary.compact(document)) };
}

/** A candidate for the rails: its score, boosts included, and what it is made of. */
interface Candidate {
  doc: number;
  score: number;
  /** Section, tags and time, as one factor. */
  multiplier: number;
  /** Distinctive terms it shares with the article, counted on the whole vectors. */
  shared: number;
}

interface Scratch {
  /** Each candidate's first score, from the postings. */
  scores: Float64Array;
}

const round = (score: number) => Math.round(score * 10_000) / 10_000;

