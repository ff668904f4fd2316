import { describe, expect, it } from "vitest";
import { attributedRanks, withCitations } from "./attribution";

const lines = [
  { rank: 1, text: "Retrieval augmented generation looks documents up before answering." },
  { rank: 2, text: "Fine-tuning retrains the model on labeled examples." },
  { rank: 1, text: "Fine-tuning needs labeled data and compute." },
];

describe("attribution of a generated answer", () => {
  it("cites the passage of the line holding most of the answer's words, whatever marker the reader wrote", () => {
    expect(attributedRanks("Fine-tuning retrains the model on examples. [1]", lines)).toEqual([2]);
  });

  it("adds a further passage only when it backs enough of the words left", () => {
    expect(attributedRanks("Retrieval looks documents up; fine-tuning retrains the model.", lines)).toEqual([
      1, 2,
    ]);
    expect(attributedRanks("Retrieval looks documents up before answering with compute.", lines)).toEqual([
      1,
    ]);
  });

  it("cites nothing for an answer whose content words are in no line", () => {
    expect(attributedRanks("Penguins juggle.", lines)).toEqual([]);
  });

  it("rewrites the markers", () => {
    expect(withCitations("An answer. [3]", [2, 1])).toBe("An answer. [2] [1]");
    expect(withCitations("An answer.", [])).toBe("An answer.");
  });
});
