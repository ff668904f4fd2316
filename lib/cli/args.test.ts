import { describe, expect, it } from "vitest";
import { parseAskArgs, parseQuestionLines } from "./args";

describe("parseAskArgs", () => {
  it("reads the pipeline and the input", () => {
    expect(parseAskArgs(["--pipeline", "rag", "--json", "What is RAG?"])).toEqual({
      pipeline: "rag",
      ragMode: undefined,
      input: { kind: "json", question: "What is RAG?" },
    });
    expect(parseAskArgs(["--jsonl", "q.jsonl", "--rag-mode", "extractive"])).toEqual({
      pipeline: undefined,
      ragMode: "extractive",
      input: { kind: "jsonl", file: "q.jsonl" },
    });
  });

  it("reads the knowledge setting, and leaves it undefined (the default) when not given", () => {
    expect(parseAskArgs(["--knowledge", "article", "--json", "q"]).knowledge).toBe("article");
    expect(parseAskArgs(["--knowledge", "article+questions", "--json", "q"]).knowledge).toBe(
      "article+questions",
    );
    expect(parseAskArgs(["--json", "q"]).knowledge).toBeUndefined();
  });

  it.each([
    [["--knowledge", "questions", "--json", "q"]],
    [["--knowledge"]],
    [[]],
    [["--pipeline", "neither", "--json", "q"]],
    [["--json"]],
    [["--json", "a", "--jsonl", "b"]],
    [["--verbose", "--json", "q"]],
    [["--rag-mode", "abstractive", "--json", "q"]],
  ])("rejects %j with BAD_ARGUMENTS", (argv) => {
    expect(() => parseAskArgs(argv)).toThrow(expect.objectContaining({ code: "BAD_ARGUMENTS" }));
  });
});

describe("parseQuestionLines", () => {
  it("takes the question of each line in order, ignoring other fields and blank lines", () => {
    expect(parseQuestionLines('{"question":"a","id":1}\n\n{"evidence":"x","question":"b"}\n')).toEqual([
      "a",
      "b",
    ]);
  });

  it.each([
    ['{"question":"a"}\nnot json', 2],
    ['{"q":"a"}', 1],
    ['["question"]', 1],
    ['{"question":3}', 1],
    ["null", 1],
  ])("names the bad line in %j", (text, line) => {
    expect(() => parseQuestionLines(text)).toThrow(new RegExp(`^Line ${line} `));
  });
});
