/**
 * The message protocol between the page and its two workers: discriminated unions, shared by both sides,
 * so a message the other side does not understand is a type error rather than a silent drop.
 */
import type { ErrorCode } from "../lib/errors";
import type { Generation, LoadProgress } from "../lib/generation/generator";
import type { RagResult } from "../lib/retrieval/pipeline";

export interface WorkerError {
  type: "error";
  /** The question's id when the error belongs to one; absent for load failures. */
  id?: number;
  code: ErrorCode | "UNKNOWN";
  message: string;
}

export type RagRequest = { type: "load" } | { type: "ask"; id: number; question: string };

export type RagResponse =
  | { type: "progress"; loaded: number; total: number; file: string }
  | { type: "ready"; passages: number; indexBytes: number; loadMs: number }
  | { type: "result"; id: number; result: RagResult }
  | WorkerError;

export type FineTunedRequest =
  | { type: "load" }
  | { type: "ask"; id: number; question: string }
  | { type: "interrupt" };

export type FineTunedResponse =
  | { type: "progress"; progress: LoadProgress }
  | { type: "ready"; loadMs: number }
  | { type: "started"; id: number }
  | { type: "token"; id: number; text: string }
  | { type: "done"; id: number; generation: Generation }
  | WorkerError;
