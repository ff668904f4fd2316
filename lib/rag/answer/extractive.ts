import { EXTRACTIVE_CLOSENESS, EXTRACTIVE_MAX_SENTENCES } from "../settings";
import type { WordVectors } from "../store/word-vectors";
import type { Citation, RetrievedPassage } from "../types";
import type { AnswerOutcome } from "./outcome";
import { rankSentences } from "./sentence-rank";

export interface ExtractiveAnswer {
  /** The chosen sentences, each followed by the marker [n] of the citation it came from. */
  answer: string;
  /** Citation numbers (1-based ranks) the answer uses. */
  used: number[];
}

export { splitSentences } from "../store/sentences";

/**
 * Extractive answering: the sentences of the retrieved passages that best match the question, each with its
 * citation marker (sentence-rank.ts scores them). A second sentence is added only when it scores nearly as
 * well as the first.
 */
export function buildExtractiveAnswer(
  question: string,
  citations: readonly RetrievedPassage[],
  vectors: WordVectors,
  { maxSentences = EXTRACTIVE_MAX_SENTENCES, closeness = EXTRACTIVE_CLOSENESS } = {},
): ExtractiveAnswer | null {
  const candidates = rankSentences(question, citations, vectors);
  if (candidates.length === 0) return null;
  const best = candidates[0];
  if (!best) return null;
  const chosen = [best];
  for (const candidate of candidates.slice(1)) {
    if (chosen.length >= maxSentences || candidate.score < best.score * closeness) break;
    if (!chosen.some((c) => c.sentence === candidate.sentence)) chosen.push(candidate);
  }
  return {
    answer: chosen.map((c) => `${c.sentence} [${c.rank}]`).join(" "),
    used: [...new Set(chosen.map((c) => c.rank))].sort((a, b) => a - b),
  };
}

/** The extractive answer as an outcome: it cites every passage handed on, or none when no sentence answers. */
export function extractiveAnswer(
  question: string,
  hits: readonly RetrievedPassage[],
  vectors: WordVectors,
  toCitation: (hit: RetrievedPassage, index: number) => Citation,
): AnswerOutcome {
  const augmented = hits.map(toCitation);
  const extractive = buildExtractiveAnswer(question, hits, vectors);
  const base = { augmented, prompt: null, generation: null };
  return extractive
    ? { kind: "answered", answer: extractive.answer, citations: augmented, ...base }
    : { kind: "unanswered", readerDeclined: false, ...base };
}
