import { describe, expect, it } from "vitest";
import {
  apostrophePieces,
  CONTRACTION_PIECES,
  createWordMask,
  dropUnfinished,
  tokenShapes,
} from "./word-mask";

// A toy vocabulary of GPT-2-style pieces (a leading space starts a word).
const PIECES = [
  " re",
  "trie",
  "val",
  " pine",
  "apple",
  " [",
  "1",
  "]",
  ".",
  " the",
  "-",
  "<|end|>",
  "al",
  " ret",
];
const END = PIECES.indexOf("<|end|>");
const shapes = tokenShapes(PIECES);

/** The pieces the mask allows after the ids written so far. */
function allowed(words: string[], written: string[]): string[] {
  const mask = createWordMask(shapes, new Set(words), [END]);
  const ids = written.map((p) => BigInt(PIECES.indexOf(p)));
  mask([[]], { data: new Float32Array(PIECES.length), dims: [1, PIECES.length] });
  const logits = { data: new Float32Array(PIECES.length), dims: [1, PIECES.length] };
  mask([ids], logits);
  return PIECES.filter((_, id) => Number.isFinite((logits.data as Float32Array)[id]));
}

describe("the word mask", () => {
  it("allows only pieces that begin or continue a word of the vocabulary", () => {
    const ok = allowed(["retrieval", "the"], []);
    expect(ok).toEqual(expect.arrayContaining([" re", " the", " ret", " [", "1", "]", ".", "<|end|>"]));
    expect(ok).not.toContain(" pine");
  });

  it("follows the word being written and ends it only when whole", () => {
    const ok = allowed(["retrieval", "the"], [" re"]);
    expect(ok).toContain("trie");
    expect(ok).not.toContain("val");
    // "re" is no word: neither punctuation nor the end may close it.
    expect(ok).not.toContain(".");
    expect(ok).not.toContain("<|end|>");
    const done = allowed(["retrieval", "the"], [" re", "trie", "val"]);
    expect(done).toContain(".");
    expect(done).toContain("<|end|>");
    expect(done).not.toContain("al");
  });

  it("never masks markers, digits or punctuation between words", () => {
    const ok = allowed(["the"], [" the"]);
    expect(ok).toEqual(expect.arrayContaining([" [", "1", "]", ".", "-", "<|end|>"]));
  });
});

describe("contraction pieces", () => {
  it("are written only right after an apostrophe", () => {
    const pieces = [" it", "'", "s", " s", " sources", "’s", ".", "<|end|>"];
    const shapes = tokenShapes(pieces);
    const end = pieces.indexOf("<|end|>");
    const allowedAfter = (written: string[], apostrophe = CONTRACTION_PIECES as ReadonlySet<string>) => {
      const mask = createWordMask(shapes, new Set(["it", "s", "sources"]), [end], apostrophe);
      mask([[]], { data: new Float32Array(pieces.length), dims: [1, pieces.length] });
      const logits = { data: new Float32Array(pieces.length), dims: [1, pieces.length] };
      mask([written.map((p) => BigInt(pieces.indexOf(p)))], logits);
      return pieces.filter((_, id) => Number.isFinite((logits.data as Float32Array)[id]));
    };
    expect(allowedAfter([" it", "'", "s"])).toContain(".");
    expect(allowedAfter([" it"])).toContain("’s");
    // " s" may start "sources", but may not end as a word of its own.
    expect(allowedAfter([" s"])).not.toContain(".");
    expect(allowedAfter([" s"])).not.toContain("<|end|>");
    // Where the sources write the piece alone ("Ph.D.", "Plan B's"), it may stand alone.
    expect(allowedAfter([" s"], apostrophePieces("Vitamin S. It's here."))).toContain(".");
  });

  it("must follow an apostrophe unless the text writes them alone", () => {
    expect(apostrophePieces("It’s done, isn't it?")).toEqual(CONTRACTION_PIECES);
    const phd = apostrophePieces("Machine Learning Ph.D. scholar; we'll see.");
    expect(phd.has("d")).toBe(false);
    expect(phd.has("ll")).toBe(true);
  });
});

describe("an answer cut by the token budget", () => {
  it("loses its unfinished word and marker", () => {
    const words = new Set(["large", "corpora"]);
    expect(dropUnfinished("Large corpora; L", words)).toBe("Large corpora;");
    expect(dropUnfinished("Large corpora. [1", words)).toBe("Large corpora.");
    expect(dropUnfinished("Large corpora", words)).toBe("Large corpora");
  });
});
