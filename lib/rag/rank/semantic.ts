import { RECALL_WEIGHT, SIMILARITY_FLOOR } from "../settings";
import type { ViewStore } from "../store/view-store";
import type { Vocabulary } from "../store/vocabulary";
import type { WordVectors } from "../store/word-vectors";
import { contentWords, relatedness, wordInfo } from "../store/words";

// Related words count for less than the same word, and loosely related ones for nothing: otherwise a question
// about one step of the pipeline matched another step ("retrieval" and "generation" are close vectors).

function discount(similarity: number): number {
  return similarity <= SIMILARITY_FLOOR ? 0 : (similarity - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR);
}

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
