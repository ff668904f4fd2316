import { describe, expect, it } from "vitest";
import { copyContinuations, copyTokens, createCopyBias } from "./copy-bias";

// A toy vocabulary: a prompt of two lines, "[1] the cat sat\n[2] a dog ran\n", and the answer's closer " [".
const PIECES = ["[", "1", "]", " the", " cat", " sat", "\n", "2", " a", " dog", " ran", " [", " mat"];
const id = (piece: string) => PIECES.indexOf(piece);
const ids = (...pieces: string[]) => pieces.map(id);
const PROMPT = ids("[", "1", "]", " the", " cat", " sat", "\n", "[", "2", "]", " a", " dog", " ran", "\n");
const TOKENS = copyTokens(PIECES, [id(" [")]);
const BIAS = { bonus: 4, maxMatch: 8, closeAtLineEnd: true };

/** The scores after the bias, all zero before, once `written` follows the prompt. */
function scoresAfter(written: string[], bias = BIAS): Float32Array {
  const processor = createCopyBias(TOKENS, bias);
  const data = new Float32Array(PIECES.length);
  processor([PROMPT.map(BigInt)], { data: new Float32Array(PIECES.length), dims: [1, PIECES.length] });
  processor([[...PROMPT, ...ids(...written)].map(BigInt)], { data, dims: [1, PIECES.length] });
  return data;
}
const favoured = (scores: Float32Array) => PIECES.filter((_, k) => (scores[k] as number) > 0);

describe("the copy bias", () => {
  it("finds what follows the longest run of the tokens just written in the prompt", () => {
    expect(copyContinuations(PROMPT, ids(" the", " cat"), 8)).toEqual([id(" sat")]);
    expect(copyContinuations(PROMPT, ids(" mat"), 8)).toEqual([]);
    // " dog" alone stands once; with " the" before it, no run of two matches, so the run of one decides.
    expect(copyContinuations(PROMPT, ids(" the", " dog"), 8)).toEqual([id(" ran")]);
  });

  it("favours the token that continues the copy, by the bonus, and nothing else", () => {
    const scores = scoresAfter([" the"]);
    expect(favoured(scores)).toEqual([" cat"]);
    expect(scores[id(" cat")]).toBe(BIAS.bonus);
  });

  it("favours nothing before the first token is written, nor a newline or bracket of the layout", () => {
    expect(favoured(scoresAfter([]))).toEqual([]);
    // After "]", the prompt goes on with " the": that is favoured, the bracket itself never.
    expect(favoured(scoresAfter(["]"]))).not.toContain("[");
  });

  it("makes the answer's closer the best token where the copy reaches its line's end", () => {
    const scores = scoresAfter([" a", " dog", " ran"]);
    const best = Math.max(...scores);
    expect(scores[id(" [")]).toBe(best);
    expect(scores[id("\n")]).toBe(0);
    expect(favoured(scoresAfter([" a", " dog", " ran"], { ...BIAS, closeAtLineEnd: false }))).toEqual([]);
  });

  it("stops once the answer's closing has begun", () => {
    expect(favoured(scoresAfter([" a", " dog", " ran", " [", "2"]))).toEqual([]);
  });
});
