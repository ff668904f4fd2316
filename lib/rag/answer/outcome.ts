import type { Citation, RagGeneration } from "../types";

/**
 * What answering the retrieved passages came to, before it is shaped into a result: an answer with the
 * passages it cites, or why there is none. `augmented` is always what was handed on (the stage view shows it).
 */
export type AnswerOutcome = {
  augmented: Citation[];
  prompt: string | null;
  generation: RagGeneration | null;
} & (
  | { kind: "answered"; answer: string; citations: Citation[] }
  /** No sentence of the passages answers it (extractive), or the reader wrote nothing (generative). */
  | { kind: "unanswered"; readerDeclined: boolean }
  /** Stopped (the Stop button, or a newer question) before the reader wrote anything: not a decline. */
  | { kind: "stopped" }
  /** The question does not fit the reader's context beside even one passage: why, for the person asking. */
  | { kind: "refused"; refusal: string }
);
