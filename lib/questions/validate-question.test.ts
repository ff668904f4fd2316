import { describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS, validateQuestion } from "./validate-question";

describe("validateQuestion", () => {
  it("normalises Unicode, drops zero-width characters and collapses spaces", () => {
    expect(validateQuestion("  What\u200b is\n\n RAG?  ")).toBe("What is RAG?");
    expect(validateQuestion("cafe\u0301")).toBe("café");
  });

  it("rejects empty and whitespace-only questions", () => {
    for (const empty of ["", "   ", "\u200b\u200b", "\n\t"]) {
      expect(() => validateQuestion(empty)).toThrow(expect.objectContaining({ code: "EMPTY_QUESTION" }));
    }
  });

  it("counts characters, not UTF-16 units, against the limit", () => {
    expect(validateQuestion("😀".repeat(MAX_QUESTION_CHARS))).toHaveLength(MAX_QUESTION_CHARS * 2);
    expect(() => validateQuestion("a".repeat(MAX_QUESTION_CHARS + 1))).toThrow(
      expect.objectContaining({ code: "QUESTION_TOO_LONG" }),
    );
  });

  it("keeps right-to-left text and markup as plain text", () => {
    expect(validateQuestion("ما هو RAG؟")).toBe("ما هو RAG؟");
    expect(validateQuestion("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });
});
