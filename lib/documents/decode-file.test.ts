import { describe, expect, it } from "vitest";
import { decodeFile } from "./decode-file";
import { binaryReason } from "./validate-document";

const utf16 = (text: string, bigEndian: boolean) => {
  const out = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (const unit of text.split("").map((c) => c.charCodeAt(0)))
    out.push(...(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
  return new Uint8Array(out);
};

describe("decodeFile", () => {
  it("reads UTF-8, with or without its byte-order mark", () => {
    const bytes = new TextEncoder().encode("RAG retrieves; café ✓");
    expect(decodeFile(bytes)).toBe("RAG retrieves; café ✓");
    expect(decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe("RAG retrieves; café ✓");
  });

  it("reads UTF-16 files by their byte-order mark, either byte order", () => {
    expect(decodeFile(utf16("Notes: fine-tuning café", false))).toBe("Notes: fine-tuning café");
    expect(decodeFile(utf16("Notes: fine-tuning café", true))).toBe("Notes: fine-tuning café");
  });

  it("reads bytes that are not UTF-8 as Windows-1252", () => {
    // "café naïve" as a Latin-1 editor saves it: not valid UTF-8.
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]);
    expect(decodeFile(bytes)).toBe("café naïve");
  });

  it("leaves binary bytes recognisable as binary", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    expect(binaryReason(decodeFile(png))).not.toBeNull();
  });
});
