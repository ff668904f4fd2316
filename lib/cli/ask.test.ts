import { beforeAll, describe, expect, it } from "vitest";
import { createError } from "../errors";
import { loadRagPipeline } from "../node/rag";
import { DEFAULT_KNOWLEDGE, type Knowledge } from "../rag/knowledge";
import type { RagPipeline } from "../rag/pipeline";
import { COVERAGE_THRESHOLD } from "../rag/settings";
import { type AskDependencies, runAsk } from "./ask";

let rag: RagPipeline;
beforeAll(async () => {
  rag = (await loadRagPipeline({ withReader: false })).pipeline;
});

function deps(overrides: Partial<AskDependencies> = {}) {
  const lines: string[] = [];
  const dependencies: AskDependencies = {
    loadRag: async () => ({ pipeline: rag, readerMissing: "no reader in this test" }),
    loadFineTuned: async () => ({ missing: "no model in this test" }),
    readFile: () => "",
    write: (line) => lines.push(line),
    ...overrides,
  };
  return { dependencies, lines };
}

describe("runAsk", () => {
  it("prints one object in the documented shape for --json", async () => {
    const { dependencies, lines } = deps();
    await runAsk(
      { pipeline: "rag", input: { kind: "json", question: "Which approach has a retrieval component?" } },
      dependencies,
    );
    expect(lines).toHaveLength(1);
    const output = JSON.parse(lines[0] ?? "");
    expect(Object.keys(output)).toEqual(["question", "knowledge", "rag", "fineTuned"]);
    expect(output.knowledge).toBe(DEFAULT_KNOWLEDGE);
    expect(output.fineTuned).toBeNull();
    expect(output.rag).toMatchObject({ abstained: false, mode: "extractive" });
    expect(Object.keys(output.rag.timings)).toEqual(["retrieveMs", "answerMs", "firstTokenMs", "totalMs"]);
    expect(Object.keys(output.rag.citations[0]).sort()).toEqual(["id", "rank", "score", "section", "text"]);
  });

  it("says why a question was declined: the rule's figures and the words no retrieved passage covers", async () => {
    const { dependencies, lines } = deps();
    await runAsk(
      { pipeline: "rag", input: { kind: "json", question: "What is prompt tuning?" } },
      dependencies,
    );
    const { rag: output } = JSON.parse(lines[0] ?? "");
    expect(output).toMatchObject({ abstained: true, declinedBy: "retrieval", citations: [] });
    expect(output.coverage).toBeLessThan(COVERAGE_THRESHOLD);
    expect(output.uncovered).toContain("prompt");
  });

  it("answers JSON Lines in input order", async () => {
    const questions = ["Who wrote the article?", "What is the capital of France?", "What is RAG?"];
    const { dependencies, lines } = deps({
      readFile: () => questions.map((question) => JSON.stringify({ question })).join("\n"),
    });
    await runAsk({ pipeline: "rag", input: { kind: "jsonl", file: "x" } }, dependencies);
    expect(lines.map((line) => JSON.parse(line).question)).toEqual(questions);
  });

  it("answers every good line of a batch and reports each bad line by its number, once", async () => {
    const reports: { line: number; stage: string; code: string }[] = [];
    const { dependencies, lines } = deps({
      readFile: () =>
        [
          '{"question":"Who wrote the article?"}',
          '{"question":""}',
          "not json",
          `{"question":"${"x".repeat(1001)}"}`,
          '{"question":"What is RAG?"}',
        ].join("\n"),
      loadFineTuned: async () => ({
        ask: async (question: string) => {
          if (question === "What is RAG?")
            throw createError("QUESTION_TOO_MANY_TOKENS", { model: "m", tokens: 9, room: 8 });
          return { answer: "ok" };
        },
      }),
    });
    const failed = await runAsk(
      { pipeline: "both", input: { kind: "jsonl", file: "x" } },
      {
        ...dependencies,
        report: ({ line, stage, error }) => reports.push({ line, stage, code: error.code }),
      },
    );
    const outputs = lines.map((line) => JSON.parse(line));
    expect(outputs).toHaveLength(5);
    expect(outputs[0]).toMatchObject({ question: "Who wrote the article?", fineTuned: { answer: "ok" } });
    expect(outputs[0].rag.citations.length).toBeGreaterThan(0);
    expect(outputs[1]).toMatchObject({
      line: 2,
      error: { code: "EMPTY_QUESTION" },
      rag: null,
      fineTuned: null,
    });
    expect(outputs[2]).toMatchObject({ line: 3, question: null, error: { code: "BAD_INPUT_LINE" } });
    expect(outputs[3]).toMatchObject({ line: 4, error: { code: "QUESTION_TOO_LONG" } });
    // One pipeline failing on a question leaves the other's answer in place.
    expect(outputs[4].rag.abstained).toBe(false);
    expect(outputs[4].fineTuned).toMatchObject({ error: { code: "QUESTION_TOO_MANY_TOKENS" } });
    expect(reports).toEqual([
      { line: 2, stage: "input", code: "EMPTY_QUESTION" },
      { line: 3, stage: "input", code: "BAD_INPUT_LINE" },
      { line: 4, stage: "input", code: "QUESTION_TOO_LONG" },
      { line: 5, stage: "fine-tuned", code: "QUESTION_TOO_MANY_TOKENS" },
    ]);
    expect(failed).toBe(4);
  });

  it("counts no failure when every line is answered", async () => {
    const { dependencies } = deps({ readFile: () => '{"question":"What is RAG?"}' });
    expect(await runAsk({ pipeline: "rag", input: { kind: "jsonl", file: "x" } }, dependencies)).toBe(0);
  });

  it("fails clearly when the fine-tuned pipeline is asked for but not built", async () => {
    const { dependencies } = deps();
    await expect(
      runAsk({ pipeline: "fine-tuned", input: { kind: "json", question: "q" } }, dependencies),
    ).rejects.toMatchObject({
      code: "PIPELINE_NOT_BUILT",
    });
  });

  it("leaves an unbuilt fine-tuned pipeline null when it was not asked for by name", async () => {
    const { dependencies, lines } = deps();
    await runAsk({ pipeline: undefined, input: { kind: "json", question: "What is RAG?" } }, dependencies);
    expect(JSON.parse(lines[0] ?? "").fineTuned).toBeNull();
  });

  it("fills fineTuned from the fine-tuned answerer and leaves rag null when only it is asked for", async () => {
    const { dependencies, lines } = deps({
      loadFineTuned: async () => ({ ask: async (question: string) => ({ answer: `echo ${question}` }) }),
    });
    await runAsk({ pipeline: "fine-tuned", input: { kind: "json", question: "hi" } }, dependencies);
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      question: "hi",
      knowledge: DEFAULT_KNOWLEDGE,
      rag: null,
      fineTuned: { answer: "echo hi" },
    });
  });

  it("defaults to extractive without a reader, and refuses an explicit generative mode", async () => {
    const { dependencies, lines } = deps();
    await runAsk({ pipeline: "rag", input: { kind: "json", question: "What is RAG?" } }, dependencies);
    expect(JSON.parse(lines[0] ?? "").rag.mode).toBe("extractive");
    await expect(
      runAsk(
        { pipeline: "rag", ragMode: "generative", input: { kind: "json", question: "What is RAG?" } },
        deps().dependencies,
      ),
    ).rejects.toMatchObject({ code: "PIPELINE_NOT_BUILT" });
  });

  it("gives both pipelines the knowledge setting asked for, and every object says which it was", async () => {
    const asked: { rag: Knowledge[]; fineTuned: Knowledge[] } = { rag: [], fineTuned: [] };
    const { dependencies, lines } = deps({
      loadRag: async (_reader, knowledge) => {
        asked.rag.push(knowledge);
        return { pipeline: rag, readerMissing: "no reader in this test" };
      },
      loadFineTuned: async (knowledge) => {
        asked.fineTuned.push(knowledge);
        return { ask: async () => ({ answer: "a" }) };
      },
      readFile: () => '{"question":"What is RAG?"}\n{"question":"Who wrote it?"}',
    });
    await runAsk(
      { pipeline: "both", knowledge: "article", input: { kind: "jsonl", file: "x" } },
      dependencies,
    );
    expect(asked).toEqual({ rag: ["article"], fineTuned: ["article"] });
    expect(lines.map((line) => JSON.parse(line).knowledge)).toEqual(["article", "article"]);
  });

  it("says the article-only fine-tuned model is not built when it is asked for, and skips it otherwise", async () => {
    const missing = { missing: "public/models/fine-tuned-article does not exist" };
    const { dependencies } = deps({ loadFineTuned: async () => missing });
    await expect(
      runAsk(
        { pipeline: "fine-tuned", knowledge: "article", input: { kind: "json", question: "q" } },
        dependencies,
      ),
    ).rejects.toMatchObject({
      code: "PIPELINE_NOT_BUILT",
      message: expect.stringContaining("fine-tuned-article"),
    });
    const skipped = deps({ loadFineTuned: async () => missing });
    await runAsk(
      { knowledge: "article", pipeline: undefined, input: { kind: "json", question: "What is RAG?" } },
      skipped.dependencies,
    );
    expect(JSON.parse(skipped.lines[0] ?? "")).toMatchObject({ knowledge: "article", fineTuned: null });
  });
});
