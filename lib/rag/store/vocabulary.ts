import { SIMILARITY_FLOOR } from "../settings";
import { createSimilarityKernel } from "./similarity-kernel";
import { SCALE, type WordVectors } from "./word-vectors";
import { getOrCreate, wordInfo } from "./words";

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
