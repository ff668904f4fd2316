import type { Decoding } from "../models/decoding";
import { cleanAnswer, formatPrompt } from "./prompt";

/** The fine-tuned model's decoding, shown in its panel: greedy, and its answers are one or two sentences. */
export const FINE_TUNED_DECODING = {
  do_sample: false,
  max_new_tokens: 48,
  repetition_penalty: 1.0,
} as const satisfies Decoding;

/** The fine-tuned model's generator settings: its decoding, its prompt format, its answer cleaning. */
export const FINE_TUNED_GENERATION = {
  label: "fine-tuned model",
  decoding: FINE_TUNED_DECODING,
  clean: cleanAnswer,
  warmUpPrompt: formatPrompt("warm up"),
};
