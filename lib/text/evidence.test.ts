import { describe, expect, it } from "vitest";
import { containsEvidence } from "./evidence";

describe("containsEvidence", () => {
  it("ignores case, punctuation and curly quotes", () => {
    expect(
      containsEvidence(
        "It’s like having Google, but way smarter.",
        "it's like having google but way smarter",
      ),
    ).toBe(true);
  });

  it("matches a table row's evidence against the row re-stated with its columns", () => {
    expect(
      containsEvidence(
        "Retrieval Component: RAG: Yes; Fine-Tuning LLM: No",
        "Retrieval Component | Yes | No |",
      ),
    ).toBe(true);
  });

  it("does not match words out of order outside tables", () => {
    expect(containsEvidence("smarter way but Google", "Google but way smarter")).toBe(false);
    expect(containsEvidence("anything", "")).toBe(false);
  });
});
