import type { WordVectors } from "./word-vectors";

/**
 * A text's meaning as one vector: the sum of its distinct words' vectors, each weighted by its rarity, scaled to
 * unit length (words without a vector are left out). Two such vectors compare by their dot product, a cosine.
 * Word-by-word soft matching (semantic.ts) asks whether each question word has a close word in a view; this
 * asks whether the words, taken together, point the same way, which catches a question whose words each match
 * only loosely. Writes into `into` (length `vectors.dimensions`); false, and zeros, when no word has a vector.
 */
export function embed(vectors: WordVectors, words: readonly string[], into: Float32Array): boolean {
  into.fill(0);
  for (const word of new Set(words)) {
    const row = vectors.row(word);
    if (row < 0) continue;
    const weight = vectors.weight(word);
    const vector = vectors.vector(row);
    for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + weight * (vector[i] as number);
  }
  let norm = 0;
  for (let i = 0; i < into.length; i++) norm += (into[i] as number) * (into[i] as number);
  if (norm === 0) return false;
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) * scale;
  return true;
}
