import { containsEvidence } from "../text/evidence";
import { stripMarkers } from "../text/markers";
import { tokenF1 } from "../text/token-f1";

/**
 * What an audience is told about one answer. "agrees": it says what the article says; "wrong": it answers,
 * but not that; "declined": it said its sources do not cover the question; "answered-anyway": it answered a
 * question the article does not answer. The same rule marks answers in the page, the lesson record and the
 * evaluation report.
 */
export const VERDICTS = ["agrees", "wrong", "declined", "answered-anyway"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Token-F1 with the article's reference answer from which an answer counts as agreeing with it. */
export const AGREES_F1 = 0.8;

export interface Judged {
  answer: string;
  /** True when the panel declined (RAG said its sources do not cover the question). */
  declined: boolean;
}

/** The article's answer to a question, or null when the article does not answer it. */
export interface Reference {
  answer: string;
  /** The article's own words that hold the answer. */
  evidence: string;
}

/**
 * The verdict on an answer: it agrees when its words overlap the reference answer enough (token-F1 of at
 * least AGREES_F1), or when it quotes the article's own words for the fact, as an extractive answer does.
 */
export function verdictOf(judged: Judged, reference: Reference | null): Verdict {
  if (judged.declined) return "declined";
  if (reference === null) return "answered-anyway";
  const answer = stripMarkers(judged.answer);
  const agrees =
    tokenF1(answer, reference.answer) >= AGREES_F1 || containsEvidence(answer, reference.evidence);
  return agrees ? "agrees" : "wrong";
}
