/**
 * Related stories, computed at build time. Each article is a sparse TF-IDF
 * vector over its weighted terms (title, dek, tags, body; see text-terms.ts);
 * candidates come from an inverted index whose postings keep only each term's
 * strongest documents, so the cost grows with N, not N² (all pairs took ~700 s
 * at 50,000 articles; DESIGN.md). Scores get a boost for a shared section and
 * shared tags and a gentle decay with the distance in time.
 */

export interface RelatedDocument {
  slug: string;
  section: string;
  tags: readonly string[];
  published: Date;
  /** Weighted terms, from articleTerms(). */
  terms: readonly (readonly [string, number])[];
}

export interface RelatedOptions {
  /** Most teasers per article. */
  max: number;
  /**
   * Fewest teasers when the site has enough articles; the section's pieces
   * nearest in time, then the site's, fill the gap.
   */
  min: number;
  /** Terms per article that take part in matching. */
  termsPerDocument: number;
  /** Strongest documents kept per term. */
  postingsPerTerm: number;
  /** Terms found in more than this share of documents carry no signal. */
  maxDocumentShare: number;
  sectionBoost: number;
  tagBoost: number;
  /** Days over which the time decay halves a score. */
  halfLifeDays: number;
  /** Similarity below which a candidate is noise, not a related story. */
  minScore: number;
}

export const DEFAULT_RELATED: RelatedOptions = {
  max: 6,
  min: 3,
  termsPerDocument: 24,
  postingsPerTerm: 30,
  maxDocumentShare: 0.5,
  sectionBoost: 0.15,
  tagBoost: 0.05,
  halfLifeDays: 730,
  minScore: 0.03,
};

export interface RelatedMatch {
  slug: string;
  score: number;
  /** "similar" when found by content, "fallback" when filled in with the pieces nearest in time. */
  reason: 'similar' | 'fallback';
}

interface Vector {
  ids: Int32Array;
  weights: Float32Array;
}

const DAY = 86_400_000;

export class RelatedIndex {
  readonly documents: readonly RelatedDocument[];
  private readonly options: RelatedOptions;
  private readonly vocabulary = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly vectors: Vector[] = [];
  private readonly postings: { doc: Int32Array; weight: Float32Array }[] = [];
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
  /** Document indexes, newest first, ties by slug: the order of fallbacks; sorted on first need. */
  private newestFirstCache: number[] | undefined;
  private positionCache: Map<number, number> | undefined;

  constructor(documents: readonly RelatedDocument[], options: Partial<RelatedOptions> = {}) {
    this.options = { ...DEFAULT_RELATED, ...options };
    this.documents = documents;
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
    this.buildVectors();
    this.buildPostings();
  }

  private termId(term: string): number {
    let id = this.vocabulary.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.vocabulary.set(term, id);
      this.terms.push(term);
    }
    return id;
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

  private buildVectors() {
    const { documents } = this;
    // Plain loops throughout: TypedArray.from with a mapping function was most of the cost here (profiled).
    const termIds = documents.map((doc) => {
      const ids = new Int32Array(doc.terms.length);
      for (let k = 0; k < ids.length; k++) ids[k] = this.termId(doc.terms[k]![0]);
      return ids;
    });
    // Term statistics come from the pieces published before the newest piece's month: a
    // publish then changes no term's weight, and only the rails its own piece enters change
    // (counting every piece, one publish reordered 35 to 75 rails of a 10,000-piece archive by
    // nudging near-ties). The statistics move once a month. A young archive, with less than
    // half its pieces before this month, counts them all.
    const counted = this.statisticsDocuments();
    const documentFrequency = new Int32Array(this.terms.length);
    for (const index of counted) {
      const ids = termIds[index]!;
      for (let k = 0; k < ids.length; k++) documentFrequency[ids[k]!]!++;
    }
    const total = counted.length;
    const maxDf = Math.max(2, Math.floor(total * this.options.maxDocumentShare));
    // The archive's size enters IDF rounded up to a power of two, so that it too moves rarely.
    const scale = 2 ** Math.ceil(Math.log2(total + 1));
    const keep = this.options.termsPerDocument;
    documents.forEach((doc, index) => {
      const ids = termIds[index]!;
      const order: number[] = [];
      const weight = new Float64Array(ids.length);
      for (let k = 0; k < ids.length; k++) {
        // A term new this month counts as if one piece had it: rare, so weighty.
        const df = Math.max(1, documentFrequency[ids[k]!]!);
        if (df > maxDf && total >= 10) continue;
        const idf = Math.log(scale / df);
        if (idf <= 0) continue;
        weight[k] = (1 + Math.log(doc.terms[k]![1])) * idf;
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
    });
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

  /** Related stories of every document, by slug. */
  all(): Map<string, RelatedMatch[]> {
    const scores = new Float64Array(this.documents.length);
    const result = new Map<string, RelatedMatch[]>();
    this.documents.forEach((doc, index) => result.set(doc.slug, this.rank(index, scores)));
    return result;
  }

  /** Related stories of one document. */
  for(slug: string): RelatedMatch[] {
    const index = this.bySlug.get(slug);
    if (index === undefined) throw new Error(`no article "${slug}" among the published ones`);
    return this.rank(index, new Float64Array(this.documents.length));
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

  private rank(index: number, scores: Float64Array): RelatedMatch[] {
    const { documents, options } = this;
    const source = documents[index]!;
    const vector = this.vectors[index]!;
    const touched: number[] = [];
    for (let k = 0; k < vector.ids.length; k++) {
      const posting = this.postings[vector.ids[k]!]!;
      const weight = vector.weights[k]!;
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
    // the current top k even with it are skipped without computing their boosts.
    const maxMultiplier = (1 + options.sectionBoost) * (1 + options.tagBoost * sourceTagCount);
    // Top-k by insertion into a short sorted list: sorting every candidate of
    // every article cost 13 s at 10,000 articles (profiled).
    const best: { doc: number; score: number }[] = [];
    const better = (a: { doc: number; score: number }, b: { doc: number; score: number }) =>
      a.score > b.score || (a.score === b.score && compareNewest(documents[a.doc]!, documents[b.doc]!) < 0);
    for (let t = 0; t < touched.length; t++) {
      const other = touched[t]!;
      let score = scores[other]!;
      scores[other] = 0;
      const bar = best.length === options.max ? best[best.length - 1]!.score : options.minScore;
      if (score * maxMultiplier < bar) continue;
      if (this.sectionOf[other] === sourceSection) score *= 1 + options.sectionBoost;
      let sharedTags = 0;
      for (let i = tagStart[other]!; i < tagStart[other + 1]!; i++) if (tagStamp[tagIds[i]!] === stamp) sharedTags++;
      score *= (1 + options.tagBoost * sharedTags) * decayByDays[Math.round(Math.abs(this.dayOf[other]! - sourceDay))]!;
      if (score < options.minScore) continue;
      const entry = { doc: other, score };
      if (best.length === options.max && !better(entry, best[best.length - 1]!)) continue;
      let position = best.length;
      while (position > 0 && better(entry, best[position - 1]!)) position--;
      best.splice(position, 0, entry);
      if (best.length > options.max) best.pop();
    }
    const matches: RelatedMatch[] = best.map(({ doc, score }) => ({
      slug: documents[doc]!.slug,
      score: Math.round(score * 10_000) / 10_000,
      reason: 'similar' as const,
    }));
    if (matches.length < options.min) this.fill(index, matches);
    return matches;
  }

  /**
   * Tops up thin results with the section's pieces nearest in time, then the
   * site's: the earlier neighbour first at equal distance. Never "the latest":
   * then every thin article would change with each publish, and a publish
   * must rewrite a few pages, not hundreds.
   */
  private fill(index: number, matches: RelatedMatch[]) {
    const source = this.documents[index]!;
    const chosen = new Set([source.slug, ...matches.map((match) => match.slug)]);
    this.newestFirstCache ??= this.documents.map((_, i) => i).sort((a, b) => compareNewest(this.documents[a]!, this.documents[b]!));
    this.positionCache ??= this.newestFirstCache.reduce((positions, doc, position) => positions.set(doc, position), new Map<number, number>());
    const order = this.newestFirstCache;
    const at = this.positionCache.get(index)!;
    for (const sameSectionOnly of [true, false]) {
      // Walk outwards from the article: `older` towards the archive's start, `newer` towards its end.
      let older = at + 1;
      let newer = at - 1;
      const eligible = (position: number) => {
        const candidate = this.documents[order[position]!]!;
        return !chosen.has(candidate.slug) && (!sameSectionOnly || candidate.section === source.section);
      };
      while (matches.length < this.options.min && (older < order.length || newer >= 0)) {
        while (older < order.length && !eligible(older)) older++;
        while (newer >= 0 && !eligible(newer)) newer--;
        if (older >= order.length && newer < 0) break;
        const olderGap = older < order.length ? source.published.getTime() - this.documents[order[older]!]!.published.getTime() : Infinity;
        const newerGap = newer >= 0 ? this.documents[order[newer]!]!.published.getTime() - source.published.getTime() : Infinity;
        const position = olderGap <= newerGap ? older++ : newer--;
        const candidate = this.documents[order[position]!]!;
        matches.push({ slug: candidate.slug, score: 0, reason: 'fallback' });
        chosen.add(candidate.slug);
      }
    }
  }
}

function compareNewest(a: RelatedDocument, b: RelatedDocument): number {
  return b.published.getTime() - a.published.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
