import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PATHS } from "./assets";
import { loadFineTunedAnswerer, missingModelFiles } from "./fine-tuned";

const shipped = join(PATHS.models, "fine-tuned");

describe("the fine-tuned model in Node", () => {
  it("is shipped complete", () => {
    expect(missingModelFiles("fine-tuned")).toEqual([]);
  });

  it.runIf(existsSync(shipped))("answers through Transformers.js with timings and speed", async () => {
    const answerer = await loadFineTunedAnswerer();
    if ("missing" in answerer) throw new Error(answerer.missing);
    const first = (await answerer.ask("What is retrieval augmented generation?")) as {
      answer: string;
      timings: { loadMs: number; firstTokenMs: number; generateMs: number; totalMs: number };
      tokensPerSecond: number;
    };
    expect(typeof first.answer).toBe("string");
    expect(first.answer).not.toContain("<|endoftext|>");
    expect(first.timings.loadMs).toBeGreaterThan(0);
    expect(first.timings.totalMs).toBeGreaterThanOrEqual(first.timings.generateMs);
    expect(first.tokensPerSecond).toBeGreaterThan(0);
    const again = (await answerer.ask("What is retrieval augmented generation?")) as {
      answer: string;
      timings: { loadMs: number };
    };
    // Greedy decoding: the same question gets the same answer; the load is paid once.
    expect(again.answer).toBe(first.answer);
    expect(again.timings.loadMs).toBe(0);
  });

  it("looks for the article-only model in its own folder, and says so when it is not built", async () => {
    const root = mkdtempSync(join(tmpdir(), "models-"));
    cpSync(shipped, join(root, "fine-tuned"), { recursive: true });
    expect(await loadFineTunedAnswerer(root, "article")).toEqual({
      missing: expect.stringMatching(
        /^public\/models\/fine-tuned-article \(knowledge "article"\) does not exist/,
      ),
    });
  });

  it("reports missing files by name", async () => {
    const empty = mkdtempSync(join(tmpdir(), "models-"));
    const result = await loadFineTunedAnswerer(empty);
    expect(result).toEqual({ missing: expect.stringContaining("onnx/model_quantized.onnx") });
  });

  it.runIf(existsSync(shipped))("reports a corrupt model file as MODEL_CORRUPT", async () => {
    const root = mkdtempSync(join(tmpdir(), "models-"));
    cpSync(shipped, join(root, "fine-tuned"), { recursive: true });
    writeFileSync(join(root, "fine-tuned", "onnx", "model_quantized.onnx"), "not an onnx model");
    await expect(loadFineTunedAnswerer(root)).rejects.toMatchObject({ code: "MODEL_CORRUPT" });
  });
});
