import { describe, expect, it } from "vitest";
import { buildExamples, makeBatch, PAIR_LIMITS } from "./examples";
import type { TextCodec } from "./tokenizer";

// One token per character, so lengths are easy to reason about.
const codec: TextCodec = {
  encode: (text) => Array.from(text, (ch) => ch.charCodeAt(0) % 100),
  decode: (ids) => String.fromCharCode(...ids),
};
const EOS = 99;

describe("buildExamples", () => {
  it("tokenizes the prompt and the answer apart, the answer ending in end-of-text", () => {
    const built = buildExamples([{ question: " Q? ", answer: "A." }], codec, EOS);
    if ("error" in built) throw new Error(built.error);
    const [example] = built.examples;
    expect(example?.prompt).toEqual(codec.encode("Question: Q?\nAnswer:"));
    expect(example?.answer).toEqual([...codec.encode(" A."), EOS]);
  });

  it("drops empty rows and names what is wrong with the others", () => {
    expect(buildExamples([{ question: "", answer: "" }], codec, EOS)).toEqual({
      error: "Write at least one question and its answer.",
    });
    expect(buildExamples([{ question: "Q?", answer: "" }], codec, EOS)).toMatchObject({
      error: /Pair 1 needs/,
    });
    const long = "x".repeat(PAIR_LIMITS.maxAnswerTokens);
    expect(buildExamples([{ question: "Q?", answer: long }], codec, EOS)).toMatchObject({
      error: /at most 48/,
    });
    const many = Array.from({ length: PAIR_LIMITS.maxPairs + 1 }, () => ({ question: "q", answer: "a" }));
    expect(buildExamples(many, codec, EOS)).toMatchObject({ error: /At most/ });
  });
});

describe("makeBatch", () => {
  it("pads to the longest example and points each answer token at the position before it", () => {
    const batch = makeBatch(
      [
        { prompt: [1, 2], answer: [3, EOS] },
        { prompt: [4], answer: [5, 6, EOS] },
      ],
      EOS,
    );
    expect(batch).toMatchObject({ size: 2, length: 4, tokens: 8 });
    expect([...batch.ids]).toEqual([1, 2, 3, EOS, 4, 5, 6, EOS]);
    expect([...batch.rows]).toEqual([1, 2, 4, 5, 6]);
    expect([...batch.targets]).toEqual([3, EOS, 5, 6, EOS]);
    expect([...batch.owner]).toEqual([0, 0, 1, 1, 1]);
  });
});
