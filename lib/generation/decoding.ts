/** Greedy decoding settings, shown in the panels: the same question always gets the same answer. */
export interface Decoding {
  readonly do_sample: false;
  readonly max_new_tokens: number;
  readonly repetition_penalty: number;
  /** A constraint on what the model may write, in words, shown with the settings. */
  readonly constraint?: string;
}

/** The fine-tuned model's settings: its answers are one or two sentences. */
export const DECODING = {
  do_sample: false,
  max_new_tokens: 48,
  repetition_penalty: 1.0,
} as const satisfies Decoding;

export const describeDecoding = (decoding: Decoding) =>
  `greedy · max ${decoding.max_new_tokens} new tokens · repetition penalty ${decoding.repetition_penalty}${
    decoding.constraint ? ` · ${decoding.constraint}` : ""
  }`;

/** "fine-tuned-article": fine-tuned on the article's text alone (knowledge "article", issue 23). */
export const MODEL_IDS = ["fine-tuned", "base", "reader", "fine-tuned-article"] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** The files a model folder must hold, relative to it; q8 is the int8 export the browser loads. */
export const MODEL_DTYPE = "q8" as const;
/**
 * ONNX Runtime session settings for the int8 models. The files hold int8 weights behind DequantizeLinear
 * nodes; by default ONNX Runtime keeps those nodes (or fuses them into 8-bit MatMulNBits), and in WebAssembly
 * that re-dequantizes every weight on every generated token: 18 ms of a 19 ms step, measured. With QDQ
 * handling off, constant folding turns them into float weights once, at load: the same values, exactly.
 */
export const SESSION_OPTIONS = {
  extra: { session: { disable_quant_qdq: "1" } },
} as const;

export const REQUIRED_MODEL_FILES = [
  "config.json",
  "tokenizer.json",
  "tokenizer_config.json",
  "onnx/model_quantized.onnx",
] as const;
