import { type Coverage, coverage } from "../decline/coverage";
import {
  CLASSIFIER_WEIGHT,
  DENSE_WEIGHT,
  DIVERSITY_POOL,
  FIELD_BOOST,
  FULL_TEXT_WEIGHT,
  POSITION_REACH,
  POSITION_WEIGHT,
  TOP_VIEWS,
} from "../settings";
import { analyze } from "../store/analyzer";
import { embed } from "../store/dense";
import { cosine, type TextEncoder } from "../store/encoder";
import { createPassageStore, type PassageEntry } from "../store/passage-store";
import type { PassageDb } from "../store/schema";
import { createVocabulary } from "../store/vocabulary";
import type { WordVectors } from "../store/word-vectors";
import { contentWords } from "../store/words";
import type { RetrievedPassage } from "../types";
import { fullTextScores } from "./full-text";
import { RETRIEVAL_MODES, type RetrievalMode } from "./modes";
import type { PassageClassifier } from "./passage-classifier";
import { namedPassages, positionReferences } from "./position";
import { scoreViews } from "./semantic";

export { RETRIEVAL_MODES, type RetrievalMode };

/**
 * Overrides of the ranking settings (settings.ts), for the evaluation's single-signal modes and for
 * experiments; the product uses the settings as they are.
 */
export interface RetrieverOptions {
  fullTextWeight?: number;
  boost?: { text?: number; section?: number; keywords?: number };
  topViews?: number;
  denseWeight?: number;
  /** Learned from the written questions (passage-classifier.ts); without it the ranking has three signals. */
  classifier?: PassageClassifier | null;
  classifierWeight?: number;
  /** Orders passages only: the decline rule reads the match scores, which it leaves alone. */
  positionWeight?: number;
  positionReach?: number;
  /**
   * The learned retriever of the "article" knowledge setting (store/encoder.ts); without it the match score has
   * its three signals. Passages the index stores no vectors for are embedded when stored.
   */
  encoder?: TextEncoder | null;
  /** The encoder's cosine's share of the match score (settings.ts, ARTICLE_ENCODER_WEIGHT); 0 without one. */
  encoderWeight?: number;
  /** Leaves out paragraphs that only announce a section (store/signposts.ts). */
  skipSignposts?: boolean;
  /**
   * Maximal marginal relevance over the best passages: each next passage scores `1 - diversity` of its score,
   * less `diversity` × its closest cosine to those already chosen (their texts' averaged word vectors), so two
   * near-copies take one of the three places. 0 keeps the ranking as scored.
   */
  diversity?: number;
}

export const DEFAULT_RETRIEVER_OPTIONS = {
  fullTextWeight: FULL_TEXT_WEIGHT,
  denseWeight: DENSE_WEIGHT,
  boost: FIELD_BOOST,
  topViews: TOP_VIEWS,
  classifierWeight: CLASSIFIER_WEIGHT,
  positionWeight: POSITION_WEIGHT,
  positionReach: POSITION_REACH,
} as const;

/** The fields full-text search reads, each with its boost (FIELD_BOOST). */
const SEARCHED = ["text", "section", "keywords"] as const;

/**
 * The mean of a passage's `best.length` best view scores (all of them when it has fewer). Several questions
 * written for a passage agreeing with the question is stronger evidence than one that happens to share its
 * words: the maximum alone let a single loose match outrank the right passage (docs/retrieval.md).
 * The passage's views are `scores[first .. first + views)`; `best` is scratch space, reused across passages.
 */
function meanOfBest(scores: Float64Array, first: number, views: number, best: Float64Array): number {
  best.fill(0);
  const last = best.length - 1;
  for (let v = first; v < first + views; v++) {
    let value = scores[v] as number;
    // Most views score under the fifth best so far: one comparison rejects them.
    if (value <= (best[last] as number)) continue;
    // Insertion into the descending list of the best scores so far.
    for (let i = 0; i < best.length && value > 0; i++) {
      if (value > (best[i] as number)) {
        const displaced = best[i] as number;
        best[i] = value;
        value = displaced;
      }
    }
  }
  let sum = 0;
  for (const value of best) sum += value;
  return sum / Math.min(best.length, views);
}

/** What the question looks like to each signal, computed once per question over every view. */
interface Signals {
  bm25: Map<string, number>;
  maxBm25: number;
  /** Soft-matching score of each view (semantic.ts), in view-store order. */
  scores: Float64Array;
  /** Cosine of each view's averaged vector with the question's (dense.ts), in view-store order. */
  cosines: Float64Array;
  /** The classifier's probability per class, or null without a classifier or in a mode that ignores it. */
  learned: Float64Array | number[] | null;
  /** The encoder's vector of the question, or null without an encoder or in a mode that ignores it. */
  encoded: Float32Array | null;
}

type Ranked = Omit<RetrievedPassage, "written"> & { id: string };

interface FusionContext {
  mode: RetrievalMode;
  settings: { fullTextWeight: number; denseWeight: number; classifierWeight: number; encoderWeight: number };
  /** Each passage's class in the classifier, by passage id. */
  classOf: ReadonlyMap<string, number>;
  /** Scratch space for meanOfBest, reused across passages. */
  best: Float64Array;
}

/** One passage's fused score from the signals, or null when nothing matched it. */
function fuse(id: string, entry: PassageEntry, signals: Signals, context: FusionContext): Ranked | null {
  const { mode, best, classOf } = context;
  const { fullTextWeight, denseWeight, classifierWeight, encoderWeight } = context.settings;
  const weights = {
    fullText: mode === "hybrid" ? fullTextWeight * (1 - denseWeight) : mode === "full-text" ? 1 : 0,
    semantic: mode === "hybrid" ? (1 - fullTextWeight) * (1 - denseWeight) : mode === "semantic" ? 1 : 0,
    dense: mode === "hybrid" ? denseWeight : mode === "dense" ? 1 : 0,
    encoder: mode === "hybrid" ? encoderWeight : mode === "encoder" ? 1 : 0,
  };
  const fullTextScore = signals.bm25.get(id) ?? 0;
  const semanticScore = meanOfBest(signals.scores, entry.first, entry.views.length, best);
  const denseScore = meanOfBest(signals.cosines, entry.first, entry.views.length, best);
  const normalised = signals.maxBm25 > 0 ? fullTextScore / signals.maxBm25 : 0;
  // A passage scores its closest encoder vector: itself whole, or one of its sentences.
  let encoderScore = 0;
  for (const vector of (signals.encoded && entry.encoded) || [])
    encoderScore = Math.max(encoderScore, cosine(signals.encoded as Float32Array, vector));
  const matchScore =
    (1 - weights.encoder) *
      (weights.fullText * normalised + weights.semantic * semanticScore + weights.dense * denseScore) +
    weights.encoder * encoderScore;
  const classIndex = classOf.get(id);
  const classified = signals.learned !== null && classIndex !== undefined;
  const classifierScore = classified ? (signals.learned?.[classIndex] as number) : 0;
  const score =
    mode === "classifier"
      ? classifierScore
      : classified
        ? (1 - classifierWeight) * matchScore + classifierWeight * classifierScore
        : matchScore;
  if (score <= 0) return null;
  return {
    id,
    passage: entry.passage,
    score,
    matchScore,
    classifierScore,
    classified,
    namedPosition: null,
    fullTextScore,
    semanticScore,
    denseScore,
    encoderScore,
  };
}

/** The greedy choice of maximal marginal relevance among the best passages (RetrieverOptions.diversity). */
function diversify(
  ranked: Ranked[],
  limit: number,
  diversity: number,
  textVector: (id: string) => Float32Array | undefined,
): Ranked[] {
  const pool = ranked.slice(0, Math.max(limit, DIVERSITY_POOL));
  const chosen: Ranked[] = [];
  while (chosen.length < limit && pool.length > 0) {
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    pool.forEach((hit, i) => {
      const own = textVector(hit.id);
      let closest = 0;
      for (const other of chosen) {
        const theirs = textVector(other.id);
        if (own && theirs) closest = Math.max(closest, cosine(own, theirs));
      }
      const value = (1 - diversity) * hit.score - diversity * closest;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    chosen.push(...pool.splice(best, 1));
  }
  return chosen;
}

/** The options with the shipped defaults filled in; the encoder's weight counts only when there is an encoder. */
function resolveSettings(options: RetrieverOptions) {
  return {
    fullTextWeight: options.fullTextWeight ?? DEFAULT_RETRIEVER_OPTIONS.fullTextWeight,
    boost: { ...DEFAULT_RETRIEVER_OPTIONS.boost, ...options.boost },
    topViews: Math.max(1, options.topViews ?? DEFAULT_RETRIEVER_OPTIONS.topViews),
    denseWeight: options.denseWeight ?? DEFAULT_RETRIEVER_OPTIONS.denseWeight,
    classifierWeight: options.classifierWeight ?? DEFAULT_RETRIEVER_OPTIONS.classifierWeight,
    positionWeight: options.positionWeight ?? DEFAULT_RETRIEVER_OPTIONS.positionWeight,
    positionReach: options.positionReach ?? DEFAULT_RETRIEVER_OPTIONS.positionReach,
    encoderWeight: options.encoder ? (options.encoderWeight ?? 0) : 0,
    diversity: options.diversity ?? 0,
  };
}

/**
 * Hybrid retrieval over an Orama index: BM25 full-text search fused with soft word-vector matching, the
 * cosine of averaged word vectors and, when given, a passage classifier; a named place ("the third reason")
 * lifts the passage standing there.
 */
export async function createRetriever(db: PassageDb, vectors: WordVectors, options: RetrieverOptions = {}) {
  const settings = resolveSettings(options);
  const encoder = options.encoder ?? null;
  const classifier = options.classifier ?? null;
  const classOf = new Map(classifier?.classes.map((id, c) => [id, c]));
  const vocabulary = createVocabulary(vectors);
  const store = await createPassageStore(db, vectors, vocabulary, encoder);
  // The question's averaged word vector, reused from question to question.
  const questionEmbedding = new Float32Array(vectors.dimensions);

  /** Scores every view for the question; valid until the view store next changes. */
  async function signalsFor(question: string, words: string[], mode: RetrievalMode): Promise<Signals> {
    // The encoder runs first: the view store's scores below stay valid only until this function next awaits.
    const encoded =
      encoder && (mode === "hybrid" || mode === "encoder")
        ? ((await encoder.embed([question], "query"))[0] ?? null)
        : null;
    const bm25 = fullTextScores(db, question, SEARCHED, settings.boost);
    const views = store.views();
    const scores = scoreViews(vectors, vocabulary, views, words);
    embed(vectors, words, questionEmbedding);
    const cosines = views.cosines(questionEmbedding);
    const learned =
      classifier && (mode === "hybrid" || mode === "classifier")
        ? classifier.probabilities({
            stems: words.flatMap((word) => analyze(word)),
            embedding: questionEmbedding,
          })
        : null;
    return { bm25, maxBm25: Math.max(0, ...bm25.values()), scores, cosines, learned, encoded };
  }

  /** Lifts the passages standing where the question points, within the runs of the best-scoring ones. */
  function liftNamedPlaces(question: string, ranked: Ranked[]): void {
    const references = positionReferences(question);
    if (references.length === 0) return;
    const places = store.runPlaces();
    const scores = new Map(ranked.map((hit) => [hit.id, hit.score]));
    const named = namedPassages(references, scores, places, settings.positionReach);
    for (const hit of ranked) {
      if (!named.has(hit.id)) continue;
      hit.namedPosition = places.get(hit.id) ?? null;
      hit.score = Math.min(1, hit.score + settings.positionWeight);
    }
  }

  async function retrieve(
    question: string,
    limit = 3,
    mode: RetrievalMode = "hybrid",
  ): Promise<RetrievedPassage[]> {
    const words = contentWords(question);
    const signals = await signalsFor(question, words, mode);
    const best = new Float64Array(settings.topViews);
    const ranked: Ranked[] = [];
    const skipped = options.skipSignposts ? store.signposts() : null;
    for (const [id, entry] of store.entries) {
      if (skipped?.has(id)) continue;
      const hit = fuse(id, entry, signals, { mode, settings, classOf, best });
      if (hit) ranked.push(hit);
    }
    if (mode === "hybrid") liftNamedPlaces(question, ranked);
    ranked.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
    const chosen =
      mode === "hybrid" && settings.diversity > 0
        ? diversify(ranked, limit, settings.diversity, (id) =>
            store.entries.get(id)?.embeddings.subarray(0, vectors.dimensions),
          )
        : ranked.slice(0, limit);
    return chosen.map(({ id, ...hit }) => {
      const entry = store.entries.get(id);
      const first = entry?.first ?? 0;
      // The written questions' own scores: the extractive answer reads which sentence each was written for
      // (null after the passage was edited: they were written for the passage, no longer for one sentence).
      const written = (entry?.questions ?? []).map(({ evidence }, i) => ({
        evidence,
        score: signals.scores[first + i + 1] ?? 0,
      }));
      return { ...hit, written };
    });
  }

  return {
    retrieve,
    coverage: (question: string, passageIds: readonly string[]): Coverage =>
      coverage(store, vectors, vocabulary, question, passageIds),
    editPassage: store.editPassage,
    restorePassage: store.restorePassage,
    removeDocument: store.removeDocument,
    addDocument: store.addDocument,
    size: store.size,
    passages: store.passages,
  };
}

export type Retriever = Awaited<ReturnType<typeof createRetriever>>;
