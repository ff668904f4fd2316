import { type ModelId, modelFiles } from "../lib/models/decoding";
import type { Generator, LoadProgress } from "../lib/models/generator";
import { assetStore, getAll } from "./assets";
import { configureRuntime, MODELS_URL, RUNTIME_FILES } from "./configure-runtime";

type LoadMessage = { type: "progress"; progress: LoadProgress } | { type: "ready"; loadMs: number };

/**
 * A model worker's load step: the model's files and the runtime downloaded and verified (with one progress
 * figure for all of them, the runtime included), then the model started and warmed up from those bytes.
 */
export async function loadModel(
  generator: Generator,
  modelId: ModelId,
  threads: number,
  post: (message: LoadMessage) => void,
): Promise<void> {
  const start = performance.now();
  const files = await assetStore();
  configureRuntime(files, threads);
  const paths = [
    ...modelFiles((path) => files.has(`${MODELS_URL}${modelId}/${path}`)).map(
      (path) => `${MODELS_URL}${modelId}/${path}`,
    ),
    RUNTIME_FILES.wasm,
    RUNTIME_FILES.mjs,
  ];
  await getAll(files, paths, (file, loaded, total) =>
    post({ type: "progress", progress: { status: "progress", file, loaded, total } }),
  );
  post({ type: "progress", progress: { status: "starting" } });
  await generator.load();
  files.release();
  post({ type: "ready", loadMs: Math.round(performance.now() - start) });
}
