import type { RetrievedPassage } from "./retriever";

/**
 * When the sources do not cover a question, the honest answer is to say so. The decision compares the best
 * passage's combined retrieval score with a threshold calibrated on the held-out dev questions, in scope and
 * off topic (docs/retrieval.md): a constant, not a per-query guess.
 */
export const DECLINE_THRESHOLD = 0.42;

export interface DeclineDecision {
  decline: boolean;
  /** The figure the decision compared with the threshold. */
  confidence: number;
}

export function decideDecline(
  hits: readonly RetrievedPassage[],
  threshold = DECLINE_THRESHOLD,
): DeclineDecision {
  const confidence = hits[0]?.score ?? 0;
  return { decline: confidence < threshold, confidence };
}
