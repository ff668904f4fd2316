import type { Reference } from "../evaluation/verdict";
import type { QuestionSet } from "./question-sets";

/** Where a prepared question sits, and the article's answer to it (null: the article does not answer it). */
export interface Curated {
  setId: string;
  index: number;
  reference: Reference | null;
}

/** A question as the page compares it: whitespace tidied, as the question box's validation leaves it. */
export const questionKey = (question: string) => question.replace(/\s+/g, " ").trim();

/** Every prepared question by its text, so an answer to one can be given its verdict. */
export function curatedIndex(sets: readonly QuestionSet[]): ReadonlyMap<string, Curated> {
  const index = new Map<string, Curated>();
  for (const set of sets) {
    set.questions.forEach((q, i) => {
      const key = questionKey(q.question);
      if (!index.has(key)) index.set(key, { setId: set.id, index: i, reference: q.reference ?? null });
    });
  }
  return index;
}
