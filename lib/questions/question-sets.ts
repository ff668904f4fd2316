import data from "../../data/question-sets.json";
import type { Reference } from "../evaluation/verdict";
import type { Claim } from "./claims";

/** A curated question, and the fact of the article that answers it (null: the article does not). */
export interface CuratedQuestion {
  question: string;
  factId: string | null;
  /** The article's answer, filled in where facts are read (lib/node/question-sets.ts); null when it has none. */
  reference?: Reference | null;
}

/** A line of a set's "what to notice", with the claims about the answers it makes (checked by tests). */
export interface NoticeLine {
  text: string;
  claims: Claim[];
}

export interface QuestionSet {
  id: string;
  label: string;
  notice: NoticeLine[];
  questions: CuratedQuestion[];
}

/**
 * Curated question sets for a presenter, from data/question-sets.json: one click asks a question; each set
 * says what to watch for. Written for the demo, not taken from the evaluation sets (which stay unseen).
 */
export const QUESTION_SETS = data.sets as QuestionSet[];

/** Every curated question's text (the search worker warms up on them). */
export const CURATED_QUESTIONS = QUESTION_SETS.flatMap((set) => set.questions.map((q) => q.question));
