/** Greedy decoding settings, shown in the panels: the same question always gets the same answer. */
export interface Decoding {
  readonly do_sample: false;
  readonly max_new_tokens: number;
  readonly repetition_penalty: number;
  /** A constraint on what the model may write, in words, shown with the settings. */
  readonly constraint?: string;
}

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
 * that re-dequantizes every weight on every generated token, most of each step's time. With QDQ handling off, constant folding turns them into float weights once, at load: the same values, exactly.
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

/** Read when present; Transformers.js falls back to the config's defaults without it. */
export const OPTIONAL_MODEL_FILES = ["generation_config.json"] as const;

/** The files a model loads from its folder: the required ones, and each optional one that `exists`. */
export const modelFiles = (exists: (path: string) => boolean): string[] => [
  ...REQUIRED_MODEL_FILES,
  ...OPTIONAL_MODEL_FILES.filter((path) => exists(path)),
];
