import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createViewStore } from "./view-store";

/** The JavaScript loop the kernel replaced: one view's F-beta score from the interleaved table. */
function reference(
  view: readonly number[],
  table: Float32Array,
  count: number,
  weights: readonly number[],
  terms: readonly number[],
  total: number,
  beta2: number,
): number {
  if (total === 0 || view.length === 0) return 0;
  const stride = count + 1;
  const best = new Float32Array(count);
  let precisionSum = 0;
  let precisionTotal = 0;
  for (const id of view) {
    const weight = weights[id] ?? 0;
    precisionTotal += weight;
    const closest = table[id * stride + count] as number;
    if (closest === 0) continue;
    precisionSum += weight * closest;
    for (let i = 0; i < count; i++) {
      const value = table[id * stride + i] as number;
      if (value > (best[i] as number)) best[i] = value;
    }
  }
  let recallSum = 0;
  for (let i = 0; i < count; i++) recallSum += (terms[i] ?? 0) * (best[i] as number);
  const recall = recallSum / total;
  const precision = precisionTotal > 0 ? precisionSum / precisionTotal : 0;
  return recall + precision > 0 ? ((1 + beta2) * precision * recall) / (beta2 * precision + recall) : 0;
}

/** Averaged vectors of `count` views, all zero: for the tests of the soft-match scores. */
const unset = (count: number) => Array.from({ length: count }, () => new Float32Array(3));

// Similarities as the vocabulary makes them: 0, or a float32 in (0, 1].
const similarity = fc.oneof(fc.constant(0), fc.float({ min: Math.fround(1e-6), max: 1, noNaN: true }));

const question = fc.record({
  size: fc.integer({ min: 1, max: 30 }),
  count: fc.integer({ min: 0, max: 11 }),
  seed: fc.integer(),
});

describe("the view store", () => {
  it("scores every view exactly as the JavaScript loop did, for any views, table and question", () => {
    fc.assert(
      fc.property(
        question.chain(({ size, count }) =>
          fc.record({
            size: fc.constant(size),
            count: fc.constant(count),
            weights: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), {
              minLength: size,
              maxLength: size,
            }),
            rows: fc.array(fc.array(similarity, { minLength: size, maxLength: size }), {
              minLength: count,
              maxLength: count,
            }),
            terms: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), {
              minLength: count,
              maxLength: count,
            }),
            views: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { maxLength: size }), {
              maxLength: 12,
            }),
            extra: fc.integer({ min: 0, max: 5 }),
          }),
        ),
        ({ size, count, weights, rows, terms, views, extra }) => {
          const store = createViewStore();
          store.load(
            views.map((view) => Int32Array.from(view)),
            weights,
            unset(views.length),
            3,
          );
          // The table may cover more words than the views use (a vocabulary grows with questions' documents).
          const tableSize = size + extra;
          const { terms: termWeights, table } = store.prepare(count, tableSize);
          const stride = count + 1;
          rows.forEach((row, i) => {
            row.forEach((value, id) => {
              table[id * stride + i] = value;
              if (value > (table[id * stride + count] as number)) table[id * stride + count] = value;
            });
          });
          termWeights.set(terms);
          const total = terms.reduce((sum, weight) => sum + weight, 0);
          const expected = views.map((view) => reference(view, table, count, weights, terms, total, 4));
          expect(Array.from(store.score(total, 4))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("scores the views of the latest load only, after growing its memory", () => {
    const store = createViewStore();
    store.load([Int32Array.of(0), Int32Array.of(1)], [1, 1], unset(2), 3);
    const many = Array.from({ length: 20_000 }, (_, v) => Int32Array.of(v % 3, (v + 1) % 3));
    store.load(many, [1, 2, 3], unset(many.length), 3);
    expect(store.viewCount()).toBe(many.length);
    const { terms, table } = store.prepare(1, 3);
    // The question's one word matches vocabulary word 2 only.
    table.set([0, 0, 0, 0, 1, 1]);
    terms.set([1]);
    const scores = store.score(1, 4);
    expect(scores).toHaveLength(many.length);
    // Views holding word 2 cover the question fully, with that word's share of their weight as precision.
    expect(scores[0]).toBe(0);
    expect(scores[1]).toBeCloseTo((5 * (3 / 5)) / (4 * (3 / 5) + 1), 12);
    expect(scores[2]).toBeCloseTo((5 * (3 / 4)) / (4 * (3 / 4) + 1), 12);
  });

  it("refuses a table smaller than the words its views use", () => {
    const store = createViewStore();
    store.load([Int32Array.of(4)], [1, 1, 1, 1, 1], unset(1), 3);
    expect(() => store.prepare(2, 3)).toThrow(RangeError);
  });

  it("gives each view's cosine with a question's averaged vector, for any vectors and dimensions", () => {
    const unit = fc.float({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }).chain((dimensions) =>
          fc.record({
            dimensions: fc.constant(dimensions),
            query: fc.array(unit, { minLength: dimensions, maxLength: dimensions }),
            embeddings: fc.array(fc.array(unit, { minLength: dimensions, maxLength: dimensions }), {
              minLength: 1,
              maxLength: 20,
            }),
          }),
        ),
        ({ dimensions, query, embeddings }) => {
          const store = createViewStore();
          const views = embeddings.map(() => Int32Array.of(0));
          store.load(
            views,
            [1],
            embeddings.map((e) => Float32Array.from(e)),
            dimensions,
          );
          const cosines = Array.from(store.cosines(Float32Array.from(query)));
          const expected = embeddings.map((e) => e.reduce((sum, x, i) => sum + x * (query[i] as number), 0));
          cosines.forEach((cosine, v) => {
            expect(cosine).toBeCloseTo(expected[v] as number, 4);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses views without their averaged vectors", () => {
    expect(() => createViewStore().load([Int32Array.of(0)], [1], [], 3)).toThrow(RangeError);
  });
});
