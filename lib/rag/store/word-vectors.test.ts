import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PATHS, readVectorTable } from "../../node/assets";
import { wordVectorTable } from "./word-vectors";

const meta = JSON.parse(readFileSync(PATHS.vectorWords, "utf8"));
const shipped = new Int8Array(readFileSync(PATHS.vectorData));

describe("the word-vector table", () => {
  it("loads the shipped table", () => {
    expect(readVectorTable().words.length).toBe(meta.words.length);
  });

  it("refuses a truncated table, naming the file", () => {
    expect(() => wordVectorTable(meta, shipped.subarray(0, shipped.length - 100), "vectors.bin")).toThrow(
      expect.objectContaining({ code: "INDEX_CORRUPT", detail: expect.stringContaining("vectors.bin") }),
    );
  });

  it("refuses random bytes of the right length: rows that are not unit vectors", () => {
    const random = Int8Array.from(shipped, (_, i) => ((i * 2654435761) >>> 24) - 128);
    expect(() => wordVectorTable(meta, random, "vectors.bin")).toThrow(
      expect.objectContaining({ detail: expect.stringMatching(/rows are not unit vectors/) }),
    );
    const shifted = new Int8Array(shipped.length);
    shifted.set(shipped.subarray(50), 0);
    expect(() => wordVectorTable(meta, shifted, "vectors.bin")).toThrow(
      expect.objectContaining({ code: "INDEX_CORRUPT" }),
    );
  });
});
