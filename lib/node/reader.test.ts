import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CURATED_QUESTIONS } from "../questions/question-sets";
import { letterWords } from "../text/letter-words";
import { stripMarkers } from "../text/markers";
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

  // What a class sees when it switches to generative answers: copies that read as the sources read. Word
  // pairs of the answer found side by side in its citations or the question catch a garbled copy ("Ph.Discussed
  // 'such", "super-up For LLM") that the word mask alone lets through, and a loop ("more more more").
  it.runIf(existsSync(shipped))(
    "answers the curated questions with clean copies of its sources",
    async () => {
      const { pipeline } = await loadRagPipeline();
      const shares: number[] = [];
      for (const question of CURATED_QUESTIONS) {
        const result = await pipeline.ask(question, { mode: "generative" });
        if (result.abstained || result.declinedBy !== null) continue;
        const source = letterWords(`${result.citations.map((c) => c.text).join(" ")} ${question}`);
        const pairs = new Set(source.slice(1).map((word, k) => `${source[k]} ${word}`));
        const words = letterWords(stripMarkers(result.answer));
        const written = words.slice(1).map((word, k) => `${words[k]} ${word}`);
        if (written.length === 0) continue;
        const share = written.filter((pair) => pairs.has(pair)).length / written.length;
        expect(share, `${question} -> ${result.answer}`).toBeGreaterThanOrEqual(0.85);
        expect(result.flagged, question).toBe(false);
        shares.push(share);
      }
      expect(shares.length).toBeGreaterThanOrEqual(15);
      expect(shares.reduce((sum, x) => sum + x, 0) / shares.length).toBeGreaterThanOrEqual(0.97);
    },
  );

  it("reports a missing reader by name, and the pipeline still answers extractively", async () => {
    const empty = mkdtempSync(join(tmpdir(), "models-"));
    const { pipeline, readerMissing } = await loadRagPipeline({ root: empty });
    expect(readerMissing).toContain("onnx/model_quantized.onnx");
    const result = await pipeline.ask("Which approach has a retrieval component?", { mode: "generative" });
    expect(result.mode).toBe("extractive");
  });
});
