import { describe, expect, it } from "vitest";
import { exactMatch, tokenF1 } from "./token-f1";

describe("tokenF1", () => {
  it("is 1 for the same answer up to case, punctuation and articles", () => {
    expect(tokenF1("The Retrieval component!", "retrieval component")).toBe(1);
    expect(exactMatch("An Answer.", "answer")).toBe(true);
  });

  it("scores partial overlap as the harmonic mean of precision and recall", () => {
    // prediction 4 tokens, reference 2, 2 in common: P = 0.5, R = 1, F1 = 2/3.
    expect(tokenF1("rag cites its sources", "cites sources")).toBeCloseTo(2 / 3, 10);
  });

  it("counts repeated tokens only as often as the reference has them", () => {
    expect(tokenF1("yes yes yes", "yes no")).toBeCloseTo(0.4, 10);
  });

  it("is 0 with nothing in common", () => {
    expect(tokenF1("paris", "berlin")).toBe(0);
    expect(exactMatch("paris", "berlin")).toBe(false);
  });
});
