import { describe, expect, it } from "vitest";
import { testVectors } from "../test-vectors";
import { embed } from "./dense";

const vectors = testVectors({
  movie: [1, 0, 0],
  review: [0, 1, 0],
  rocket: [0, 0, 1],
});
/** The dot product of `query` with the vector at `offset` in `matrix`. */
function dotAt(query: Float32Array, matrix: Float32Array, offset: number): number {
  let sum = 0;
  for (let i = 0; i < query.length; i++) sum += (query[i] as number) * (matrix[offset + i] as number);
  return sum;
}

const embedding = (words: string[]) => {
  const into = new Float32Array(vectors.dimensions);
  return { found: embed(vectors, words, into), into };
};

describe("embed", () => {
  it("gives a unit vector that does not depend on word order or repetition", () => {
    const a = embedding(["movie", "review"]);
    const b = embedding(["review", "movie", "movie"]);
    expect(a.found).toBe(true);
    expect(dotAt(a.into, a.into, 0)).toBeCloseTo(1, 6);
    expect(Array.from(b.into)).toEqual(Array.from(a.into));
  });

  it("points towards the text's words: a shared word gives a positive cosine, unrelated words none", () => {
    const question = embedding(["movie", "review"]).into;
    expect(dotAt(question, embedding(["review"]).into, 0)).toBeGreaterThan(0.5);
    expect(dotAt(question, embedding(["rocket"]).into, 0)).toBeCloseTo(0, 6);
  });

  it("is all zeros, and says so, when no word has a vector", () => {
    const { found, into } = embedding(["zzzz", "qqqq"]);
    expect(found).toBe(false);
    expect(Array.from(into).every((x) => x === 0)).toBe(true);
  });
});
