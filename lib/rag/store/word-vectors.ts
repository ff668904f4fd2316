import { createError } from "../../errors";

/**
 * A table of unit word vectors (GloVe, int8) and the soft term matching built on it: a question term that
 * is not in a passage still counts for as much as its closest word there ("film" for "movie").
 */
export const VECTOR_DIMENSIONS = 100;
export const VECTOR_VOCABULARY_SIZE = 40_000;

export interface WordVectorTable {
  dimensions: number;
  words: readonly string[];
  data: Int8Array;
}

export interface WordVectors {
  /** Row of a word, or -1 when the word has no vector. */
  row(word: string): number;
  /** Cosine of two rows, in [-1, 1]. */
  similarity(a: number, b: number): number;
  /** A row's int8 components (a view into the table, scaled by 127), empty for -1. */
  vector(row: number): Int8Array;
  readonly dimensions: number;
  /** Rarer words weigh more; words without a vector weigh as the rarest. */
  weight(word: string): number;
}

/** The table's description, shipped beside its bytes (public/retrieval/word-vectors.json). */
export interface WordVectorMeta {
  dimensions: number;
  words: string[];
}

// Every row is a unit vector scaled by 127, so its length is 127 up to rounding; random or shifted bytes are not.
const ROW_LENGTH_TOLERANCE = 0.02;

/**
 * The table from its two files, checked: the bytes must hold one row per word, and every row must be a unit
 * vector, so a truncated or damaged file fails loudly instead of quietly making retrieval worse.
 */
export function wordVectorTable(meta: WordVectorMeta, data: Int8Array, file: string): WordVectorTable {
  const fail = (why: string) => createError("INDEX_CORRUPT", { detail: `${file}: ${why}` });
  if (!Number.isInteger(meta.dimensions) || meta.dimensions <= 0 || !Array.isArray(meta.words)) {
    throw fail("its description has no dimensions or words");
  }
  const expected = meta.dimensions * meta.words.length;
  if (data.length !== expected) throw fail(`${data.length} bytes where ${expected} were expected`);
  let bad = 0;
  for (let row = 0; row < meta.words.length; row++) {
    let sum = 0;
    for (let i = row * meta.dimensions; i < (row + 1) * meta.dimensions; i++) sum += (data[i] ?? 0) ** 2;
    if (Math.abs(Math.sqrt(sum) / 127 - 1) > ROW_LENGTH_TOLERANCE) bad++;
  }
  if (bad > 0) throw fail(`${bad} of ${meta.words.length} rows are not unit vectors`);
  return { dimensions: meta.dimensions, words: meta.words, data };
}

/** Divides the dot product of two int8 rows into a cosine. */
export const SCALE = 127 * 127;

export function createWordVectors(table: WordVectorTable): WordVectors {
  const rows = new Map(table.words.map((word, index) => [word, index]));
  const { dimensions, data } = table;
  const rarest = Math.log(1 + table.words.length / 100);
  return {
    dimensions,
    row: (word) => rows.get(word) ?? -1,
    vector: (row) => (row < 0 ? new Int8Array(0) : data.subarray(row * dimensions, (row + 1) * dimensions)),
    similarity(a, b) {
      let sum = 0;
      const offsetA = a * dimensions;
      const offsetB = b * dimensions;
      for (let i = 0; i < dimensions; i++) sum += (data[offsetA + i] ?? 0) * (data[offsetB + i] ?? 0);
      return sum / SCALE;
    },
    weight(word) {
      const rank = rows.get(word);
      return rank === undefined ? rarest : Math.log(1 + rank / 100);
    },
  };
}
