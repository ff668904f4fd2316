import { count, search } from "@orama/orama";
import type { Passage } from "../documents/types";
import { analyze } from "./analyzer";
import { addPassages, insertIndexDocument, removePassages } from "./build-index";
import { embed } from "./dense";
import { cosine, encoderTexts, storedVector, type TextEncoder } from "./encoder";
import { fullTextScores } from "./full-text";
import type { PassageClassifier } from "./passage-classifier";
import { namedPassages, positionReferences, type RunPosition, runPositions } from "./position";
import type { PassageDb } from "./schema";
import {
  contentWords,
  createVocabulary,
  isCloseToAny,
  scoreViews,
  type Vocabulary,
  type WordSet,
  wordSet,
} from "./semantic";
import { signposts } from "./signposts";
import { createViewStore } from "./view-store";
import type { WordVectors } from "./word-vectors";

/**
 * How `retrieve` ranks: "hybrid" (the product's) fuses the signals; each other mode ranks by one signal alone,
 * for the evaluation report ("classifier" finds nothing without a classifier).
 */
export const RETRIEVAL_MODES = ["hybrid", "full-text", "semantic", "dense", "classifier", "encoder"] as const;
export type RetrievalMode = (typeof RETRIEVAL_MODES)[number];

export interface RetrievedPassage {
  passage: Passage;
  /** The combined score the ranking used, in [0, 1]. */
  score: number;
  /**
   * The matching signals' score (BM25, soft matching, dense), in [0, 1]: what `score` is without the classifier,
   * and what the decline rule reads, since every passage has it (a user's documents have no class).
   */
  matchScore: number;
  /** The passage classifier's probability for this passage (0 without a classifier or a class), in [0, 1]. */
  classifierScore: number;
  /** Whether the classifier has a class for this passage (a user's documents have none) and took part. */
  classified: boolean;
  /**
   * The passage's place in its run (position.ts) when it stands where the question points ("the third
   * reason"), which added `positionWeight` to its score; null otherwise.
   */
  namedPosition: RunPosition | null;
  /** Orama's BM25 score (0 when no term matched). */
  fullTextScore: number;
  /** Soft word-vector similarity of the question to the passage and the questions written for it, in [0, 1]. */
  semanticScore: number;
  /** Cosine of the question's and the views' averaged word vectors (dense.ts), the mean of the best views. */
  denseScore: number;
  /** Cosine of the learned encoder's vectors of the question and the passage (encoder.ts); 0 without it. */
  encoderScore: number;
  /**
   * The passage's written questions whose evidence the index knows, each with its similarity to the question:
   * the extractive answer uses them to tell which sentence those questions were written for.
   */
  written: readonly { evidence: string; score: number }[];
}

export interface RetrieverOptions {
  /** Weight of the max-normalised BM25 score against the semantic score; chosen on the dev set (docs/). */
  fullTextWeight?: number;
  boost?: { text?: number; section?: number; keywords?: number };
  /** How many of a passage's best-matching views its semantic score averages; chosen on the dev set. */
  topViews?: number;
  /** Weight of the dense score against the other two together; chosen on the dev set (docs/). */
  denseWeight?: number;
  /** Learned from the written questions (passage-classifier.ts); without it the ranking has three signals. */
  classifier?: PassageClassifier | null;
  /**
   * Weight of the classifier's probability against the matching signals' score, for a passage it has a class
   * for (the others score their match alone); chosen on dev and held-out training paraphrases (docs/).
   */
  classifierWeight?: number;
  /**
   * Added to the score of a passage that stands where the question points ("the third reason", "the last
   * row"); chosen on dev and held-out training paraphrases (docs/). It orders passages; the decline rule reads
   * the match scores, which it leaves alone.
   */
  positionWeight?: number;
  /**
   * How many of the best-scoring passages pick the runs a named place counts in: "the last step" names the last
   * item of every list, and the question's words say which list. Chosen on dev and held-out paraphrases.
   */
  positionReach?: number;
  /**
   * The learned retriever (encoder.ts) of the "article" knowledge setting; without it the match score has its
   * three signals. Passages the index stores no embedding for are embedded when remembered.
   */
  encoder?: TextEncoder | null;
  /** Weight of the encoder's cosine against the other matching signals together (knowledge.ts). */
  encoderWeight?: number;
  /**
   * Leaves out paragraphs that only announce a section (signposts.ts), which outrank what they announce when
   * no written question says what each passage is about (the "article" knowledge setting).
   */
  skipSignposts?: boolean;
  /**
   * Maximal marginal relevance over the best passages: each next passage scores `1 - diversity` of its score,
   * less `diversity` × its closest cosine to those already chosen (averaged word vectors of their text). 0 keeps
   * the ranking as scored. Near-copies ("fine-tuning is like giving your friend extra training", twice) then take
   * one place of the three instead of two.
   */
  diversity?: number;
}

export const DEFAULT_RETRIEVER_OPTIONS = {
  fullTextWeight: 0.15,
  denseWeight: 0.4,
  boost: { text: 1, section: 1, keywords: 2 },
  topViews: 5,
  classifierWeight: 0.25,
  positionWeight: 0.2,
  positionReach: 6,
} as const;

interface IndexedDoc extends Passage {
  keywords: string;
  /** The encoder's vectors of the passage (encoderTexts), stored at build time (outside the schema). */
  embedding?: number[][];
  /** Outside the schema (build-index.ts); absent from documents a user adds. */
  evidence?: string[];
  targets?: number[];
}

/** A question written for a passage and the evidence it asks about (null when the index does not say). */
interface WrittenQuestion {
  question: string;
  evidence: string | null;
}

function writtenQuestions(doc: IndexedDoc): WrittenQuestion[] {
  const lines = doc.keywords ? doc.keywords.split("\n") : [];
  return lines.flatMap((question, i) =>
    question.trim() ? [{ question, evidence: doc.evidence?.[doc.targets?.[i] ?? -1] ?? null }] : [],
  );
}

/** The fields full-text search reads, each with its boost (DEFAULT_RETRIEVER_OPTIONS). */
const SEARCHED = ["text", "section", "keywords"] as const;

/** How many of the best passages maximal marginal relevance chooses among (RetrieverOptions.diversity). */
const DIVERSITY_POOL = 12;

/** A stem in at least this share of passages is the collection's topic, not what a question is about. */
export const TOPICAL_SHARE = 0.15;
/** Cosine from which two words count as the same idea for coverage ("film" and "movie"). */
export const CLOSE_WORD = 0.6;

/** How much of a question's specific words some passages cover, and the words they leave uncovered. */
export interface Coverage {
  share: number;
  /** The question's specific words with no close word in those passages, in the question's order. */
  uncovered: string[];
}

/** A passage's views: its section with its text, then each question written for it, in order. */
function viewsOf(
  doc: IndexedDoc,
  questions: readonly WrittenQuestion[],
  vocabulary: Vocabulary,
): Int32Array[] {
  return [
    vocabulary.encode(contentWords(`${doc.section} ${doc.text}`)),
    ...questions.map(({ question }) => vocabulary.encode(contentWords(question))),
  ];
}

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

function toPassage(doc: IndexedDoc): Passage {
  const { id, documentId, documentTitle, section, kind, text } = doc;
  return { id, documentId, documentTitle, section, kind, text };
}

/** Hybrid retrieval over an Orama index: BM25 full-text search fused with soft word-vector matching. */
export async function createRetriever(db: PassageDb, vectors: WordVectors, options: RetrieverOptions = {}) {
  const fullTextWeight = options.fullTextWeight ?? DEFAULT_RETRIEVER_OPTIONS.fullTextWeight;
  const boost = { ...DEFAULT_RETRIEVER_OPTIONS.boost, ...options.boost };
  const topViews = Math.max(1, options.topViews ?? DEFAULT_RETRIEVER_OPTIONS.topViews);
  const denseWeight = options.denseWeight ?? DEFAULT_RETRIEVER_OPTIONS.denseWeight;
  const classifier = options.classifier ?? null;
  const classifierWeight = options.classifierWeight ?? DEFAULT_RETRIEVER_OPTIONS.classifierWeight;
  const classOf = new Map(classifier?.classes.map((id, c) => [id, c]));
  const positionWeight = options.positionWeight ?? DEFAULT_RETRIEVER_OPTIONS.positionWeight;
  const positionReach = options.positionReach ?? DEFAULT_RETRIEVER_OPTIONS.positionReach;
  const encoder = options.encoder ?? null;
  const encoderWeight = encoder ? (options.encoderWeight ?? 0) : 0;
  const vocabulary = createVocabulary(vectors);
  // Every passage's views, in WebAssembly memory, scored in one call per question; reloaded after the
  // passages change. Each entry's views sit at `first` onwards, in the order of `entries`.
  const store = createViewStore();
  let storeCurrent = false;
  const entries = new Map<
    string,
    {
      passage: Passage;
      views: Int32Array[];
      first: number;
      /** Each view's averaged word vector (dense.ts), one after another. */
      embeddings: Float32Array;
      doc: IndexedDoc;
      questions: WrittenQuestion[];
      /** The distinct words of all its views as `coverage` reads them, made on first use. */
      words?: WordSet;
      /** The encoder's vectors of the passage (encoderTexts), when there is an encoder. */
      encoded?: Float32Array[];
    }
  >();
  // Passages a user has edited, as they were, so an edit can be undone.
  const originals = new Map<string, IndexedDoc>();

  // How many passages each stem occurs in, and each passage's place in its run; recomputed after the
  // passages change.
  let documentFrequency: Map<string, number> | null = null;
  let positions: Map<string, RunPosition> | null = null;
  let skipped: Set<string> | null = null;
  // What is derived from the passages as a whole goes stale together when one is added, edited or removed.
  const passagesChanged = () => {
    documentFrequency = null;
    positions = null;
    skipped = null;
    storeCurrent = false;
  };
  const dimensions = vectors.dimensions;
  const remember = (doc: IndexedDoc) => {
    const questions = writtenQuestions(doc);
    const views = viewsOf(doc, questions, vocabulary);
    const embeddings = new Float32Array(views.length * dimensions);
    views.forEach((view, v) => {
      embed(
        vectors,
        Array.from(view, vocabulary.word),
        embeddings.subarray(v * dimensions, (v + 1) * dimensions),
      );
    });
    const stored = doc.embedding ?? [];
    const encoded =
      encoder && stored.length > 0 && stored.every((vector) => vector.length === encoder.dimensions)
        ? stored.map((vector) => Float32Array.from(vector))
        : undefined;
    entries.set(doc.id, { passage: toPassage(doc), views, first: 0, embeddings, doc, questions, encoded });
    passagesChanged();
  };
  // The passages remembered without a stored vector, embedded in one run of the model.
  async function encodeMissing(): Promise<void> {
    if (!encoder) return;
    const missing = [...entries.values()].filter((entry) => !entry.encoded);
    if (missing.length === 0) return;
    const texts = missing.map(({ passage }) => encoderTexts(passage));
    const vectors = await encoder.embed(texts.flat(), "passage");
    // Rounded as the index stores them, so a passage scores the same whether it was embedded now or at build time.
    let next = 0;
    missing.forEach((entry, i) => {
      const count = texts[i]?.length ?? 0;
      entry.encoded = vectors
        .slice(next, next + count)
        .map((vector) => Float32Array.from(storedVector(vector)));
      next += count;
    });
  }
  function loadStore(): void {
    const views: Int32Array[] = [];
    const embeddings: Float32Array[] = [];
    for (const entry of entries.values()) {
      entry.first = views.length;
      views.push(...entry.views);
      for (let v = 0; v < entry.views.length; v++)
        embeddings.push(entry.embeddings.subarray(v * dimensions, (v + 1) * dimensions));
    }
    store.load(views, vocabulary.weights, embeddings, dimensions);
    storeCurrent = true;
  }
  // The question's averaged word vector, reused from question to question.
  const questionEmbedding = new Float32Array(dimensions);
  const all = await search(db, { term: "", limit: Math.max(1, count(db)) });
  for (const hit of all.hits) remember(hit.document as IndexedDoc);
  await encodeMissing();

  async function retrieve(
    question: string,
    limit = 3,
    mode: RetrievalMode = "hybrid",
  ): Promise<RetrievedPassage[]> {
    const questionVector =
      encoder && (mode === "hybrid" || mode === "encoder")
        ? (await encoder.embed([question], "query"))[0]
        : null;
    const bm25 = fullTextScores(db, question, SEARCHED, boost);
    const maxBm25 = Math.max(0, ...bm25.values());
    if (!storeCurrent) loadStore();
    // Both valid until the store is next prepared or loaded: read before this function next awaits.
    const words = contentWords(question);
    const scores = scoreViews(vectors, vocabulary, store, words);
    embed(vectors, words, questionEmbedding);
    const cosines = store.cosines(questionEmbedding);
    const learned =
      classifier && (mode === "hybrid" || mode === "classifier")
        ? classifier.probabilities({
            stems: words.flatMap((word) => analyze(word)),
            embedding: questionEmbedding,
          })
        : null;
    const references = mode === "hybrid" ? positionReferences(question) : [];
    if (references.length > 0) positions ??= runPositions([...entries.values()].map((e) => e.passage));
    const best = new Float64Array(topViews);
    const weights = {
      fullText: mode === "hybrid" ? fullTextWeight * (1 - denseWeight) : mode === "full-text" ? 1 : 0,
      semantic: mode === "hybrid" ? (1 - fullTextWeight) * (1 - denseWeight) : mode === "semantic" ? 1 : 0,
      dense: mode === "hybrid" ? denseWeight : mode === "dense" ? 1 : 0,
      encoder: mode === "hybrid" ? encoderWeight : mode === "encoder" ? 1 : 0,
    };
    const ranked: (Omit<RetrievedPassage, "written"> & { id: string })[] = [];
    if (options.skipSignposts) skipped ??= signposts([...entries.values()].map((e) => e.passage));
    for (const [id, entry] of entries) {
      if (skipped?.has(id)) continue;
      const fullTextScore = bm25.get(id) ?? 0;
      const semanticScore = meanOfBest(scores, entry.first, entry.views.length, best);
      const denseScore = meanOfBest(cosines, entry.first, entry.views.length, best);
      const normalised = maxBm25 > 0 ? fullTextScore / maxBm25 : 0;
      // A passage scores its closest vector: itself whole, or one of its sentences.
      let encoderScore = 0;
      for (const vector of (questionVector && entry.encoded) || [])
        encoderScore = Math.max(encoderScore, cosine(questionVector as Float32Array, vector));
      const matchScore =
        (1 - weights.encoder) *
          (weights.fullText * normalised + weights.semantic * semanticScore + weights.dense * denseScore) +
        weights.encoder * encoderScore;
      const classIndex = classOf.get(id);
      const classified = learned !== null && classIndex !== undefined;
      const classifierScore = classified ? (learned[classIndex] as number) : 0;
      const score =
        mode === "classifier"
          ? classifierScore
          : classified
            ? (1 - classifierWeight) * matchScore + classifierWeight * classifierScore
            : matchScore;
      if (score > 0)
        ranked.push({
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
        });
    }
    if (references.length > 0 && positions) {
      const named = namedPassages(
        references,
        new Map(ranked.map((hit) => [hit.id, hit.score])),
        positions,
        positionReach,
      );
      for (const hit of ranked) {
        if (!named.has(hit.id)) continue;
        hit.namedPosition = positions.get(hit.id) ?? null;
        hit.score = Math.min(1, hit.score + positionWeight);
      }
    }
    ranked.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
    const diversity = mode === "hybrid" ? (options.diversity ?? 0) : 0;
    const chosen = diversity > 0 ? diversify(ranked, limit, diversity) : ranked.slice(0, limit);
    return chosen.map(({ id, ...hit }) => {
      const entry = entries.get(id);
      const first = entry?.first ?? 0;
      const written = (entry?.questions ?? []).flatMap(({ evidence }, i) =>
        evidence === null ? [] : [{ evidence, score: scores[first + i + 1] ?? 0 }],
      );
      return { ...hit, written };
    });
  }

  /** The greedy choice of maximal marginal relevance among the best passages (RetrieverOptions.diversity). */
  function diversify<T extends { id: string; score: number }>(
    ranked: T[],
    limit: number,
    diversity: number,
  ): T[] {
    const pool = ranked.slice(0, Math.max(limit, DIVERSITY_POOL));
    const text = (hit: T) => entries.get(hit.id)?.embeddings.subarray(0, dimensions);
    const chosen: T[] = [];
    while (chosen.length < limit && pool.length > 0) {
      let best = 0;
      let bestValue = Number.NEGATIVE_INFINITY;
      pool.forEach((hit, i) => {
        const own = text(hit);
        let closest = 0;
        for (const other of chosen) {
          const theirs = text(other);
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

  function topicality(stem: string): number {
    if (!documentFrequency) {
      documentFrequency = new Map();
      for (const { passage } of entries.values()) {
        for (const term of new Set(analyze(`${passage.section} ${passage.text}`))) {
          documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
        }
      }
    }
    return (documentFrequency.get(stem) ?? 0) / Math.max(1, entries.size);
  }

  /**
   * The share of the question's specific words (those not spread across the whole collection, such as "RAG"
   * or "model" here) that have a close word in any of the given passages or the questions written for them.
   * An answerable question's specific words are found in what retrieval hands on, though not always in one
   * passage: "what is the stage called, and what's done there?" may find its name in one and its work in
   * another. "What is prompt tuning?" leaves "prompt" unmatched wherever it looks.
   */
  function coverage(question: string, passageIds: readonly string[]): Coverage {
    const specific = [...new Set(contentWords(question))].filter(
      (word) => topicality(analyze(word)[0] ?? word) < TOPICAL_SHARE,
    );
    const available = passageIds.flatMap((id) => {
      const entry = entries.get(id);
      // A list of questions the document asks and never answers (its FAQ list) covers nothing: its words,
      // and those of the questions written for it, name topics the document does not cover. "How does RAG
      // differ from semantic search?" matches the list's first question, and must still be declined. It is
      // retrieved and cited all the same, for "which questions does the FAQ list?" (docs/retrieval.md).
      if (!entry || entry.passage.kind === "question-list") return [];
      entry.words ??= wordSet(
        vectors,
        [...new Set(entry.views.flatMap((view) => [...view]))].map(vocabulary.word),
      );
      return [entry.words];
    });
    if (available.length === 0) return { share: 0, uncovered: specific };
    if (specific.length === 0) return { share: 1, uncovered: [] };
    const uncovered = specific.filter((word) => !isCloseToAny(vectors, word, available, CLOSE_WORD));
    return { share: (specific.length - uncovered.length) / specific.length, uncovered };
  }

  async function removeDocument(documentId: string): Promise<number> {
    const ids = [...entries.values()]
      .filter((e) => e.passage.documentId === documentId)
      .map((e) => e.passage.id);
    await removePassages(db, ids);
    for (const id of ids) entries.delete(id);
    passagesChanged();
    return ids.length;
  }

  async function replace(doc: IndexedDoc): Promise<void> {
    await removePassages(db, [doc.id]);
    await insertIndexDocument(db, doc);
    remember(doc);
    await encodeMissing();
  }

  /** Replaces a passage's text in the index (a knowledge update); false when there is no such passage. */
  async function editPassage(id: string, text: string): Promise<boolean> {
    const entry = entries.get(id);
    if (!entry) return false;
    if (!originals.has(id)) originals.set(id, entry.doc);
    // The questions still find the passage, but no longer say which of the new sentences each was written for.
    await replace({ ...entry.doc, text, evidence: [], targets: [], embedding: [] });
    return true;
  }

  /** Undoes an edit; false when the passage was not edited. */
  async function restorePassage(id: string): Promise<boolean> {
    const original = originals.get(id);
    if (!original) return false;
    originals.delete(id);
    await replace(original);
    return true;
  }

  return {
    retrieve,
    coverage,
    editPassage,
    restorePassage,
    size: () => entries.size,
    passages: () => [...entries.values()].map((entry) => entry.passage),
    removeDocument,
    /** Adds a document's passages, replacing any earlier version of the same document. */
    async addDocument(passages: readonly Passage[]): Promise<number> {
      const documentIds = new Set(passages.map((passage) => passage.documentId));
      for (const documentId of documentIds) await removeDocument(documentId);
      await addPassages(db, passages);
      for (const passage of passages) remember({ ...passage, keywords: "" });
      await encodeMissing();
      return passages.length;
    },
  };
}

export type Retriever = Awaited<ReturnType<typeof createRetriever>>;
