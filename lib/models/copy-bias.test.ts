import { describe, expect, it } from "vitest";
import { copyTokens, createCopyBias, createCopyFollower, firstLineToken } from "./copy-bias";

// A toy vocabulary: a prompt of two lines, "[1] the cat sat\n[2] a dog ran\n", and the answer's closer " [".
const PIECES = [
  "[",
  "1",
  "]",
  " the",
  " cat",
  " sat",
  "\n",
  "2",
  " a",
  " dog",
  " ran",
  " [",
  " mat",
  " c",
  "at",
  "og",
];
const id = (piece: string) => PIECES.indexOf(piece);
const ids = (...pieces: string[]) => pieces.map(id);
const PROMPT = ids("[", "1", "]", " the", " cat", " sat", "\n", "[", "2", "]", " a", " dog", " ran", "\n");
const TOKENS = copyTokens(PIECES, [id(" [")]);
const BIAS = { bonus: 4, closeAtLineEnd: true, firstLineBonus: 0 };

/** The scores after the bias, all zero before, once `written` follows the prompt (one call per token). */
function scoresAfter(written: string[], bias = BIAS): Float32Array {
  const processor = createCopyBias(TOKENS, bias);
  const fresh = () => ({ data: new Float32Array(PIECES.length), dims: [1, PIECES.length] });
  let logits = fresh();
  processor([PROMPT.map(BigInt)], logits);
  for (let k = 1; k <= written.length; k++) {
    logits = fresh();
    processor([[...PROMPT, ...ids(...written.slice(0, k))].map(BigInt)], logits);
  }
  return logits.data;
}
const favoured = (scores: Float32Array) => PIECES.filter((_, k) => (scores[k] as number) > 0);

describe("the copy bias", () => {
  it("follows a copy, and starts a new one where a token leaves it", () => {
    const follower = createCopyFollower(PROMPT, TOKENS);
    follower.write(id(" the"));
    // The prompt's own " cat"; not " c", which would stop inside it.
    expect(follower.continuations()).toEqual([id(" cat")]);
    follower.write(id(" dog"));
    expect(follower.continuations()).toEqual([id(" ran")]);
    follower.write(id(" mat"));
    expect(follower.continuations()).toEqual([]);
  });

  it("follows a copy spelt in other pieces than the prompt's, by its text", () => {
    // The prompt spells " cat" as one token; the model may write " c" + "at", and the copy goes on to " sat".
    const follower = createCopyFollower(PROMPT, TOKENS);
    follower.write(id(" c"));
    expect(follower.continuations()).toEqual([id("at")]);
    follower.write(id("at"));
    expect(follower.continuations()).toEqual([id(" sat")]);
    // A piece that stands only inside a prompt token starts no copy: "og" of " dog".
    follower.write(id("og"));
    expect(follower.continuations()).toEqual([]);
  });

  it("favours the token that continues the copy, by the bonus, and nothing else", () => {
    const scores = scoresAfter([" the"]);
    expect(favoured(scores)).toEqual([" cat"]);
    expect(scores[id(" cat")]).toBe(BIAS.bonus);
  });

  it("favours no newline or bracket of the prompt's layout", () => {
    // After "]", the prompt goes on with " the" or " a": those are favoured, the brackets never.
    expect(favoured(scoresAfter(["]"]))).toEqual([" the", " a"]);
    expect(favoured(scoresAfter([" a", " dog"]))).toEqual([" ran"]);
    expect(favoured(scoresAfter(["1"]))).toEqual([]);
  });

  it("gives the first line's first token its bonus before anything is written", () => {
    expect(firstLineToken(PROMPT, PIECES)).toBe(id(" the"));
    expect(favoured(scoresAfter([], { ...BIAS, firstLineBonus: 3 }))).toEqual([" the"]);
    expect(favoured(scoresAfter([]))).toEqual([]);
  });

  it("makes the answer's closer the best token where the copy reaches its line's end", () => {
    const scores = scoresAfter([" a", " dog", " ran"]);
    expect(scores[id(" [")]).toBe(Math.max(...scores));
    expect(scores[id(" [")]).toBeGreaterThan(0);
    expect(scores[id("\n")]).toBe(0);
    expect(favoured(scoresAfter([" a", " dog", " ran"], { ...BIAS, closeAtLineEnd: false }))).toEqual([]);
  });

  it("stops once the answer's closing has begun", () => {
    expect(favoured(scoresAfter([" a", " dog", " ran", " [", "2"]))).toEqual([]);
  });
});
