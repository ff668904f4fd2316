import * as ort from "onnxruntime-web/wasm";
import { createOrtEncoderSession, type EncoderSession } from "../lib/rag/store/encoder";

/**
 * The learned retriever's model (lib/rag/store/encoder.ts) in the search worker: ONNX Runtime Web's CPU
 * WebAssembly build, the same files the reader loads (public/wasm/, copied at install), one thread. The model is
 * a few hundred kilobytes; a question's vector takes about a millisecond (docs/retrieval.md).
 */
export async function createWebEncoderSession(model: ArrayBuffer, file: string): Promise<EncoderSession> {
  ort.env.wasm.wasmPaths = {
    mjs: "/wasm/ort-wasm-simd-threaded.mjs",
    wasm: "/wasm/ort-wasm-simd-threaded.wasm",
  };
  ort.env.wasm.numThreads = 1;
  return createOrtEncoderSession(
    ort,
    () =>
      ort.InferenceSession.create(new Uint8Array(model), {
        executionProviders: ["wasm"],
        // The int8 weights are folded into float weights once, at load (lib/models/decoding.ts).
        extra: { session: { disable_quant_qdq: "1" } },
      }),
    file,
  );
}
