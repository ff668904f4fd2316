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

  it("says the question is missing when a flag stands where it belongs", () => {
    expect(() => parseAskArgs(["--json", "--pipeline", "rag", "What is RAG?"])).toThrow(
      /--json needs its question right after it/,
    );
    expect(() => parseAskArgs(["--jsonl", "--knowledge", "article"])).toThrow(/--jsonl needs its file/);
  });
});

describe("parseQuestionLines", () => {
  it("takes the question of each line with its line number, ignoring other fields and blank lines", () => {
    expect(parseQuestionLines('{"question":"a","id":1}\n\n{"evidence":"x","question":"b"}\n')).toEqual([
      { line: 1, question: "a" },
      { line: 3, question: "b" },
    ]);
  });

  it("accepts a UTF-8 byte-order mark and Windows line ends", () => {
    expect(parseQuestionLines('\uFEFF{"question":"a"}\r\n{"question":"b"}\r\n')).toEqual([
      { line: 1, question: "a" },
      { line: 2, question: "b" },
    ]);
  });

  it.each([
    ['{"question":"a"}\nnot json', 2],
    ['{"q":"a"}', 1],
    ['["question"]', 1],
    ['{"question":3}', 1],
    ["null", 1],
  ])("reports the bad line in %j by its number, keeping the good ones", (text, line) => {
    const lines = parseQuestionLines(text);
    const bad = lines.find((entry) => "error" in entry);
    expect(bad).toMatchObject({ line, question: null, error: { code: "BAD_INPUT_LINE" } });
    expect(bad && "error" in bad ? bad.error.message : "").toMatch(new RegExp(`^line ${line}: `));
    expect(lines.filter((entry) => !("error" in entry)).map((entry) => entry.question)).toEqual(
      text.startsWith('{"question":"a"}') ? ["a"] : [],
    );
  });
});
