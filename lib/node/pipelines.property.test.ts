import { existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { FineTunedAnswerer } from "../cli/ask";
import { MAX_QUESTION_CHARS, validateQuestion } from "../questions/validate-question";
import type { RagPipeline } from "../rag/pipeline";
import { PATHS } from "./assets";
import { loadFineTunedAnswerer } from "./fine-tuned";
import { quietRuntime } from "./quiet-runtime";
import { loadRagPipeline } from "./rag";

const built = ["fine-tuned", "reader"].every((name) =>
  existsSync(join(PATHS.models, name, "onnx", "model_quantized.onnx")),
);

// Any Unicode up to the character limit, with long runs of the characters that cost several tokens each.
const question = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: MAX_QUESTION_CHARS }),
    fc.string({ unit: "binary", minLength: 1, maxLength: MAX_QUESTION_CHARS }),
    fc
      .tuple(fc.constantFrom("🤖", "語", "ب", "x ", "👩‍🔬", "\u0301a"), fc.integer({ min: 1, max: 1000 }))
      .map(([unit, times]) => unit.repeat(times).slice(0, MAX_QUESTION_CHARS)),
  )
  .filter((text) => {
    try {
      validateQuestion(text);
      return true;
    } catch {
      return false;
    }
  });

let rag: RagPipeline;
let fineTuned: FineTunedAnswerer;
beforeAll(async () => {
  if (!built) return;
  quietRuntime();
  rag = (await loadRagPipeline()).pipeline;
  const loaded = await loadFineTunedAnswerer();
  if ("missing" in loaded) throw new Error(loaded.missing);
  fineTuned = loaded;
}, 120_000);

describe.runIf(built)("both pipelines in Node, on any valid question", () => {
  it("never throw: a question too long for a model's context is refused with a reason instead", async () => {
    await fc.assert(
      fc.asyncProperty(question, async (text) => {
        const extractive = await rag.ask(text, { mode: "extractive" });
        const generative = await rag.ask(text, { mode: "generative" });
        const answer = (await fineTuned.ask(text)) as { answer: string; refusal?: { code: string } };
        expect(typeof extractive.answer).toBe("string");
        if (generative.declinedBy === "question-length") expect(generative.citations).toEqual([]);
        if (answer.refusal) {
          expect(answer.refusal.code).toBe("QUESTION_TOO_MANY_TOKENS");
          expect(answer.answer).toBe("");
        }
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it("keep answering normally after refusing an over-long question", async () => {
    const refused = (await fineTuned.ask("🤖".repeat(400))) as { refusal?: { code: string } };
    expect(refused.refusal?.code).toBe("QUESTION_TOO_MANY_TOKENS");
    const next = (await fineTuned.ask("Who wrote the article?")) as { answer: string };
    expect(next.answer).toMatch(/Aqsa Zafar/);
  });
});
