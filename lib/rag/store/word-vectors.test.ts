import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gunzip } from "../../assets/gunzip";
import { PATHS, readVectorTable } from "../../node/assets";
import { unpackWordVectorTable, wordVectorTable } from "./word-vectors";

const meta = JSON.parse(readFileSync(PATHS.vectorWords, "utf8"));
const gzipped = new Uint8Array(readFileSync(PATHS.vectorData));
const shipped = new Int8Array((await gunzip(gzipped)).buffer);

describe("the word-vector table", () => {
  it("loads the shipped table, unpacked from its gzip file", async () => {
    expect(shipped.length).toBe(meta.dimensions * meta.words.length);
    expect((await readVectorTable()).words.length).toBe(meta.words.length);
  });

  it("refuses a truncated table, naming the file", () => {
    expect(() => wordVectorTable(meta, shipped.subarray(0, shipped.length - 100), "vectors.bin")).toThrow(
      expect.objectContaining({ code: "INDEX_CORRUPT", detail: expect.stringContaining("vectors.bin") }),
    );
  });

  it("refuses a gzip file cut short, and a whole gzip file of the wrong table", async () => {
    await expect(
      unpackWordVectorTable(meta, gzipped.slice(0, gzipped.length / 2), "vectors.bin.gz"),
    ).rejects.toMatchObject({
      code: "INDEX_CORRUPT",
      detail: expect.stringMatching(/vectors\.bin\.gz: not a whole gzip/),
    });
    const shortTable = new Uint8Array(gzipSync(shipped.subarray(0, shipped.length - 100)));
    await expect(unpackWordVectorTable(meta, shortTable, "vectors.bin.gz")).rejects.toMatchObject({
      code: "INDEX_CORRUPT",
      detail: expect.stringContaining("bytes where"),
    });
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
