import { type GptConfig, type GptWeights, gptConfig, gptWeightsFromOnnx } from "./onnx-weights";
import { createTextCodec, type TextCodec } from "./tokenizer";

/** The shipped fine-tuned model's files, relative to its folder (public/models/fine-tuned). */
export const SHIPPED_FILES = {
  config: "config.json",
  tokenizer: "tokenizer.json",
  tokenizerConfig: "tokenizer_config.json",
  onnx: "onnx/model_quantized.onnx",
} as const;

export interface ShippedModel {
  config: GptConfig;
  weights: GptWeights;
  codec: TextCodec;
  /** Bytes of the int8 ONNX file the weights came from. */
  onnxBytes: number;
}

/**
 * The shipped model as float weights and a tokenizer. `read` gets a file's bytes by its path in the model
 * folder: `fetch` in the page (the files are already in the browser's cache), the file system in Node.
 */
export async function loadShippedModel(read: (file: string) => Promise<Uint8Array>): Promise<ShippedModel> {
  const json = async (file: string) => JSON.parse(new TextDecoder().decode(await read(file))) as object;
  const [configJson, tokenizerJson, tokenizerConfig, onnx] = await Promise.all([
    json(SHIPPED_FILES.config),
    json(SHIPPED_FILES.tokenizer),
    json(SHIPPED_FILES.tokenizerConfig),
    read(SHIPPED_FILES.onnx),
  ]);
  const config = gptConfig(configJson as Parameters<typeof gptConfig>[0]);
  return {
    config,
    weights: gptWeightsFromOnnx(onnx, config),
    codec: createTextCodec(tokenizerJson, tokenizerConfig),
    onnxBytes: onnx.byteLength,
  };
}
