import { describe, expect, it } from "vitest";
import { faithfulness } from "./faithfulness";

describe("faithfulness", () => {
  it("is 1 when every content word of the answer is in the cited passages", () => {
    expect(
      faithfulness("RAG cites its sources. [1]", [
        "Transparency: RAG provides responses citing the sources it consulted.",
      ]),
    ).toBe(1);
  });

  it("is the share of answer words found in the sources", () => {
    // "rag", "uses", "gpus" -> only "rag" is in the source.
    expect(faithfulness("RAG uses GPUs", ["RAG retrieves passages."])).toBeCloseTo(1 / 3, 10);
  });

  it("is null for an answer with no content words", () => {
    expect(faithfulness("[1]", ["anything"])).toBeNull();
  });
});
