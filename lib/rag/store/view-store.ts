import { instantiateKernels, reserveBytes } from "./similarity-kernel";

const align = (bytes: number) => Math.ceil(bytes / 8) * 8;

/**
 * The views retrieval scores for every question (a passage's text and each question written for it, as word
 * ids), flattened into WebAssembly memory with the vocabulary's weights, and the kernel loop that scores them
 * all in one call (similarity-kernel.wat, `views`). It replaced a JavaScript loop, with bit-identical
 * scores (docs/performance.md).
 *
 * It also keeps each view's averaged word vector (dense.ts) and scores them all against a question's in one
 * call (`dots`).
 *
 * Memory, each region 8-byte aligned: the words' weights (float64), the views' offsets (int32, one more than
 * there are views), their word ids (int32), their scores (float64), the question's averaged vector and the
 * views' (float32, padded to 16 bytes each), their cosines (float64), then per question its words' weights
 * (float64), scratch for their best similarities (float32) and the interleaved table (float32).
 */
/** Where each region of the views' memory starts, for one set of loaded views. */
interface Layout {
  vocabularySize: number;
  viewCount: number;
  offsetsAt: number;
  idsAt: number;
  scoresAt: number;
  queryAt: number;
  embeddingsAt: number;
  /** One view's averaged vector, padded to 16 bytes. */
  embeddingBytes: number;
  cosinesAt: number;
  /** Where each question's own regions start. */
  termsAt: number;
}

function planLayout(views: readonly Int32Array[], vocabularySize: number, dimensions: number): Layout {
  const words = views.reduce((sum, view) => sum + view.length, 0);
  const embeddingBytes = Math.ceil(dimensions / 4) * 16;
  const offsetsAt = align(vocabularySize * 8);
  const idsAt = align(offsetsAt + (views.length + 1) * 4);
  const scoresAt = align(idsAt + words * 4);
  const queryAt = align(scoresAt + views.length * 8);
  const embeddingsAt = queryAt + embeddingBytes;
  const cosinesAt = align(embeddingsAt + views.length * embeddingBytes);
  const termsAt = align(cosinesAt + views.length * 8);
  return {
    vocabularySize,
    viewCount: views.length,
    offsetsAt,
    idsAt,
    scoresAt,
    queryAt,
    embeddingsAt,
    embeddingBytes,
    cosinesAt,
    termsAt,
  };
}

function writeViews(
  buffer: ArrayBufferLike,
  layout: Layout,
  views: readonly Int32Array[],
  weights: ArrayLike<number>,
  embeddings: readonly Float32Array[],
): void {
  const { embeddingBytes, viewCount } = layout;
  new Float64Array(buffer, 0, weights.length).set(weights);
  const stored = new Float32Array(buffer, layout.embeddingsAt, (viewCount * embeddingBytes) / 4);
  stored.fill(0);
  embeddings.forEach((embedding, v) => {
    stored.set(embedding, (v * embeddingBytes) / 4);
  });
  const offsets = new Int32Array(buffer, layout.offsetsAt, viewCount + 1);
  const ids = new Int32Array(
    buffer,
    layout.idsAt,
    views.reduce((sum, view) => sum + view.length, 0),
  );
  let at = 0;
  views.forEach((view, v) => {
    offsets[v] = at;
    ids.set(view, at);
    at += view.length;
  });
  offsets[viewCount] = at;
}

export function createViewStore() {
  const kernel = instantiateKernels();
  const { memory } = kernel;
  let layout = planLayout([], 0, 0);
  // The prepared question's regions.
  let termCount = 0;
  let bestAt = 0;
  let tableAt = 0;

  return {
    viewCount: () => layout.viewCount,
    /**
     * Replaces the stored views; `weights` holds the rarity of every word id the views use, `embeddings` each
     * view's averaged word vector, `dimensions` long.
     */
    load(
      views: readonly Int32Array[],
      weights: ArrayLike<number>,
      embeddings: readonly Float32Array[],
      dimensions: number,
    ): void {
      if (embeddings.length !== views.length) throw new RangeError("Every view needs its averaged vector.");
      layout = planLayout(views, weights.length, dimensions);
      reserveBytes(memory, layout.termsAt);
      writeViews(memory.buffer, layout, views, weights, embeddings);
    },
    /**
     * Space for a question of `count` words over a vocabulary of `size` words (at least the stored views'):
     * its words' weights, to fill, and the zeroed table, `size` runs of `count + 1` values. Valid until the
     * next call.
     */
    prepare(count: number, size: number): { terms: Float64Array; table: Float32Array } {
      if (size < layout.vocabularySize)
        throw new RangeError("The table must cover every word the views use.");
      termCount = count;
      bestAt = align(layout.termsAt + count * 8);
      // The kernel works on four question words at a time: room for whole groups of four, and the table's
      // last word is read up to 12 bytes past its end.
      tableAt = align(bestAt + Math.ceil(count / 4) * 16);
      const length = size * (count + 1);
      reserveBytes(memory, tableAt + length * 4 + 16);
      const { buffer } = memory;
      const table = new Float32Array(buffer, tableAt, length);
      table.fill(0);
      return { terms: new Float64Array(buffer, layout.termsAt, count), table };
    },
    /**
     * The cosine of `query` (an averaged word vector, unit length or zero) with each stored view's, in the
     * order loaded. Valid until the next `prepare` or `load`.
     */
    cosines(query: Float32Array): Float64Array {
      const { queryAt, embeddingBytes, embeddingsAt, viewCount, cosinesAt } = layout;
      const padded = new Float32Array(memory.buffer, queryAt, embeddingBytes / 4);
      padded.fill(0);
      padded.set(query);
      kernel.dots(queryAt, embeddingsAt, viewCount, embeddingBytes, cosinesAt);
      return new Float64Array(memory.buffer, cosinesAt, viewCount);
    },
    /**
     * Every stored view's score against the prepared question, in the order loaded: F-beta of the question's
     * weight `total` covered and the view's weight related. Valid until the next call.
     */
    score(total: number, beta2: number): Float64Array {
      const { termsAt, idsAt, offsetsAt, viewCount, scoresAt } = layout;
      kernel.views(
        tableAt,
        termCount,
        0,
        termsAt,
        total,
        beta2,
        idsAt,
        offsetsAt,
        viewCount,
        bestAt,
        scoresAt,
      );
      return new Float64Array(memory.buffer, scoresAt, viewCount);
    },
  };
}

export type ViewStore = ReturnType<typeof createViewStore>;
