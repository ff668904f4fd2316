import { env, LogLevel } from "@huggingface/transformers";

/**
 * Command-line tools report a failure as one line of their own. Transformers.js would also print the failing
 * inputs, and ONNX Runtime its native log, to stderr; both are silenced here (errors still reach the caller).
 */
export function quietRuntime(): void {
  env.logLevel = LogLevel.NONE;
}
