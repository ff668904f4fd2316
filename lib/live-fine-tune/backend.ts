import * as tf from "@tensorflow/tfjs-core";
// tfjs-core's own bundles carry no gradients: every op's gradient is registered by this import.
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

/** The three WebAssembly builds tfjs may ask for; only the SIMD one runs here (single thread, SIMD on). */
export const TFJS_WASM_FILES = [
  "tfjs-backend-wasm.wasm",
  "tfjs-backend-wasm-simd.wasm",
  "tfjs-backend-wasm-threaded-simd.wasm",
] as const;

let started: Promise<void> | null = null;

/**
 * Starts tfjs on its WebAssembly backend, single-threaded, with its .wasm files from `folder` (a same-origin
 * URL path in the page, a directory in Node). A second worker thread measured no faster on two busy cores and
 * would need its own blob-URL workers, so the threaded build is never chosen.
 */
export function startBackend(folder: string): Promise<void> {
  started ??= (async () => {
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    setWasmPaths(Object.fromEntries(TFJS_WASM_FILES.map((file) => [file, `${folder}${file}`])));
    if (!(await tf.setBackend("wasm")))
      throw new Error("The WebAssembly backend of TensorFlow.js did not start.");
    await tf.ready();
  })();
  started.catch(() => {
    started = null;
  });
  return started;
}
