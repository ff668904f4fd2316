import * as tf from "@tensorflow/tfjs-core";
import { createError, describeError, type ErrorDescription } from "../errors";
import { FINE_TUNED_DECODING as DECODING } from "../fine-tuned/generation";
import { cleanAnswer, formatPrompt } from "../fine-tuned/prompt";
import { hiddenStates, type LiveModel, logitsAt } from "./model";
import type { TextCodec } from "./tokenizer";

export interface LiveGeneration {
  answer: string;
  prompt: string;
  promptTokens: number;
  /** The generated token ids, end-of-text excluded. */
  ids: number[];
  firstTokenMs: number;
  totalMs: number;
  interrupted: boolean;
  /** Set when the question leaves no room for an answer in the model's context: it never ran. */
  refusal?: ErrorDescription;
}

/**
 * Greedy decoding from the model's current weights, with the shipped panel's settings (DECODING). Each token
 * runs the whole sequence again: no key/value cache, which keeps this code short at the price of recomputing
 * every earlier position for each token. `onText` receives the answer's text as it grows; `shouldStop` ends it.
 */
export async function generateAnswer(
  model: LiveModel,
  codec: TextCodec,
  question: string,
  options: { onText?: (text: string) => void; shouldStop?: () => boolean; pause?: () => Promise<void> } = {},
): Promise<LiveGeneration> {
  const prompt = formatPrompt(question);
  const ids = codec.encode(prompt);
  const promptTokens = ids.length;
  const room = model.config.nPositions - DECODING.max_new_tokens;
  if (promptTokens > room) {
    const error = createError("QUESTION_TOO_MANY_TOKENS", {
      model: "updated model",
      tokens: promptTokens,
      room,
    });
    const refusal = describeError(error);
    return {
      answer: "",
      prompt,
      promptTokens,
      ids: [],
      firstTokenMs: 0,
      totalMs: 0,
      interrupted: false,
      refusal,
    };
  }
  const start = performance.now();
  let firstTokenMs = 0;
  let interrupted = false;
  const generated: number[] = [];
  const limit = Math.min(DECODING.max_new_tokens, model.config.nPositions - promptTokens);
  while (generated.length < limit) {
    if (options.shouldStop?.()) {
      interrupted = true;
      break;
    }
    const next = tf.tidy(() => {
      const sequence = tf.tensor2d(ids, [1, ids.length], "int32");
      const logits = logitsAt(model, hiddenStates(model, sequence), tf.tensor1d([ids.length - 1], "int32"));
      return tf.argMax(logits, 1);
    });
    const token = (await next.data())[0] ?? model.config.eosTokenId;
    next.dispose();
    if (firstTokenMs === 0) firstTokenMs = performance.now() - start;
    if (token === model.config.eosTokenId) break;
    generated.push(token);
    ids.push(token);
    options.onText?.(cleanAnswer(codec.decode(generated)));
    await options.pause?.();
  }
  return {
    answer: cleanAnswer(codec.decode(generated)),
    prompt,
    promptTokens,
    ids: generated,
    firstTokenMs,
    totalMs: performance.now() - start,
    interrupted,
  };
}
