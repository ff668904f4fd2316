/** The learned retriever's model in Node (CLI, evaluation, benchmarks, tests): ONNX Runtime for Node. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { createError } from "../errors";
import {
  createTextEncoder,
  type EncoderConfig,
  type EncoderSession,
  parseEncoderConfig,
  type TextEncoder,
} from "../rag/store/encoder";
import type { WordVectors } from "../rag/store/word-vectors";
import { PATHS } from "./assets";

/** The folder's configuration, or null when the encoder is not built (training/retriever/, `npm run train`). */
export function readEncoderConfig(folder: string = PATHS.encoder): EncoderConfig | null {
  const file = join(folder, "config.json");
  if (!existsSync(file)) return null;
  const config = parseEncoderConfig(readFileSync(file, "utf8"), file);
  return existsSync(join(folder, config.file)) ? config : null;
}

/** An ONNX Runtime session for the encoder's model file, behind the interface encoder.ts runs. */
export async function createNodeEncoderSession(path: string): Promise<EncoderSession> {
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(path, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      // The int8 weights are folded into float weights once, at load (lib/generation/decoding.ts).
      extra: { session: { disable_quant_qdq: "1" } },
    });
  } catch (error) {
    throw createError("MODEL_CORRUPT", {
      model: "retrieval encoder",
      detail: `${path}: ${error instanceof Error ? error.message : String(error)}`,
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

/** The encoder over these word vectors, or null when it is not built. */
export async function loadTextEncoder(
  vectors: WordVectors,
  folder: string = PATHS.encoder,
): Promise<TextEncoder | null> {
  const config = readEncoderConfig(folder);
  if (!config) return null;
  return createTextEncoder(await createNodeEncoderSession(join(folder, config.file)), vectors, config);
}
