import { env } from "@huggingface/transformers";
import type { AssetStore } from "../lib/assets/asset-store";

export const MODELS_URL = "/models/";

/** ONNX Runtime's WebAssembly build, served by the app itself (copied from node_modules at install). */
export const RUNTIME_FILES = {
  mjs: "/wasm/ort-wasm-simd-threaded.mjs",
  wasm: "/wasm/ort-wasm-simd-threaded.wasm",
} as const;

/**
 * Everything is served by the app itself: no hub, no CDN. Transformers.js reads the model files and the runtime
 * through the worker's verified files (its custom cache), never from the network or its own browser cache, so
 * a damaged download can never be kept and reused. `threads` above 1 needs cross-origin isolation.
 */
export function configureRuntime(files: AssetStore, threads = 1): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODELS_URL;
  env.useBrowserCache = false;
  env.useCustomCache = true;
  env.customCache = files.transformersCache;
  // The runtime's files also come through the custom cache, even where the Cache API is unavailable.
  env.useWasmCache = true;
  const wasm = env.backends.onnx.wasm;
  if (!wasm) return;
  wasm.wasmPaths = { ...RUNTIME_FILES };
  wasm.numThreads = self.crossOriginIsolated && threads > 1 ? threads : 1;
}
