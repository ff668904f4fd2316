import { analyze, STOP_WORDS } from "../store/analyzer";
import { SCALE, type WordVectors } from "../store/word-vectors";
import { createSimilarityKernel } from "./similarity-kernel";
import type { ViewStore } from "./view-store";

const STOP_WORD_SET = new Set<string>(STOP_WORDS);

/** Content words as the word vectors know them: lowercase letters and digits, stop words dropped. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORD_SET.has(word));
}

/**
 * Related words count for less than the same word, and loosely related ones for nothing: without this,
 * "retrieval" and "generation" (cosine 0.5) made the question about one step match the other step.
 */
export const SIMILARITY_FLOOR = 0.3;

function discount(similarity: number): number {
  return similarity <= SIMILARITY_FLOOR ? 0 : (similarity - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR);
}

interface WordInfo {
  stem: string;
  row: number;
  weight: number;
}

function getOrCreate<K, V>(
  map: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  create: () => V,
): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

// Stemming and table look-ups cost more than the arithmetic; a word's facts never change, so keep them.
// Looked up without closures: `relatedness` runs thousands of times per question, and a closure per call was
// the largest share of a question's garbage (docs/performance.md).
const wordInfoCache = new WeakMap<WordVectors, Map<string, WordInfo>>();

function wordInfo(vectors: WordVectors, word: string): WordInfo {
  let known = wordInfoCache.get(vectors);
  if (known === undefined) {
    known = new Map();
    wordInfoCache.set(vectors, known);
  }
  let info = known.get(word);
  if (info === undefined) {
    info = { stem: analyze(word)[0] ?? word, row: vectors.row(word), weight: vectors.weight(word) };
    known.set(word, info);
  }
  return info;
}

/** Cosine similarity of two words, 1 when they share a stem, 0 when either has no vector. */
export function relatedness(vectors: WordVectors, a: string, b: string): number {
  const x = wordInfo(vectors, a);
  const y = wordInfo(vectors, b);
  if (a === b || x.stem === y.stem) return 1;
  return x.row < 0 || y.row < 0 ? 0 : vectors.similarity(x.row, y.row);
}

/** Words gathered for `isCloseToAny`: their stems, and their distinct rows in the word vectors. */
export interface WordSet {
  stems: Set<string>;
  rows: Int32Array;
}

export function wordSet(vectors: WordVectors, words: readonly string[]): WordSet {
  const infos = words.map((word) => wordInfo(vectors, word));
  return {
    stems: new Set(infos.map((info) => info.stem)),
    rows: Int32Array.from(new Set(infos.map((info) => info.row).filter((row) => row >= 0))),
  };
}

/**
 * Whether `relatedness(word, other)` reaches `threshold` (at most 1) for some word of the sets: a shared stem
 * first, then the cosines with the sets' rows, so comparing a word with many needs no string work per pair.
 */
export function isCloseToAny(
  vectors: WordVectors,
  word: string,
  sets: readonly WordSet[],
  threshold: number,
): boolean {
  const { stem, row } = wordInfo(vectors, word);
  if (sets.some(({ stems }) => stems.has(stem))) return true;
  if (row < 0) return false;
  return sets.some(({ rows }) => rows.some((other) => vectors.similarity(row, other) >= threshold));
}

/** F-beta's beta: recall (the question covered) counts this many times as much as precision. */
export const RECALL_WEIGHT = 2;

/**
 * The words of the indexed views, numbered, so scoring a view reads typed arrays instead of hashing strings:
 * retrieval scores every view of every passage for each question.
 */
export function createVocabulary(vectors: WordVectors) {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const weights: number[] = [];
  // Stems as numbers, so the kernel can tell a word with the same stem (similarity 1) without strings.
  const stemIds = new Map<string, number>();
  // Every vocabulary word's vector and stem id, in WebAssembly memory: comparing a new question word with all
  // of them is one call (similarity-kernel.ts).
  const kernel = createSimilarityKernel({
    dimensions: vectors.dimensions,
    scale: SCALE,
    floor: SIMILARITY_FLOOR,
  });
  // Per question word, its discounted similarity to each vocabulary word, kept across questions: computing a
  // row is half of a new question's retrieval time. 1,000 rows of the article index's 1,968 words are 8 MB; the
  // 224 evaluation questions have 757 distinct words, which a 500-row cache cycled through without a hit.
  const termRows = new Map<string, Float32Array>();
  const MAX_TERMS = 1000;

  function idOf(word: string): number {
    return getOrCreate(ids, word, () => {
      const info = wordInfo(vectors, word);
      const id = words.length;
      words.push(word);
      weights.push(info.weight);
      kernel.add(
        vectors.vector(info.row),
        getOrCreate(stemIds, info.stem, () => stemIds.size),
      );
      return id;
    });
  }

  function similarities(term: string, from: number, into: Float32Array) {
    const { stem, row } = wordInfo(vectors, term);
    kernel.similarities(vectors.vector(row), stemIds.get(stem) ?? -1, from, into);
  }

  return {
    /** A view's distinct words as ids. */
    encode: (viewWords: readonly string[]) => Int32Array.from(new Set(viewWords), idOf),
    word: (id: number) => words[id] ?? "",
    size: () => words.length,
    /** Each word's rarity weight, by id (grows with the vocabulary). */
    weights: weights as readonly number[],
    /** Similarities of one question word to every vocabulary word (1 for the same stem). */
    row(term: string): Float32Array {
      let row = termRows.get(term);
      if (!row || row.length < words.length) {
        const grown = new Float32Array(words.length);
        if (row) grown.set(row);
        similarities(term, row?.length ?? 0, grown);
        if (!termRows.has(term) && termRows.size >= MAX_TERMS)
          termRows.delete(termRows.keys().next().value as string);
        termRows.set(term, grown);
        row = grown;
      }
      return row;
    },
  };
}

export type Vocabulary = ReturnType<typeof createVocabulary>;

/** F-beta of coverage (recall) and focus (precision), in [0, 1]. */
function fScore(recall: number, precision: number): number {
  const beta2 = RECALL_WEIGHT * RECALL_WEIGHT;
  return recall + precision > 0 ? ((1 + beta2) * precision * recall) / (beta2 * precision + recall) : 0;
}

/**
 * Writes one question word's row into its column of the interleaved table and raises each vocabulary word's
 * best. A function of its own, so that V8 optimises it as a whole after a few calls: as a loop inside the
 * matcher, which runs once per question, it was compiled by on-stack replacement and deoptimised on every
 * exit from the loop, so new questions ran it unoptimised in Chromium (docs/performance.md).
 */
function interleave(
  table: Float32Array,
  row: Float32Array,
  column: number,
  stride: number,
  size: number,
): void {
  const last = stride - 1;
  for (let id = 0, at = 0; id < size; id++, at += stride) {
    const value = row[id] as number;
    table[at + column] = value;
    if (value > (table[at + last] as number)) table[at + last] = value;
  }
}

/**
 * The soft matcher over a vocabulary, for every view in `store` at once: the same scores as
 * `createSoftMatcher`, for views given as ids, against a question given as its content words. The question words' rows go side by side in one table, one
 * vocabulary word's similarities to the question words together followed by its best one, so scoring a view
 * word reads one short run of memory; the kernel then scores all the views (view-store.ts). The scores are
 * valid until the store is next used.
 */
export function scoreViews(
  vectors: WordVectors,
  vocabulary: Vocabulary,
  store: ViewStore,
  questionWords: readonly string[],
): Float64Array {
  const terms = [...new Set(questionWords)];
  const rows = terms.map((term) => vocabulary.row(term));
  const count = terms.length;
  const size = vocabulary.size();
  const stride = count + 1;
  const { terms: termWeights, table } = store.prepare(count, size);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const weight = wordInfo(vectors, terms[i] as string).weight;
    termWeights[i] = weight;
    total += weight;
  }
  for (let i = 0; i < count; i++) interleave(table, rows[i] as Float32Array, i, stride, size);
  return store.score(total, RECALL_WEIGHT * RECALL_WEIGHT);
}

/**
 * Soft term matching: each question word scores its best similarity to any word of a view (1 for the same
 * word), weighted by rarity, averaged. One call prepares the question against a vocabulary, so scoring many
 * views afterwards is a lookup per word.
 */
export function createSoftMatcher(vectors: WordVectors, question: string) {
  const terms = [...new Set(contentWords(question))].map((word) => ({ word, ...wordInfo(vectors, word) }));
  const total = terms.reduce((sum, term) => sum + term.weight, 0);
  const cache = new Map<string, Float32Array>();

  const similarities = (word: string): Float32Array => {
    let found = cache.get(word);
    if (found) return found;
    found = Float32Array.from(terms, (term) => discount(relatedness(vectors, term.word, word)));
    cache.set(word, found);
    return found;
  };

  return {
    terms: terms.map((term) => term.word),
    /**
     * Similarity of the question to a view given as its distinct content words, in [0, 1]: the harmonic mean of how
     * much of the question the view covers and how much of the view is about the question (BERTScore's
     * F1, on word vectors). Coverage alone ties every view that happens to contain all the question's words.
     */
    score(viewWords: readonly string[]): number {
      if (total === 0 || viewWords.length === 0) return 0;
      const best = new Float32Array(terms.length).fill(0);
      let precisionSum = 0;
      let precisionTotal = 0;
      for (const word of viewWords) {
        const row = similarities(word);
        let wordBest = 0;
        for (let i = 0; i < row.length; i++) {
          const value = row[i] ?? 0;
          if (value > (best[i] ?? 0)) best[i] = value;
          if (value > wordBest) wordBest = value;
        }
        const { weight } = wordInfo(vectors, word);
        precisionSum += weight * wordBest;
        precisionTotal += weight;
      }
      let recallSum = 0;
      terms.forEach((term, i) => {
        recallSum += term.weight * (best[i] ?? 0);
      });
      return fScore(recallSum / total, precisionTotal > 0 ? precisionSum / precisionTotal : 0);
    },
  };
}
