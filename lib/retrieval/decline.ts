import type { RetrievedPassage } from "./retriever";

/**
 * When the sources do not cover a question, the honest answer is to say so. Two constants, calibrated on the
 * held-out dev questions, in scope and off topic (docs/retrieval.md), decide it: the best passage must match
 * well enough, and one of the retrieved passages must cover the question's specific words, not only the
 * collection's topic words.
 */
export const DECLINE_THRESHOLD = 0.54;
/** Below this share of the question's specific words found in any retrieved passage, the question is declined. */
export const COVERAGE_THRESHOLD = 0.7;

export interface DeclineDecision {
  decline: boolean;
  /** The best passage's match score (its score without the passage classifier). */
  confidence: number;
  /** The largest share of the question's specific words a retrieved passage covers (of those checked). */
  coverage: number;
}

/**
 * `coverageOf` gives the share of the question's specific words a passage covers. Passages are checked in rank
 * order until one covers enough: the right passage is not always first, and its coverage is what matters.
 */
export function decideDecline(
  hits: readonly RetrievedPassage[],
  coverageOf: (passageId: string) => number,
): DeclineDecision {
  // The classifier orders the passages; whether they cover the question is judged by the matching signals,
  // which every passage has (a user's documents have no class) and on whose scale the threshold was chosen.
  const confidence = Math.max(0, ...hits.map((hit) => hit.matchScore));
  let coverage = 0;
  for (const hit of hits) {
    coverage = Math.max(coverage, coverageOf(hit.passage.id));
    if (coverage >= COVERAGE_THRESHOLD) break;
  }
  return { decline: confidence < DECLINE_THRESHOLD || coverage < COVERAGE_THRESHOLD, confidence, coverage };
}
