import { describe, expect, it } from "vitest";
import { DOCUMENT_LIMITS, validateDocument } from "./validate-document";

describe("validateDocument", () => {
  it("normalises the title and line ends", () => {
    expect(validateDocument({ id: "d", title: "  My\n notes ", text: "a\r\nb" }, 0)).toEqual({
      id: "d",
      title: "My notes",
      text: "a\nb",
    });
    expect(validateDocument({ id: "d", title: "", text: "x" }, 0).title).toBe("Untitled document");
  });

  it("rejects empty, over-long and one-too-many documents with coded errors", () => {
    expect(() => validateDocument({ id: "d", title: "t", text: " \n " }, 0)).toThrow(
      expect.objectContaining({ code: "EMPTY_DOCUMENT" }),
    );
    expect(() =>
      validateDocument({ id: "d", title: "t", text: "x".repeat(DOCUMENT_LIMITS.maxCharacters + 1) }, 0),
    ).toThrow(expect.objectContaining({ code: "DOCUMENT_TOO_LARGE" }));
    expect(() => validateDocument({ id: "d", title: "t", text: "x" }, DOCUMENT_LIMITS.maxDocuments)).toThrow(
      expect.objectContaining({ code: "TOO_MANY_DOCUMENTS" }),
    );
  });
});
