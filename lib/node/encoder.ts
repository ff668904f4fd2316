/** The learned retriever's model in Node (CLI, evaluation, benchmarks, tests): ONNX Runtime for Node. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import {
  createOrtEncoderSession,
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
export function createNodeEncoderSession(path: string): Promise<EncoderSession> {
  return createOrtEncoderSession(
    ort,
    () =>
      ort.InferenceSession.create(path, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        // The int8 weights are folded into float weights once, at load (lib/models/decoding.ts).
        extra: { session: { disable_quant_qdq: "1" } },
      }),
    path,
  );
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
