import { describe, expect, it } from "vitest";
import { inventedWords } from "./invented-words";

const common = new Set(["task", "performance", "fine", "tuning", "the", "is", "a", "well", "known"]);
const isCommon = (word: string) => common.has(word);

describe("inventedWords", () => {
  it("finds a word that is in neither the passages, the question nor the common words", () => {
    expect(
      inventedWords(
        "Task-Typeificentiance: fine-tuning is a performance. [1]",
        ["Task-Specific Performance"],
        "why?",
        isCommon,
      ),
    ).toEqual(["typeificentiance"]);
  });

  it("accepts words copied from the passages or the question, and common words, whatever their case", () => {
    expect(
      inventedWords(
        "Retrieval Augmented Generation is well-known.",
        ["retrieval augmented"],
        "What is GENERATION?",
        isCommon,
      ),
    ).toEqual([]);
  });

  it("reports each invented word once, and ignores markers and digits", () => {
    expect(inventedWords("Zorbly zorbly 42 [2]", [], "", isCommon)).toEqual(["zorbly"]);
  });
});
