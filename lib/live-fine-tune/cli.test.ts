import { describe, expect, it } from "vitest";
import { parseFineTuneLiveArgs, parsePairLines } from "./cli";

describe("fine-tune-live's arguments", () => {
  it("needs --pairs, takes --ask and a known --setting", () => {
    expect(parseFineTuneLiveArgs(["--pairs", "p.jsonl"])).toEqual({
      pairs: "p.jsonl",
      ask: undefined,
      setting: "full",
    });
    expect(parseFineTuneLiveArgs(["--ask", "a", "--pairs", "p", "--setting", "lora"])).toEqual({
      pairs: "p",
      ask: "a",
      setting: "lora",
    });
    expect(() => parseFineTuneLiveArgs([])).toThrow("usage");
    expect(() => parseFineTuneLiveArgs(["--pairs", "p", "--setting", "huge"])).toThrow("unknown setting");
    expect(() => parseFineTuneLiveArgs(["--pairs"])).toThrow("needs a value");
  });

  it("reads JSON lines of pairs, an answer needed only for training", () => {
    const text = '{"question": "Q1?", "answer": "A1."}\n\n{"question": "Q2?"}\n';
    expect(parsePairLines(text, false)).toEqual([
      { question: "Q1?", answer: "A1." },
      { question: "Q2?", answer: "" },
    ]);
    expect(() => parsePairLines(text, true)).toThrow("line 3");
    expect(() => parsePairLines("not json", false)).toThrow("line 1");
  });
});
