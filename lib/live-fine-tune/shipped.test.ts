import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FINE_TUNED_GENERATION } from "../fine-tuned/generation";
import { formatPrompt } from "../fine-tuned/prompt";
import { createGenerator } from "../models/generator";
import { configureLocalModels } from "../node/fine-tuned";
import { generateAnswer } from "./generate";
import { createLiveModel, disposeLiveModel } from "./model";
import { loadShippedInNode, SHIPPED_MODEL_DIR } from "./node";
import { parameterCount } from "./onnx-weights";
import { SHIPPED_FILES, type ShippedModel } from "./shipped";

const present = existsSync(join(SHIPPED_MODEL_DIR, SHIPPED_FILES.onnx));
const QUESTIONS = [
  "What is retrieval augmented generation?",
  "Who wrote the article?",
  "What is the capital of France?",
];

describe.runIf(present)("the shipped model, dequantized in tfjs", () => {
  let shipped: ShippedModel;
  beforeAll(async () => {
    shipped = await loadShippedInNode();
  });

  it("has every GPT-2 weight of the int8 ONNX file", () => {
    expect(parameterCount(shipped.weights)).toBe(4_339_200);
    expect(shipped.weights["h.3.mlp.c_proj.weight"]?.shape).toEqual([1024, 256]);
  });

  it("tokenizes as Transformers.js does and reproduces its greedy answers", async () => {
    configureLocalModels();
    const reference = createGenerator("fine-tuned", FINE_TUNED_GENERATION);
    const model = createLiveModel(shipped.config, shipped.weights);
    for (const question of QUESTIONS) {
      const expected = await reference.generate(formatPrompt(question));
      const live = await generateAnswer(model, shipped.codec, question);
      expect(live.promptTokens).toBe(expected.promptTokens);
      expect(live.answer).toBe(expected.answer);
    }
    disposeLiveModel(model);
  });
});
