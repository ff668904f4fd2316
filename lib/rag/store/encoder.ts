import { createError } from "../../errors";
import { splitSentences } from "./sentences";
import type { WordVectors } from "./word-vectors";
import { contentWords } from "./words";

/**
 * The learned retriever of the "article" knowledge setting (knowledge.ts): a small transformer over the app's
 * frozen GloVe word vectors, trained contrastively on pairs mined from the pretraining corpus only (never the
 * article, never the written questions; training/retriever/). A text becomes one unit vector; a passage is
 * embedded once (the article's at build time, a user's document when it is added), a question when asked, and
 * they compare by cosine. The model file is ONNX; this module only prepares its inputs and reads its output, so
 * the same code runs with ONNX Runtime Web in the worker and ONNX Runtime in Node (an `EncoderSession` each).
 */

/** `public/retrieval/encoder/config.json`, written by training/retriever/export_encoder.py. */
export interface EncoderConfig {
  format: "retrieval-encoder";
  version: 1;
  file: string;
  dimensions: number;
  maxQueryWords: number;
  maxPassageWords: number;
}

/** One run of the ONNX model: `batch` texts of `words` words each, row-major; returns `batch` × dimensions. */
export interface EncoderSession {
  run(vectors: Float32Array, weights: Float32Array, batch: number, words: number): Promise<Float32Array>;
}

/** What the encoder needs of an ONNX Runtime (Node's or the web's): its tensors and a loaded session. */
export interface OrtRuntime<Tensor> {
  Tensor: new (type: "float32", data: Float32Array, dims: number[]) => Tensor;
}
interface OrtSession<Tensor> {
  run(feeds: Record<string, Tensor>): Promise<Record<string, { data: unknown } | undefined>>;
}

/**
 * Loads the encoder's model with the runtime's own `create`, and wraps it as an EncoderSession; a file the runtime
 * cannot read is reported as a corrupt model, naming the file.
 */
export async function createOrtEncoderSession<Tensor>(
  runtime: OrtRuntime<Tensor>,
  create: () => Promise<OrtSession<Tensor>>,
  file: string,
): Promise<EncoderSession> {
  let session: OrtSession<Tensor>;
  try {
    session = await create();
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
        vectors: new runtime.Tensor("float32", vectors, [batch, words, dimensions]),
        weights: new runtime.Tensor("float32", weights, [batch, words]),
      });
      return output.embedding?.data as Float32Array;
    },
  };
}

export interface TextEncoder {
  readonly dimensions: number;
  /** Unit vectors, one per text (zeros for a text with no known word), computed in one run of the model. */
  embed(texts: readonly string[], kind: "query" | "passage"): Promise<Float32Array[]>;
}

export function parseEncoderConfig(text: string, file = "encoder/config.json"): EncoderConfig {
  let config: Partial<EncoderConfig>;
  try {
    config = JSON.parse(text) as Partial<EncoderConfig>;
  } catch (error) {
    throw createError("INDEX_CORRUPT", {
      detail: `${file}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (
    config?.format !== "retrieval-encoder" ||
    config.version !== 1 ||
    typeof config.dimensions !== "number" ||
    typeof config.maxQueryWords !== "number" ||
    typeof config.maxPassageWords !== "number"
  ) {
    throw createError("INDEX_CORRUPT", { detail: `${file}: not a retrieval encoder configuration` });
  }
  return config as EncoderConfig;
}

/**
 * What the model reads of a text: its distinct content words that have a vector, in order, at most `limit`,
 * as in training (training/retriever/train_encoder.py, Featurizer).
 */
export function encoderWords(vectors: WordVectors, text: string, limit: number): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of contentWords(text)) {
    if (words.length >= limit) break;
    if (seen.has(word) || vectors.row(word) < 0) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

export function createTextEncoder(
  session: EncoderSession,
  vectors: WordVectors,
  config: EncoderConfig,
): TextEncoder {
  const { dimensions } = config;
  if (dimensions !== vectors.dimensions)
    throw createError("INDEX_CORRUPT", {
      detail: `the encoder expects ${dimensions}-d word vectors, not ${vectors.dimensions}`,
    });
  return {
    dimensions,
    async embed(texts, kind) {
      const limit = kind === "query" ? config.maxQueryWords : config.maxPassageWords;
      const words = texts.map((text) => encoderWords(vectors, text, limit));
      const longest = Math.max(1, ...words.map((list) => list.length));
      const input = new Float32Array(texts.length * longest * dimensions);
      const weights = new Float32Array(texts.length * longest);
      words.forEach((list, t) => {
        list.forEach((word, i) => {
          const row = vectors.row(word);
          const vector = vectors.vector(row);
          const at = (t * longest + i) * dimensions;
          for (let d = 0; d < dimensions; d++) input[at + d] = (vector[d] as number) / 127;
          weights[t * longest + i] = vectors.weight(word);
        });
      });
      const output = await session.run(input, weights, texts.length, longest);
      return words.map((list, t) =>
        list.length === 0
          ? new Float32Array(dimensions)
          : Float32Array.from(output.subarray(t * dimensions, (t + 1) * dimensions)),
      );
    },
  };
}

/** What the encoder reads of a passage: its section with its text, like the passage's first view. */
export function encoderText(passage: { section: string; text: string }): string {
  return `${passage.section} ${passage.text}`;
}

/**
 * The texts a passage is embedded as: its section with its text, then, when it has several sentences, its
 * section with each sentence. A question usually asks about one sentence, and the vector of a long passage is
 * the average of all it says; a passage scores its closest vector (docs/retrieval.md).
 */
export function encoderTexts(passage: { section: string; text: string }): string[] {
  const sentences = splitSentences(passage.text);
  return [
    encoderText(passage),
    ...(sentences.length > 1 ? sentences.map((sentence) => `${passage.section} ${sentence}`) : []),
  ];
}

/** A vector as the index stores it: six decimals, so the stored and the freshly computed vectors agree. */
export function storedVector(vector: ArrayLike<number>): number[] {
  return Array.from(vector, (x) => Math.round(x * 1e6) / 1e6);
}

/** The cosine of two unit vectors (0 when either is all zeros). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
