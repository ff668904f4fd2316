import { analyze, STOP_WORDS } from "./analyzer";
import type { WordVectors } from "./word-vectors";

const STOP_WORD_SET = new Set<string>(STOP_WORDS);

/** Content words as the word vectors know them: lowercase letters and digits, stop words dropped. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORD_SET.has(word));
}

export interface WordInfo {
  stem: string;
  row: number;
  weight: number;
}

export function getOrCreate<K, V>(
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

export function wordInfo(vectors: WordVectors, word: string): WordInfo {
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
