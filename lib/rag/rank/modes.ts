/**
 * How `retrieve` ranks: "hybrid" (the product's) fuses the signals; each other mode ranks by one signal alone,
 * for the evaluation report ("classifier" finds nothing without a classifier).
 */
export const RETRIEVAL_MODES = ["hybrid", "full-text", "semantic", "dense", "classifier", "encoder"] as const;
export type RetrievalMode = (typeof RETRIEVAL_MODES)[number];
