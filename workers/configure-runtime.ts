import { env } from "@huggingface/transformers";

export const MODELS_URL = "/models/";

/**
 * Everything is served by the app itself: no hub, no CDN. Both model workers call this before loading.
 * `threads` above 1 needs cross-origin isolation (SharedArrayBuffer); the benchmark compares the two.
 */
export function configureRuntime(threads = 1): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODELS_URL;
  const wasm = env.backends.onnx.wasm;
  if (!wasm) return;
  wasm.wasmPaths = {
    mjs: "/wasm/ort-wasm-simd-threaded.mjs",
    wasm: "/wasm/ort-wasm-simd-threaded.wasm",
  };
  wasm.numThreads = self.crossOriginIsolated && threads > 1 ? threads : 1;
}
