import { instantiateKernels, PAGE_BYTES } from "./similarity-kernel";

const align = (bytes: number) => Math.ceil(bytes / 8) * 8;

/**
 * The views retrieval scores for every question (a passage's text and each question written for it, as word
 * ids), flattened into WebAssembly memory with the vocabulary's weights, and the kernel loop that scores them
 * all in one call (similarity-kernel.wat, `views`). In JavaScript that loop was most of a new question's
 * retrieval time (docs/performance.md); the scores are bit-identical to it.
 *
 * Memory, each region 8-byte aligned: the words' weights (float64), the views' offsets (int32, one more than
 * there are views), their word ids (int32), their scores (float64), then per question its words' weights
 * (float64), scratch for their best similarities (float32) and the interleaved table (float32).
 */
export function createViewStore() {
  const kernel = instantiateKernels();
  const { memory } = kernel;
  let vocabularySize = 0;
  let viewCount = 0;
  let offsetsAt = 0;
  let idsAt = 0;
  let scoresAt = 0;
  let termsAt = 0;
  let bestAt = 0;
  let tableAt = 0;
  let termCount = 0;

  function reserve(bytes: number): void {
    const short = bytes - memory.buffer.byteLength;
    if (short > 0) memory.grow(Math.ceil(short / PAGE_BYTES));
  }

  return {
    viewCount: () => viewCount,
    /** Replaces the stored views; `weights` holds the rarity of every word id the views use. */
    load(views: readonly Int32Array[], weights: ArrayLike<number>): void {
      const words = views.reduce((sum, view) => sum + view.length, 0);
      offsetsAt = align(weights.length * 8);
      idsAt = align(offsetsAt + (views.length + 1) * 4);
      scoresAt = align(idsAt + words * 4);
      termsAt = align(scoresAt + views.length * 8);
      reserve(termsAt);
      const { buffer } = memory;
      new Float64Array(buffer, 0, weights.length).set(weights);
      const offsets = new Int32Array(buffer, offsetsAt, views.length + 1);
      const ids = new Int32Array(buffer, idsAt, words);
      let at = 0;
      views.forEach((view, v) => {
        offsets[v] = at;
        ids.set(view, at);
        at += view.length;
      });
      offsets[views.length] = at;
      vocabularySize = weights.length;
      viewCount = views.length;
    },
    /**
     * Space for a question of `count` words over a vocabulary of `size` words (at least the stored views'):
     * its words' weights, to fill, and the zeroed table, `size` runs of `count + 1` values. Valid until the
     * next call.
     */
    prepare(count: number, size: number): { terms: Float64Array; table: Float32Array } {
      if (size < vocabularySize) throw new RangeError("The table must cover every word the views use.");
      termCount = count;
      bestAt = align(termsAt + count * 8);
      // The kernel works on four question words at a time: room for whole groups of four, and the table's
      // last word is read up to 12 bytes past its end.
      tableAt = align(bestAt + Math.ceil(count / 4) * 16);
      const length = size * (count + 1);
      reserve(tableAt + length * 4 + 16);
      const { buffer } = memory;
      const table = new Float32Array(buffer, tableAt, length);
      table.fill(0);
      return { terms: new Float64Array(buffer, termsAt, count), table };
    },
    /**
     * Every stored view's score against the prepared question, in the order loaded: F-beta of the question's
     * weight `total` covered and the view's weight related. Valid until the next call.
     */
    score(total: number, beta2: number): Float64Array {
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
