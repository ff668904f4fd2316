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

import type { SourceDocument } from "../lib/documents/types";

export type RagRequest =
  | { type: "load" }
  | { type: "ask"; id: number; question: string }
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
  | { type: "document-added"; id: number; documentId: string; passages: number; ms: number }
  | { type: "document-removed"; id: number; documentId: string; ms: number }
  | { type: "passage-updated"; id: number; passageId: string; found: boolean; ms: number }
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
