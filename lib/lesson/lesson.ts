import type { Verdict } from "../evaluation/verdict";

/** One panel's side of a question in the lesson: its answer, the verdict on it, and how long it took. */
export interface LessonAnswer {
  answer: string;
  verdict: Verdict | null;
  totalMs: number;
}

/** A question asked during the lesson, with both answers as the class saw them. */
export interface LessonEntry {
  question: string;
  /** "extractive" or "generative": how the RAG panel answered. */
  ragMode: string;
  rag: LessonAnswer;
  /** The passages the RAG answer cited, by section. */
  cited: string[];
  fineTuned: LessonAnswer;
}

/** What a verdict says, in the words the page uses. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  agrees: "agrees with the article",
  wrong: "wrong",
  declined: "declined",
  "answered-anyway": "answered anyway",
};

export const verdictWords = (verdict: Verdict | null) => (verdict ? VERDICT_WORDS[verdict] : "not judged");
