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
  /** Fewest teasers when the site has enough articles; the section's, then the site's latest fill the gap. */
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
  termsPerDocument: 30,
  postingsPerTerm: 120,
  maxDocumentShare: 0.5,
  sectionBoost: 0.15,
  tagBoost: 0.1,
  halfLifeDays: 730,
  minScore: 0.05,
};

export interface RelatedMatch {
  slug: string;
  score: number;
  /** "similar" when found by content, "fallback" when filled in from the latest. */
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
  /** Document indexes, newest first, ties by slug: the order of fallbacks and ties. */
  private readonly newestFirst: number[];

  constructor(documents: readonly RelatedDocument[], options: Partial<RelatedOptions> = {}) {
    this.options = { ...DEFAULT_RELATED, ...options };
    this.documents = documents;
    documents.forEach((doc, index) => this.bySlug.set(doc.slug, index));
    this.newestFirst = documents
      .map((_, index) => index)
      .sort((a, b) => compareNewest(documents[a]!, documents[b]!));
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

  private buildVectors() {
    const { documents } = this;
    const documentFrequency: number[] = [];
    const termIds = documents.map((doc) =>
      doc.terms.map(([term]) => {
        const id = this.termId(term);
        documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
        return id;
      }),
    );
    const total = documents.length;
    const maxDf = Math.max(2, Math.floor(total * this.options.maxDocumentShare));
    documents.forEach((doc, index) => {
      const weighted: [number, number][] = [];
      doc.terms.forEach(([, count], position) => {
        const id = termIds[index]![position]!;
        const df = documentFrequency[id]!;
        if (df > maxDf && total >= 10) return;
        const idf = Math.log((total + 1) / df);
        if (idf <= 0) return;
        weighted.push([id, (1 + Math.log(count)) * idf]);
      });
      weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const kept = weighted.slice(0, this.options.termsPerDocument);
      const norm = Math.sqrt(kept.reduce((sum, [, weight]) => sum + weight * weight, 0)) || 1;
      this.vectors.push({
        ids: Int32Array.from(kept.map(([id]) => id)),
        weights: Float32Array.from(kept.map(([, weight]) => weight / norm)),
      });
    });
  }

  private buildPostings() {
    const lists: { doc: number; weight: number }[][] = [];
    this.vectors.forEach((vector, doc) => {
      vector.ids.forEach((id, k) => (lists[id] ??= []).push({ doc, weight: vector.weights[k]! }));
    });
    for (let id = 0; id < this.terms.length; id++) {
      const list = (lists[id] ?? []).sort((a, b) => b.weight - a.weight || a.doc - b.doc).slice(0, this.options.postingsPerTerm);
      this.postings[id] = { doc: Int32Array.from(list.map((p) => p.doc)), weight: Float32Array.from(list.map((p) => p.weight)) };
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
    const sourceTags = new Set(source.tags);
    const candidates: { doc: number; score: number }[] = [];
    for (const other of touched) {
      const candidate = documents[other]!;
      let score = scores[other]!;
      scores[other] = 0;
      if (candidate.section === source.section) score *= 1 + options.sectionBoost;
      let sharedTags = 0;
      for (const tag of candidate.tags) if (sourceTags.has(tag)) sharedTags++;
      score *= 1 + options.tagBoost * sharedTags;
      const days = Math.abs(candidate.published.getTime() - source.published.getTime()) / DAY;
      score *= 0.5 + 0.5 * Math.pow(0.5, days / options.halfLifeDays);
      candidates.push({ doc: other, score });
    }
    candidates.sort((a, b) => b.score - a.score || compareNewest(documents[a.doc]!, documents[b.doc]!));
    while (candidates.length > 0 && candidates[candidates.length - 1]!.score < options.minScore) candidates.pop();
    const matches: RelatedMatch[] = candidates
      .slice(0, options.max)
      .map(({ doc, score }) => ({ slug: documents[doc]!.slug, score: Math.round(score * 10_000) / 10_000, reason: 'similar' as const }));
    if (matches.length < options.min) this.fill(index, matches);
    return matches;
  }

  /** Tops up thin results with the section's latest, then the site's latest. */
  private fill(index: number, matches: RelatedMatch[]) {
    const source = this.documents[index]!;
    const chosen = new Set([source.slug, ...matches.map((match) => match.slug)]);
    for (const sameSectionOnly of [true, false]) {
      for (const other of this.newestFirst) {
        if (matches.length >= this.options.min) return;
        const candidate = this.documents[other]!;
        if (chosen.has(candidate.slug) || (sameSectionOnly && candidate.section !== source.section)) continue;
        matches.push({ slug: candidate.slug, score: 0, reason: 'fallback' });
        chosen.add(candidate.slug);
      }
    }
  }
}

function compareNewest(a: RelatedDocument, b: RelatedDocument): number {
  return b.published.getTime() - a.published.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
