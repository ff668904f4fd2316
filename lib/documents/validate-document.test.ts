import { describe, expect, it } from "vitest";
import { binaryReason, DOCUMENT_LIMITS, distinctTitle, validateDocument } from "./validate-document";

describe("validateDocument", () => {
  it("normalises the title and line ends", () => {
    expect(validateDocument({ id: "d", title: "  My\n notes ", text: "a\r\nb" })).toEqual({
      id: "d",
      title: "My notes",
      text: "a\nb",
    });
    expect(validateDocument({ id: "d", title: "", text: "x" }).title).toBe("Untitled document");
  });

  it("joins words a soft hyphen split and parts words a zero-width space parts, as search reads them", () => {
    const pasted = {
      id: "d",
      title: "Re\u00ADtrieval\u200Bnotes",
      text: "Dense retri\u00ADeval\u200Bhelps.\uFEFF",
    };
    expect(validateDocument(pasted)).toEqual({
      id: "d",
      title: "Retrieval notes",
      text: "Dense retrieval helps.",
    });
  });

  it("rejects empty, over-long and binary documents with coded errors naming them", () => {
    expect(() => validateDocument({ id: "d", title: "t", text: " \n " })).toThrow(
      expect.objectContaining({ code: "EMPTY_DOCUMENT", message: expect.stringContaining('"t"') }),
    );
    expect(() =>
      validateDocument({ id: "d", title: "t", text: "x".repeat(DOCUMENT_LIMITS.maxCharacters + 1) }),
    ).toThrow(expect.objectContaining({ code: "DOCUMENT_TOO_LARGE" }));
    expect(() =>
      validateDocument({ id: "d", title: "photo.txt", text: "PNG\u0000\u0001\u0002IHDR" }),
    ).toThrow(
      expect.objectContaining({ code: "DOCUMENT_NOT_TEXT", message: expect.stringContaining("photo.txt") }),
    );
  });
});

describe("binaryReason", () => {
  it("finds NUL characters and text decoded from binary bytes", () => {
    expect(binaryReason("a\u0000b")).toMatch(/NUL/);
    const decodedBinary = new TextDecoder().decode(
      Uint8Array.from({ length: 400 }, (_, i) => 1 + ((i * 37) % 255)),
    );
    expect(binaryReason(decodedBinary)).toMatch(/control or undecodable/);
  });

  it("accepts ordinary text in any script, with tabs, form feeds and the odd stray character", () => {
    expect(binaryReason("Tabs\tand\nlines\fand émoji 🤖 and العربية and 中文")).toBeNull();
    expect(binaryReason(`${"word ".repeat(200)}\uFFFD`)).toBeNull();
  });
});

describe("distinctTitle", () => {
  it("numbers a title that is taken, and leaves a new one alone", () => {
    expect(distinctTitle("Notes", [])).toBe("Notes");
    expect(distinctTitle("Notes", ["Notes"])).toBe("Notes (2)");
    expect(distinctTitle("Notes", ["Notes", "Notes (2)"])).toBe("Notes (3)");
  });
});
