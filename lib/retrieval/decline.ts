import type { RetrievedPassage } from "./retriever";

/**
 * When the sources do not cover a question, the honest answer is to say so. Two constants, calibrated on the
 * held-out dev questions, in scope and off topic (docs/retrieval.md), decide it: the best passage must score
 * well enough, and it must cover the question's specific words, not only the collection's topic words.
 */
export const DECLINE_THRESHOLD = 0.42;
/** Below this share of the question's specific words found in the best passage, the question is declined. */
export const COVERAGE_THRESHOLD = 0.7;

export interface DeclineDecision {
  decline: boolean;
  /** The best passage's retrieval score. */
  confidence: number;
  /** The share of the question's specific words the best passage covers. */
  coverage: number;
}

export function decideDecline(hits: readonly RetrievedPassage[], coverage: number): DeclineDecision {
  const confidence = hits[0]?.score ?? 0;
  return { decline: confidence < DECLINE_THRESHOLD || coverage < COVERAGE_THRESHOLD, confidence, coverage };
}
