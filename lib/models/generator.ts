import {
  AutoModelForCausalLM,
  AutoTokenizer,
  InterruptableStoppingCriteria,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  TextStreamer,
} from "@huggingface/transformers";
import { createError, describeError, type ErrorDescription, isAppError } from "../errors";
import { type CopyBias, type CopyTokens, copyTokens, createCopyBias } from "./copy-bias";
import { type Decoding, MODEL_DTYPE, type ModelId, SESSION_OPTIONS } from "./decoding";
import { createRepeatGuard } from "./repeat-guard";
import { decodeRate } from "./speed";
import { createWordMask, type TokenShape, tokenShapes } from "./word-mask";
import { yieldToEventLoop } from "./yield";

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

/**
 * Why generation ended: the model wrote its end-of-text ("end"), it reached its token budget and the answer may
 * be cut short ("limit"), it was stopped (the Stop button, or a newer question), or the prompt was refused
 * before it reached the runtime because it leaves no room for an answer in the model's context ("refused").
 */
export const FINISH_REASONS = ["end", "limit", "stopped", "refused"] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

export interface Generation {
  answer: string;
  /** The exact text handed to the model. */
  prompt: string;
  promptTokens: number;
  tokens: number;
  tokensPerSecond: number;
  interrupted: boolean;
  finish: FinishReason;
  /** Why the prompt was refused (finish "refused"): a message to show instead of an answer. */
  refusal?: ErrorDescription;
  timings: GenerationTimings;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export interface GeneratorOptions {
  /** How messages name the model: "fine-tuned model", "reader model". */
  label: string;
  decoding: Decoding;
  /** Turns the raw continuation into the answer a reader sees (end-of-text and any next turn dropped). */
  clean: (generated: string) => string;
  /** A prompt in the model's own format, run once after loading so the first real answer is not slowed. */
  warmUpPrompt: string;
  /**
   * The words the model may write for a prompt (word-mask.ts masks every other word while it is being
   * written); absent, any word.
   */
  vocabulary?: (prompt: string) => ReadonlySet<string>;
  /** The contraction pieces the model may write only after an apostrophe, for a prompt (word-mask.ts). */
  apostrophePieces?: (prompt: string) => ReadonlySet<string>;
  /**
   * A bonus for tokens that continue a copy of the prompt (copy-bias.ts), and the text that closes an answer,
   * favoured where a copied line ends; absent, none.
   */
  copyBias?: CopyBias & { closer: string };
  /**
   * The answer may not write a run of this many tokens more often than the prompt holds it, and closes (with
   * the copy bias's closer) where the model wants to (repeat-guard.ts); absent, no guard.
   */
  repeatGuard?: number;
}

/**
 * A language model behind one promise: loading starts once, and every caller awaits the same load (the
 * Transformers.js worker examples' singleton, as a factory). Works in a Web Worker and in Node; where the
 * files come from is set on Transformers.js's `env` by the caller.
 */
export function createGenerator(modelId: ModelId, options: GeneratorOptions) {
  let loading: Promise<Loaded> | null = null;
  const stopping = new InterruptableStoppingCriteria();
  // Milliseconds to wait before each token of the current generation (slow motion for a class); 0 otherwise.
  let paceMs = 0;

  function load(onProgress?: (progress: LoadProgress) => void) {
    loading ??= loadModel(modelId, options, () => paceMs, onProgress).catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  }

  /** Drops the loaded model after a runtime failure, so the next question loads a fresh session. */
  async function reset(): Promise<void> {
    const loaded = loading;
    loading = null;
    await loaded?.then((current) => current.model.dispose()).catch(() => undefined);
  }

  /**
   * Generates a continuation of a prompt already in the model's format, streaming its text to `onToken`. A
   * prompt that leaves no room for the answer in the model's context is refused (finish "refused", with the
   * reason) before it reaches the runtime; a runtime failure resets the model and throws GENERATION_FAILED.
   */
  async function generate(
    prompt: string,
    onToken?: (text: string) => void,
    pacing: { paceMs?: number } = {},
  ): Promise<Generation> {
    const { tokenizer, model, shapes, copy, endIds, contextLength } = await load();
    paceMs = Math.max(0, pacing.paceMs ?? 0);
    const inputs = tokenizer(prompt);
    const promptTokens = inputs.input_ids.dims.at(-1) ?? 0;
    const refusal = refuseOverflow(prompt, promptTokens, contextLength, options);
    if (refusal) return refusal;
    const start = performance.now();
    stopping.reset();
    const record = recorder(tokenizer, onToken);
    const { constraint: _shown, ...decoding } = options.decoding;
    // The bias runs first: a token the mask rules out stays ruled out, whatever its bonus. The guard runs last,
    // so it can leave the model a token the others allow.
    const processors = [
      ...(copy && options.copyBias ? [createCopyBias(copy, options.copyBias)] : []),
      ...(shapes && options.vocabulary
        ? [createWordMask(shapes, options.vocabulary(prompt), endIds, options.apostrophePieces?.(prompt))]
        : []),
      ...(options.repeatGuard ? [createRepeatGuard(options.repeatGuard, copy?.closers)] : []),
    ];
    try {
      await model.generate({
        ...inputs,
        ...decoding,
        ...(processors.length > 0 ? { logits_processor: processors as never } : {}),
        streamer: record.streamer,
        stopping_criteria: [stopping],
      });
    } catch (error) {
      await reset();
      throw createError("GENERATION_FAILED", {
        model: options.label,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    const end = performance.now();
    const { tokens, firstToken, text } = record;
    const finish = finishOf(stopping.interrupted, tokens(), options.decoding.max_new_tokens);
    return {
      answer: options.clean(text()),
      prompt,
      promptTokens,
      tokens: tokens(),
      tokensPerSecond: decodeRate(tokens(), firstToken(), start, end),
      interrupted: stopping.interrupted,
      finish,
      timings: {
        firstTokenMs: round((firstToken() || end) - start),
        generateMs: round(end - start),
        totalMs: round(end - start),
      },
    };
  }

  /** How many tokens the model's tokenizer makes of a text (to check a prompt fits its context). */
  async function countTokens(text: string): Promise<number> {
    const { tokenizer } = await load();
    return tokenizer(text).input_ids.dims.at(-1) ?? 0;
  }

  /** Prompt tokens the model's context leaves room for, its answer budget set aside. */
  async function promptRoom(): Promise<number> {
    const { contextLength } = await load();
    return contextLength - options.decoding.max_new_tokens;
  }

  return { load, generate, countTokens, promptRoom, interrupt: () => stopping.interrupt() };
}

/** Loads a model's tokenizer and weights, then warms it up: the first run compiles its kernels. */
async function loadModel(
  modelId: ModelId,
  options: GeneratorOptions,
  pace: () => number,
  onProgress?: (progress: LoadProgress) => void,
): Promise<Loaded> {
  const start = performance.now();
  try {
    const progress_callback = (info: unknown) => onProgress?.(info as LoadProgress);
    const tokenizer = await AutoTokenizer.from_pretrained(modelId, { progress_callback });
    const model = await AutoModelForCausalLM.from_pretrained(modelId, {
      dtype: MODEL_DTYPE,
      session_options: SESSION_OPTIONS,
      progress_callback,
    });
    yieldBeforeEachToken(model, pace);
    // Paying for the first run here keeps the first answer's latency honest.
    await model.generate({ ...tokenizer(options.warmUpPrompt), max_new_tokens: 1, do_sample: false });
    const pieces = options.vocabulary || options.copyBias ? vocabularyPieces(tokenizer, model) : null;
    return {
      tokenizer,
      model,
      shapes: pieces && options.vocabulary ? tokenShapes(pieces) : null,
      copy:
        pieces && options.copyBias
          ? copyTokens(
              pieces,
              tokenizer.encode(options.copyBias.closer, { add_special_tokens: false }).slice(0, 1),
            )
          : null,
      endIds: endIdsOf(model),
      contextLength: contextLengthOf(model),
      loadMs: round(performance.now() - start),
    };
  } catch (error) {
    throw loadFailure(error, modelId, options.label);
  }
}

/** A load failure as a coded error: the runtime, a missing file, or files that could not be read. */
function loadFailure(error: unknown, modelId: ModelId, label: string): Error {
  if (isAppError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/no available backend|wasm/i.test(detail)) return createError("RUNTIME_UNAVAILABLE", { detail });
  const missing = /not found|404|no such file|ENOENT|Could not locate/i.test(detail);
  return createError(missing ? "MODEL_MISSING" : "MODEL_CORRUPT", {
    model: label,
    detail: `${modelId}: ${detail}`,
  });
}

/** A streamer that passes each piece of text on and records the text, the tokens and the first token's time. */
function recorder(tokenizer: PreTrainedTokenizer, onToken?: (text: string) => void) {
  let firstToken = 0;
  let tokens = 0;
  let text = "";
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
  return { streamer, tokens: () => tokens, firstToken: () => firstToken, text: () => text };
}

/** Why generation ended: stopped, out of token budget, or the model's own end. */
const finishOf = (interrupted: boolean, tokens: number, budget: number): FinishReason =>
  interrupted ? "stopped" : tokens >= budget ? "limit" : "end";

/** The refusal of a prompt that leaves no room for the answer in the model's context, or null when it fits. */
function refuseOverflow(
  prompt: string,
  promptTokens: number,
  contextLength: number,
  options: GeneratorOptions,
): Generation | null {
  const room = contextLength - options.decoding.max_new_tokens;
  if (promptTokens <= room) return null;
  const error = createError("QUESTION_TOO_MANY_TOKENS", { model: options.label, tokens: promptTokens, room });
  return refused(prompt, promptTokens, describeError(error));
}

/** A prompt refused before generation: no tokens, nothing written, and why. */
function refused(prompt: string, promptTokens: number, refusal: ErrorDescription): Generation {
  return {
    answer: "",
    prompt,
    promptTokens,
    tokens: 0,
    tokensPerSecond: 0,
    interrupted: false,
    finish: "refused",
    refusal,
    timings: { firstTokenMs: 0, generateMs: 0, totalMs: 0 },
  };
}

interface Loaded {
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
  /** Each token's letter runs, for the word mask; null when the model has no vocabulary bound. */
  shapes: TokenShape[] | null;
  /** The tokens' kinds for the copy bias; null when the model has none. */
  copy: CopyTokens | null;
  endIds: number[];
  contextLength: number;
  loadMs: number;
}

/** Each token of the model's vocabulary decoded alone (for word-mask.ts and copy-bias.ts). */
function vocabularyPieces(tokenizer: PreTrainedTokenizer, model: PreTrainedModel): string[] {
  const size = (model.config as unknown as { vocab_size: number }).vocab_size;
  return Array.from({ length: size }, (_, id) => tokenizer.decode([id]));
}

/** The model's end-of-text token ids, from its config. */
function endIdsOf(model: PreTrainedModel): number[] {
  const eos = (model.config as unknown as { eos_token_id?: number | number[] }).eos_token_id;
  return eos === undefined ? [] : Array.isArray(eos) ? eos : [eos];
}

/** The model's context in tokens, from its config (GPT-2's `n_positions`). */
function contextLengthOf(model: PreTrainedModel): number {
  const config = model.config as unknown as { n_positions?: number; max_position_embeddings?: number };
  const length = config.n_positions ?? config.max_position_embeddings;
  if (typeof length !== "number") throw new Error("the model's config gives no context length (n_positions)");
  return length;
}

/**
 * Each step of generation first lets the event loop run, so a Stop message is read before the next token, and
 * waits `pace()` milliseconds when the presenter slowed generation down.
 */
function yieldBeforeEachToken(model: PreTrainedModel, pace: () => number): void {
  const forward = model.forward.bind(model);
  model.forward = async (inputs: Record<string, unknown>) => {
    const wait = pace();
    await (wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : yieldToEventLoop());
    return forward(inputs);
  };
}

export type Generator = ReturnType<typeof createGenerator>;
