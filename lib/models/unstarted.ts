import type { Generation } from "./generator";

/**
 * The generation of a prompt that was stopped before the model started on it (a newer question, or the Stop
 * button while it waited): nothing written, marked interrupted, so the pipeline reports a stop, not a decline.
 */
export function unstartedGeneration(prompt: string): Generation {
  return {
    answer: "",
    prompt,
    promptTokens: 0,
    tokens: 0,
    tokensPerSecond: 0,
    interrupted: true,
    finish: "stopped",
    timings: { firstTokenMs: 0, generateMs: 0, totalMs: 0 },
  };
}
