import { COVERAGE_THRESHOLD, DECLINE_THRESHOLD } from "../settings";
import type { RetrievedPassage } from "../types";
import type { Coverage } from "./coverage";

/*
 * When the sources do not cover a question, the honest answer is to say so. Two settings decide it: the best
 * passage must match well enough, and the retrieved passages together must cover the question's specific
 * words, not only the collection's topic words.
 */

/** The two thresholds, as one value: each knowledge setting (knowledge.ts) has its own, chosen on its own scale. */
export interface DeclineThresholds {
  /** The best passage's match score must reach this. */
  match: number;
  /** The retrieved passages together must cover this share of the question's specific words. */
  coverage: number;
}

export const DEFAULT_DECLINE_THRESHOLDS: DeclineThresholds = {
  match: DECLINE_THRESHOLD,
  coverage: COVERAGE_THRESHOLD,
};

export interface DeclineDecision {
  decline: boolean;
  /** The best passage's match score (its score without the passage classifier). */
  confidence: number;
  /** The share of the question's specific words the retrieved passages cover between them. */
  coverage: number;
  /** Those of its specific words they leave uncovered (what the stage view names when it declines). */
  uncovered: string[];
}

/**
 * `coverageOf` gives the share of the question's specific words that the given passages cover between them.
 * All retrieved passages count, together: the right passage is not always first, and a question in two parts
 * may find each part in a different passage (docs/retrieval.md).
 */
export function decideDecline(
  hits: readonly RetrievedPassage[],
  coverageOf: (passageIds: readonly string[]) => Coverage,
  thresholds: DeclineThresholds = DEFAULT_DECLINE_THRESHOLDS,
): DeclineDecision {
  // The classifier orders the passages; whether they cover the question is judged by the matching signals,
  // which every passage has (a user's documents have no class) and on whose scale the threshold was chosen.
  const confidence = Math.max(0, ...hits.map((hit) => hit.matchScore));
  const { share: coverage, uncovered } =
    hits.length === 0 ? { share: 0, uncovered: [] } : coverageOf(hits.map((hit) => hit.passage.id));
  return {
    decline: confidence < thresholds.match || coverage < thresholds.coverage,
    confidence,
    coverage,
    uncovered,
  };
}
