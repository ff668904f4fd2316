import { existsSync } from "node:fs";
import { join } from "node:path";
import { env } from "@huggingface/transformers";
import type { FineTunedAnswerer } from "../cli/ask";
import { FINE_TUNED_GENERATION } from "../fine-tuned/generation";
import { formatPrompt } from "../fine-tuned/prompt";
import { type ModelId, REQUIRED_MODEL_FILES } from "../models/decoding";
import { createGenerator } from "../models/generator";
import { DEFAULT_KNOWLEDGE, KNOWLEDGE_ASSETS, type Knowledge } from "../rag/knowledge";
import { PATHS } from "./assets";

/** The files a model lacks, or an empty list when it is complete. */
export function missingModelFiles(modelId: ModelId, root: string = PATHS.models): string[] {
  return REQUIRED_MODEL_FILES.filter((file) => !existsSync(join(root, modelId, file)));
}

/** Points Transformers.js at this repository's models; nothing is ever fetched from a hub. */
export function configureLocalModels(root: string = PATHS.models): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${root}/`;
  env.useBrowserCache = false;
}

/**
 * The fine-tuned panel in Node for what it was given (knowledge.ts: the article alone, or the article and the
 * written questions): load once, answer each question with the CLI's documented fields.
 */
export async function loadFineTunedAnswerer(
  root: string = PATHS.models,
  knowledge: Knowledge = DEFAULT_KNOWLEDGE,
): Promise<FineTunedAnswerer | { missing: string }> {
  const modelId = KNOWLEDGE_ASSETS[knowledge].fineTunedModel;
  const missing = missingModelFiles(modelId, root);
  if (missing.length > 0) {
    const folder = existsSync(join(root, modelId)) ? "lacks" : "does not exist; it needs";
    return {
      missing: `public/models/${modelId} (knowledge "${knowledge}") ${folder} ${missing.join(", ")}; run \`npm run train\``,
    };
  }
  configureLocalModels(root);
  const generator = createGenerator(modelId, FINE_TUNED_GENERATION);
  const { loadMs } = await generator.load();
  let first = true;
  return {
    async ask(question: string) {
      const result = await generator.generate(formatPrompt(question));
      // The load is paid once; it is reported with the first answer, which is the one that waited for it.
      const load = first ? loadMs : 0;
      first = false;
      return {
        answer: result.answer,
        ...(result.refusal ? { refusal: result.refusal } : {}),
        timings: {
          loadMs: load,
          firstTokenMs: result.timings.firstTokenMs,
          generateMs: result.timings.generateMs,
          totalMs: Math.round((load + result.timings.totalMs) * 1000) / 1000,
        },
        tokensPerSecond: result.tokensPerSecond,
      };
    },
  };
}
