// Copies the ONNX Runtime Web files that Transformers.js's browser build loads into public/wasm/,
// so the app serves them itself: with remote access off nothing may come from a CDN.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
// onnxruntime-web exports no ./package.json, so locate its dist folder through an exported entry.
const distDir = dirname(require.resolve("onnxruntime-web/wasm"));
const target = join(process.cwd(), "public", "wasm");
mkdirSync(target, { recursive: true });
// The plain CPU build, not the asyncify one Transformers.js would pick (that one carries WebGPU support,
// which this app does not use): in Chromium here the plain build runs the reader's 300-token prompt in
// 140-160 ms instead of 410 ms, and a generation step in 11.5 ms instead of 13.3 ms.
for (const file of ["ort-wasm-simd-threaded.wasm", "ort-wasm-simd-threaded.mjs"]) {
  copyFileSync(join(distDir, file), join(target, file));
}
console.log(`copied ONNX Runtime Web files to ${target}`);

// TensorFlow.js's WebAssembly backend, for live fine-tuning (lib/live-fine-tune/backend.ts picks the file).
const tfjsDir = dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
const tfjsTarget = join(target, "tfjs");
mkdirSync(tfjsTarget, { recursive: true });
for (const file of [
  "tfjs-backend-wasm.wasm",
  "tfjs-backend-wasm-simd.wasm",
  "tfjs-backend-wasm-threaded-simd.wasm",
]) {
  copyFileSync(join(tfjsDir, file), join(tfjsTarget, file));
}
console.log(`copied TensorFlow.js WebAssembly files to ${tfjsTarget}`);
