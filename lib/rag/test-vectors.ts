import { createWordVectors, type WordVectors } from "./store/word-vectors";

/**
 * A tiny word-vector space for tests: each word gets a direction; frequent filler words come first so the
 * test words have realistic rarity weights (the most frequent words weigh almost nothing).
 */
export function testVectors(directions: Record<string, readonly number[]>): WordVectors {
  const dimensions = Object.values(directions)[0]?.length ?? 1;
  const filler = Array.from({ length: 1000 }, (_, i) => `filler${i}`);
  const words = [...filler, ...Object.keys(directions)];
  const data = new Int8Array(words.length * dimensions);
  Object.values(directions).forEach((direction, index) => {
    const norm = Math.hypot(...direction) || 1;
    direction.forEach((value, column) => {
      data[(filler.length + index) * dimensions + column] = Math.round((value / norm) * 127);
    });
  });
  return createWordVectors({ dimensions, words, data });
}
