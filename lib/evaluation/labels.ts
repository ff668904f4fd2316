import type { EvaluationReport } from "./report-types";

/**
 * The words /evaluation shows for the report's keys (data/evaluation/report.json), in one place, so no
 * internal name ("hybrid", "ragGenerative") reaches the page. A key the report gains later still reads as
 * words (plainLabel), until it is given better ones here.
 */
export const RETRIEVAL_METHOD_LABELS: Readonly<Record<string, string>> = {
  hybrid: "All signals combined (what the demo uses)",
  classifier: "Learned from the training questions",
  "full-text": "Keyword match (BM25)",
  semantic: "Similar words (word vectors)",
  dense: "Overall meaning of the question",
  encoder: "Sentence meaning learned without the article",
};

/** The order the retrieval methods are drawn in: what the demo uses first. */
export const RETRIEVAL_METHOD_ORDER = [
  "hybrid",
  "classifier",
  "full-text",
  "semantic",
  "dense",
  "encoder",
] as const;

export const SYSTEM_KEYS = ["ragExtractive", "ragGenerative", "fineTuned"] as const;
export type SystemKey = (typeof SYSTEM_KEYS)[number];

/** The demo page calls the two RAG modes "Extractive" and "Generative"; these say what each does. */
export const SYSTEM_LABELS: Readonly<Record<SystemKey, string>> = {
  ragExtractive: "RAG, quoting its sources",
  ragGenerative: "RAG, reader model writes",
  fineTuned: "Fine-tuned model",
};

export const SIZE_LABELS: Readonly<Record<string, string>> = {
  serializedIndex: "Search index",
  wordVectors: "Word vectors",
  fineTunedModel: "Fine-tuned model",
  readerModel: "Reader model",
  baseModel: "Base model (before any tuning)",
};

/** A key's plain words from `labels`, or the key itself split into words: "fooBar" and "foo-bar" read "Foo bar". */
export function plainLabel(labels: Readonly<Record<string, string>>, key: string): string {
  const known = labels[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Where `npm run eval` measured its timings, said on every timing. */
export function measuredOn(machine: EvaluationReport["machine"]): string {
  return `Node, ${machine.cpus}-core machine`;
}
