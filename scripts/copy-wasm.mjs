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
for (const file of ["ort-wasm-simd-threaded.asyncify.wasm", "ort-wasm-simd-threaded.asyncify.mjs"]) {
  copyFileSync(join(distDir, file), join(target, file));
}
console.log(`copied ONNX Runtime Web files to ${target}`);
