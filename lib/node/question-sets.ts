import type { Reference } from "../evaluation/verdict";
import type { QuestionSet } from "../questions/question-sets";
import { readJsonLines } from "./assets";

interface Fact {
  factId: string;
  answer: string;
  evidence: string;
}

/** The facts of data/qa/facts.jsonl as references, by fact id. */
export function readReferences(): Map<string, Reference> {
  return new Map(
    readJsonLines<Fact>("data/qa/facts.jsonl").map((fact) => [
      fact.factId,
      { answer: fact.answer, evidence: fact.evidence },
    ]),
  );
}

/** The sets with each question's reference answer, read at build time for the page. */
export function withReferences(sets: readonly QuestionSet[]): QuestionSet[] {
  const references = readReferences();
  return sets.map((set) => ({
    ...set,
    questions: set.questions.map((q) => ({
      ...q,
      reference: q.factId === null ? null : (references.get(q.factId) ?? null),
    })),
  }));
}
