import {
  AutoModelForCausalLM,
  AutoTokenizer,
  InterruptableStoppingCriteria,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  TextStreamer,
} from "@huggingface/transformers";
import { createError } from "../errors";
import { type Decoding, MODEL_DTYPE, type ModelId, SESSION_OPTIONS } from "./decoding";
import { decodeRate } from "./speed";

export interface LoadProgress {
  status: string;
  file?: string;
  loaded?: number;
  total?: number;
}

export interface GenerationTimings {
  firstTokenMs: number;
  generateMs: number;
  totalMs: number;
}

export interface Generation {
  answer: string;
  /** The exact text handed to the model. */
  prompt: string;
  promptTokens: number;
  tokens: number;
  tokensPerSecond: number;
  interrupted: boolean;
  timings: GenerationTimings;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export interface GeneratorOptions {
  decoding: Decoding;
  /** Turns the raw continuation into the answer a reader sees (end-of-text and any next turn dropped). */
  clean: (generated: string) => string;
  /** A prompt in the model's own format, run once after loading so the first real answer is not slowed. */
  warmUpPrompt: string;
  /**
   * Token sequences whose last token the model may not write after the others (Transformers.js's
   * `bad_words_ids`), built once with the model's own tokenizer.
   */
  bannedSequences?: (encode: (text: string) => number[]) => number[][];
}

/**
 * A language model behind one promise: loading starts once, and every caller awaits the same load (the
 * Transformers.js worker examples' singleton, as a factory). Works in a Web Worker and in Node; where the
 * files come from is set on Transformers.js's `env` by the caller.
 */
export function createGenerator(modelId: ModelId, options: GeneratorOptions) {
  let loading: Promise<{
    tokenizer: PreTrainedTokenizer;
    model: PreTrainedModel;
    constraints: { bad_words_ids?: number[][] };
    loadMs: number;
  }> | null = null;
  const stopping = new InterruptableStoppingCriteria();

  function load(onProgress?: (progress: LoadProgress) => void) {
    loading ??= (async () => {
      const start = performance.now();
      try {
        const progress_callback = (info: unknown) => onProgress?.(info as LoadProgress);
        const tokenizer = await AutoTokenizer.from_pretrained(modelId, { progress_callback });
        const model = await AutoModelForCausalLM.from_pretrained(modelId, {
          dtype: MODEL_DTYPE,
          session_options: SESSION_OPTIONS,
          progress_callback,
        });
        // Warm-up: the first run compiles kernels; paying for it here keeps the first answer's latency honest.
        const banned = options.bannedSequences?.((text) => tokenizer.encode(text)) ?? [];
        const constraints = banned.length > 0 ? { bad_words_ids: banned } : {};
        const warm = tokenizer(options.warmUpPrompt);
        await model.generate({ ...warm, ...constraints, max_new_tokens: 1, do_sample: false });
        return { tokenizer, model, constraints, loadMs: round(performance.now() - start) };
      } catch (error) {
        loading = null;
        const detail = error instanceof Error ? error.message : String(error);
        if (/no available backend|wasm/i.test(detail)) throw createError("RUNTIME_UNAVAILABLE", detail);
        const missing = /not found|404|no such file|ENOENT|Could not locate/i.test(detail);
        throw createError(missing ? "MODEL_MISSING" : "MODEL_CORRUPT", modelId, detail);
      }
    })();
    return loading;
  }

  /** Generates a continuation of a prompt already in the model's format, streaming its text to `onToken`. */
  async function generate(prompt: string, onToken?: (text: string) => void): Promise<Generation> {
    const { tokenizer, model, constraints } = await load();
    const start = performance.now();
    let firstToken = 0;
    let tokens = 0;
    let text = "";
    stopping.reset();
    const streamer = new TextStreamer(tokenizer, {
      skip_prompt: true,
      skip_special_tokens: true,
      callback_function: (piece: string) => {
        text += piece;
        onToken?.(piece);
      },
      token_callback_function: () => {
        tokens++;
        if (firstToken === 0) firstToken = performance.now();
      },
    });
    const inputs = tokenizer(prompt);
    const { constraint: _shown, ...decoding } = options.decoding;
    await model.generate({ ...inputs, ...decoding, ...constraints, streamer, stopping_criteria: [stopping] });
    const end = performance.now();
    const generateMs = end - start;
    return {
      answer: options.clean(text),
      prompt,
      promptTokens: inputs.input_ids.dims.at(-1) ?? 0,
      tokens,
      tokensPerSecond: decodeRate(tokens, firstToken, start, end),
      interrupted: stopping.interrupted,
      timings: {
        firstTokenMs: round((firstToken || end) - start),
        generateMs: round(generateMs),
        totalMs: round(end - start),
      },
    };
  }

  /** How many tokens the model's tokenizer makes of a text (to check a prompt fits its context). */
  async function countTokens(text: string): Promise<number> {
    const { tokenizer } = await load();
    return tokenizer(text).input_ids.dims.at(-1) ?? 0;
  }

  return { load, generate, countTokens, interrupt: () => stopping.interrupt() };
}

export type Generator = ReturnType<typeof createGenerator>;
