import { FINE_TUNED_DECODING as DECODING } from "../fine-tuned/generation";
import { formatPrompt, PROMPT_FORMAT } from "../fine-tuned/prompt";
import type { TextCodec } from "./tokenizer";

export interface QaPair {
  question: string;
  answer: string;
}

/** One training example as training/finetune.py builds it: the prompt and the answer tokenized apart. */
export interface Example {
  prompt: number[];
  /** The answer's tokens, end-of-text included: the loss is computed on these only. */
  answer: number[];
}

/**
 * Every pair is in every step's batch, so a step's cost grows with their number; an answer must fit in the
 * tokens the panel generates, or it could never come back whole.
 */
export const PAIR_LIMITS = {
  maxPairs: 8,
  maxQuestionTokens: 48,
  maxAnswerTokens: DECODING.max_new_tokens,
} as const;

/** The pairs as examples, or the reason they cannot be trained on. */
export function buildExamples(
  pairs: readonly QaPair[],
  codec: TextCodec,
  eosTokenId: number,
): { examples: Example[] } | { error: string } {
  const kept = pairs
    .map((pair) => ({ question: pair.question.trim(), answer: pair.answer.trim() }))
    .filter((pair) => pair.question || pair.answer);
  if (kept.length === 0) return { error: "Write at least one question and its answer." };
  if (kept.length > PAIR_LIMITS.maxPairs) {
    return { error: `At most ${PAIR_LIMITS.maxPairs} pairs: each step trains on all of them.` };
  }
  const examples: Example[] = [];
  for (const [index, pair] of kept.entries()) {
    const label = `Pair ${index + 1}`;
    if (!pair.question || !pair.answer) return { error: `${label} needs both a question and an answer.` };
    const prompt = codec.encode(formatPrompt(pair.question));
    const answer = [...codec.encode(PROMPT_FORMAT.answerPrefix + pair.answer), eosTokenId];
    if (prompt.length > PAIR_LIMITS.maxQuestionTokens) {
      return { error: `${label}: the question is too long (${prompt.length} tokens).` };
    }
    if (answer.length > PAIR_LIMITS.maxAnswerTokens) {
      return {
        error: `${label}: the answer is ${answer.length} tokens; the panel writes at most ${PAIR_LIMITS.maxAnswerTokens}.`,
      };
    }
    examples.push({ prompt, answer });
  }
  return { examples };
}

/**
 * The examples as one padded batch. `rows` are the flat positions whose next token is an answer token and
 * `targets` those tokens; `owner` says which example each row belongs to, so an example counts as learned
 * when every one of its rows predicts its target.
 */
export interface Batch {
  ids: Int32Array;
  size: number;
  length: number;
  rows: Int32Array;
  targets: Int32Array;
  owner: Int32Array;
  /** Real (unpadded) tokens in the batch. */
  tokens: number;
}

export function makeBatch(examples: readonly Example[], padId: number): Batch {
  const length = Math.max(...examples.map((e) => e.prompt.length + e.answer.length));
  const ids = new Int32Array(examples.length * length).fill(padId);
  const rows: number[] = [];
  const targets: number[] = [];
  const owner: number[] = [];
  let tokens = 0;
  examples.forEach((example, b) => {
    const sequence = [...example.prompt, ...example.answer];
    ids.set(sequence, b * length);
    tokens += sequence.length;
    for (let j = example.prompt.length; j < sequence.length; j++) {
      rows.push(b * length + j - 1);
      targets.push(sequence[j] ?? padId);
      owner.push(b);
    }
  });
  return {
    ids,
    size: examples.length,
    length,
    rows: Int32Array.from(rows),
    targets: Int32Array.from(targets),
    owner: Int32Array.from(owner),
    tokens,
  };
}
