import type { ModelId } from "../lib/generation/decoding";
import type { Generator, LoadProgress } from "../lib/generation/generator";
import { checkModelFiles } from "./check-model-files";
import { configureRuntime, MODELS_URL } from "./configure-runtime";

type LoadMessage = { type: "progress"; progress: LoadProgress } | { type: "ready"; loadMs: number };

/**
 * A model worker's load step: the runtime configured for local files, the model's files checked (so a
 * missing model is named as such), then loaded and warmed up, with its progress and its readiness posted.
 */
export async function loadModel(
  generator: Generator,
  modelId: ModelId,
  threads: number,
  post: (message: LoadMessage) => void,
): Promise<void> {
  configureRuntime(threads);
  await checkModelFiles(MODELS_URL, modelId);
  const { loadMs } = await generator.load((progress) => post({ type: "progress", progress }));
  post({ type: "ready", loadMs });
}
