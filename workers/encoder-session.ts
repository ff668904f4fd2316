import * as ort from "onnxruntime-web/wasm";
import { createError } from "../lib/errors";
import type { EncoderSession } from "../lib/rag/store/encoder";

/**
 * The learned retriever's model (lib/retrieval/encoder.ts) in the search worker: ONNX Runtime Web's CPU
 * WebAssembly build, the same files the reader loads (public/wasm/, copied at install), one thread. The model is
 * a few hundred kilobytes; a question's vector takes about a millisecond (docs/retrieval.md).
 */
export async function createWebEncoderSession(model: ArrayBuffer, file: string): Promise<EncoderSession> {
  ort.env.wasm.wasmPaths = {
    mjs: "/wasm/ort-wasm-simd-threaded.mjs",
    wasm: "/wasm/ort-wasm-simd-threaded.wasm",
  };
  ort.env.wasm.numThreads = 1;
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(new Uint8Array(model), {
      executionProviders: ["wasm"],
      // The int8 weights are folded into float weights once, at load (lib/generation/decoding.ts).
      extra: { session: { disable_quant_qdq: "1" } },
    });
  } catch (error) {
    throw createError("MODEL_CORRUPT", {
      model: "retrieval encoder",
      detail: `${file}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return {
    async run(vectors, weights, batch, words) {
      const dimensions = vectors.length / Math.max(1, batch * words);
      const output = await session.run({
        vectors: new ort.Tensor("float32", vectors, [batch, words, dimensions]),
        weights: new ort.Tensor("float32", weights, [batch, words]),
      });
      return output.embedding?.data as Float32Array;
    },
  };
}
