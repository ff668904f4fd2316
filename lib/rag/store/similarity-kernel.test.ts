import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileKernel } from "../../../scripts/compile-kernel";
import { createSimilarityKernel, floorDot } from "./similarity-kernel";
import { SIMILARITY_KERNEL_WASM } from "./similarity-kernel-wasm";

const SCALE = 127 * 127;
const FLOOR = 0.3;

/** The arithmetic the kernel replaced, in plain JavaScript (float64, stored as float32). */
function reference(
  query: readonly number[],
  vector: readonly number[],
  sameStem: boolean,
  scale = SCALE,
): number {
  if (sameStem) return 1;
  let dot = 0;
  for (let i = 0; i < query.length; i++) dot += (query[i] ?? 0) * (vector[i] ?? 0);
  const cosine = dot / scale;
  return Math.fround(cosine <= FLOOR ? 0 : (cosine - FLOOR) / (1 - FLOOR));
}

const int8 = fc.integer({ min: -127, max: 127 });

describe("floorDot", () => {
  it("is the largest integer dot product whose cosine is at or under the floor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (scale, floor) => {
          const limit = floorDot(scale, floor);
          expect(limit / scale <= floor).toBe(true);
          expect((limit + 1) / scale > floor).toBe(true);
        },
      ),
    );
  });
});

describe("the similarity kernel", () => {
  it("gives 0 at the floor's integer limit and the stretched cosine one step over it", () => {
    // 127 x 127 scale, floor 0.3: 4,838 / 16,129 is under the floor and 4,839 / 16,129 over it.
    expect(floorDot(SCALE, FLOOR)).toBe(4838);
    const kernel = createSimilarityKernel({ dimensions: 1, scale: SCALE, floor: FLOOR });
    kernel.add(Int8Array.of(59), 0);
    kernel.add(Int8Array.of(121), 0);
    const at = new Float32Array(2);
    kernel.similarities(Int8Array.of(82), -1, 0, at);
    const over = new Float32Array(2);
    kernel.similarities(Int8Array.of(40), -1, 0, over);
    expect(at[0]).toBe(0);
    expect(over[1]).toBe(reference([40], [121], false));
    expect(over[1]).toBeGreaterThan(0);
  });

  it("is the compiled form of similarity-kernel.wat (run `npm run build:kernel` after editing it)", async () => {
    const text = readFileSync(new URL("./similarity-kernel.wat", import.meta.url), "utf8");
    expect(Buffer.from(await compileKernel(text)).toString("base64")).toBe(SIMILARITY_KERNEL_WASM);
  });

  it("gives exactly the JavaScript arithmetic's similarities, for any vectors, stems and starting word", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((dimensions) =>
          fc.record({
            dimensions: fc.constant(dimensions),
            query: fc.array(int8, { minLength: dimensions, maxLength: dimensions }),
            words: fc.array(
              fc.record({
                vector: fc.oneof(
                  fc.constant([]),
                  fc.array(int8, { minLength: dimensions, maxLength: dimensions }),
                ),
                stem: fc.integer({ min: 0, max: 5 }),
              }),
              { minLength: 1, maxLength: 40 },
            ),
            stem: fc.integer({ min: -1, max: 5 }),
            from: fc.nat(),
          }),
        ),
        ({ dimensions, query, words, stem, from }) => {
          const kernel = createSimilarityKernel({ dimensions, scale: SCALE, floor: FLOOR });
          for (const word of words) kernel.add(Int8Array.from(word.vector), word.stem);
          const start = from % words.length;
          const into = new Float32Array(words.length).fill(-1);
          kernel.similarities(Int8Array.from(query), stem, start, into);
          const expected = words.map((word, id) =>
            id < start ? -1 : reference(query, word.vector, word.stem === stem),
          );
          expect(Array.from(into)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps its words, and zeroes the space of a word without a vector, when its memory grows", () => {
    // Scale 1, so that stale bytes in a word's space (earlier results, stem ids) would show as similarities.
    const kernel = createSimilarityKernel({ dimensions: 4, scale: 1, floor: FLOOR });
    const total = 5000;
    const into = new Float32Array(total);
    const vectorOf = (id: number) => (id % 3 === 0 ? [] : [id % 5, 1, 0, 0]);
    // Every third word has no vector. A call between additions leaves results in memory the vectors grow into.
    for (let id = 0; id < total; id++) {
      kernel.add(vectorOf(id), id % 7);
      if (id % 1000 === 999) kernel.similarities([1, 1, 1, 1], -1, 0, into);
    }
    expect(kernel.size()).toBe(total);
    for (const [query, stem] of [
      [[1, 1, 1, 1], -1],
      [[2, 0, 0, 1], 3],
    ] as const) {
      kernel.similarities(query, stem, 0, into);
      const expected = Array.from({ length: total }, (_, id) =>
        reference(query, vectorOf(id), id % 7 === stem, 1),
      );
      expect(Array.from(into)).toEqual(expected);
    }
  });
});
