import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PATHS } from "./assets";
import { missingModelFiles } from "./fine-tuned";
import { loadRagPipeline } from "./rag";

const shipped = join(PATHS.models, "reader");

describe("the reader model in Node (generative RAG)", () => {
  it("is shipped complete", () => {
    expect(missingModelFiles("reader")).toEqual([]);
  });

  it.runIf(existsSync(shipped))("generates from the retrieved passages through Transformers.js", async () => {
    const { pipeline, readerMissing, readerLoadMs } = await loadRagPipeline();
    expect(readerMissing).toBeNull();
    expect(readerLoadMs).toBeGreaterThan(0);
    const tokens: string[] = [];
    const result = await pipeline.ask("Which approach has a retrieval component?", {
      mode: "generative",
      onToken: (text) => tokens.push(text),
    });
    expect(result.mode).toBe("generative");
    expect(result.prompt).toContain("Question: Which approach has a retrieval component?\nAnswer:");
    expect(result.generation?.tokens).toBeGreaterThan(0);
    expect(result.generation?.promptTokens).toBeGreaterThan(0);
    expect(tokens.length).toBeGreaterThan(0);
    expect(result.timings.firstTokenMs).toBeLessThanOrEqual(result.timings.answerMs);
    // Retrieval accepted the question, and the reader may not open with a decline: it answers, with a
    // marker, from the passages it was handed.
    expect(result.abstained).toBe(false);
    expect(result.answer).toMatch(/\[[1-3]\]/);
    expect(result.citations.length).toBeGreaterThan(0);
    expect(result.faithfulness).toBeGreaterThan(0);
  });

  it("reports a missing reader by name, and the pipeline still answers extractively", async () => {
    const empty = mkdtempSync(join(tmpdir(), "models-"));
    const { pipeline, readerMissing } = await loadRagPipeline({ root: empty });
    expect(readerMissing).toContain("onnx/model_quantized.onnx");
    const result = await pipeline.ask("Which approach has a retrieval component?", { mode: "generative" });
    expect(result.mode).toBe("extractive");
  });
});
