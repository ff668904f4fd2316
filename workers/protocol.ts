/**
 * The message protocols between the page and its two workers, and between the search worker and the reader's
 * worker nested in it: discriminated unions, shared by both sides, so a message the other side does not
 * understand is a type error rather than a silent drop.
 */
import type { SourceDocument } from "../lib/documents/types";
import type { ErrorDescription } from "../lib/errors";
import type { Generation, LoadProgress } from "../lib/models/generator";
import type { Knowledge } from "../lib/rag/knowledge";
import type { RagMode, RagResult } from "../lib/rag/types";

/** A failure, described as the error catalogue describes it: a message for the visitor, a detail for the developer. */
export interface WorkerError extends ErrorDescription {
  type: "error";
  /** The question's id when the error belongs to one; absent for load failures. */
  id?: number;
}

import type { QaPair } from "../lib/live-fine-tune/examples";
import type { LiveSettingName } from "../lib/live-fine-tune/settings";
import type { StepReport, TrainResult } from "../lib/live-fine-tune/train";

/** WebAssembly threads for the model runtime: more than 1 only takes effect under cross-origin isolation. */
export interface LoadRequest {
  type: "load";
  threads: number;
  /**
   * What RAG was given (knowledge.ts); DEFAULT_KNOWLEDGE when absent. The search worker loads that setting's
   * index (and its learned encoder) and says "ready" again, so the page gives it the stored documents again.
   */
  knowledge?: Knowledge;
}

export type RagRequest =
  | LoadRequest
  /** `paceMs`: a pause before each generated token (slow motion); 0 or absent for full speed. */
  | { type: "ask"; id: number; question: string; mode: RagMode; paceMs?: number }
  /** Loads the reader model (generative answers), which the worker otherwise loads on first use. */
  | { type: "load-reader" }
  /** Stops the reader's current generation (a stop button, or a newer question). */
  | { type: "interrupt" }
  /** Adds (or replaces) a user document in the index. */
  | { type: "add-document"; id: number; document: SourceDocument }
  | { type: "remove-document"; id: number; documentId: string }
  /** Replaces a passage's text (a knowledge update), or undoes that. */
  | { type: "edit-passage"; id: number; passageId: string; text: string }
  | { type: "restore-passage"; id: number; passageId: string };

export type RagResponse =
  | { type: "progress"; loaded: number; total: number; file: string }
  | { type: "ready"; passages: number; indexBytes: number; loadMs: number }
  | { type: "result"; id: number; result: RagResult }
  /** A piece of the reader's answer as it is generated. */
  | { type: "token"; id: number; text: string }
  /** The reader model loads on demand, so extractive answers never wait for it. */
  | { type: "reader-progress"; progress: LoadProgress }
  | { type: "reader-ready"; loadMs: number }
  | ({ type: "reader-error" } & ErrorDescription)
  | { type: "document-added"; id: number; documentId: string; passages: number; ms: number }
  | { type: "document-removed"; id: number; documentId: string; ms: number }
  | { type: "passage-updated"; id: number; passageId: string; found: boolean; ms: number }
  | WorkerError;

/**
 * The search worker and the reader's own worker (nested in it): the reader generates in a thread and a heap
 * of its own, so the memory each generated token allocates never pauses the next question's retrieval.
 */
export type ReaderRequest =
  | LoadRequest
  | { type: "generate"; id: number; prompt: string; paceMs?: number }
  | { type: "count-tokens"; id: number; text: string }
  /** Stops the running generation (the search worker never asks for one that belongs to an older question). */
  | { type: "interrupt" };

export type ReaderResponse =
  | { type: "progress"; progress: LoadProgress }
  | { type: "ready"; loadMs: number }
  | { type: "token"; id: number; text: string }
  | { type: "generated"; id: number; generation: Generation }
  | { type: "counted"; id: number; tokens: number }
  | WorkerError;

export type FineTunedRequest =
  | LoadRequest
  | { type: "ask"; id: number; question: string; paceMs?: number }
  | { type: "interrupt" };

export type FineTunedResponse =
  | { type: "progress"; progress: LoadProgress }
  | { type: "ready"; loadMs: number }
  | { type: "started"; id: number }
  | { type: "token"; id: number; text: string }
  | { type: "done"; id: number; generation: Generation }
  | WorkerError;

/** Live fine-tuning, in a worker of its own that the page starts only when the visitor starts training. */
export type LiveFineTuneRequest =
  /** Trains a fresh copy of the shipped weights on the pairs; its answers then come from the result. */
  | { type: "train"; pairs: QaPair[]; setting: LiveSettingName }
  /** Ends training after the current step, keeping the weights reached. */
  | { type: "stop" }
  /**
   * Holds training between steps while the page answers a question, and lets it go on afterwards: on two
   * cores, the visitor's question gets them first.
   */
  | { type: "hold"; held: boolean }
  /** Answers a question from the updated weights. */
  | { type: "ask"; id: number; question: string }
  | { type: "interrupt" }
  /** Drops the updated weights (back to the shipped model). */
  | { type: "reset" };

/** A finished live fine-tune, as the page shows it and the comparison table quotes it. */
export interface LiveTrainingSummary extends Omit<TrainResult, "stepMs"> {
  setting: LiveSettingName;
  examples: number;
  /** Prompt and answer tokens trained on per second, over the whole run. */
  tokensPerSecond: number;
}

export type LiveFineTuneResponse =
  | { type: "loading"; stage: "runtime" | "weights" }
  /**
   * The runtime and the shipped weights are ready. `resources` are what this worker fetched for them (its
   * imported chunks, the .wasm, the model files); `script` is its own script, which the page fetched.
   */
  | {
      type: "loaded";
      parameters: number;
      script: string;
      resources: { name: string; bytes: number }[];
    }
  | { type: "step"; report: StepReport }
  | { type: "trained"; summary: LiveTrainingSummary }
  | { type: "started"; id: number }
  /** The answer so far (the whole text, not a piece: decoding can change the end as tokens arrive). */
  | { type: "text"; id: number; text: string }
  | { type: "done"; id: number; generation: Generation }
  | { type: "reset-done" }
  | WorkerError;
