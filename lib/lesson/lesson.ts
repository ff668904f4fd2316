import type { Verdict } from "../evaluation/verdict";
import type { Knowledge } from "../rag/knowledge";

/** One panel's side of a question in the lesson: its answer, the verdict on it, and how long it took. */
export interface LessonAnswer {
  answer: string;
  verdict: Verdict | null;
  totalMs: number;
}

/** A question asked during the lesson, with both answers as the class saw them. */
export interface LessonEntry {
  question: string;
  /** What each approach was given when it was asked (the knowledge switch). */
  knowledge: Knowledge;
  /** "extractive" or "generative": how the RAG panel answered. */
  ragMode: string;
  rag: LessonAnswer;
  /** The passages the RAG answer cited, by section. */
  cited: string[];
  fineTuned: LessonAnswer;
}

/** The setting in the handout's words, read back by the Markdown parser. */
export const KNOWLEDGE_WORDS: Record<Knowledge, string> = {
  article: "the article only",
  "article+questions": "the article and the written questions",
};

/** What a verdict says, in the words the page uses. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  agrees: "agrees with the article",
  wrong: "wrong",
  declined: "declined",
  "answered-anyway": "answered anyway",
};

export const verdictWords = (verdict: Verdict | null) => (verdict ? VERDICT_WORDS[verdict] : "not judged");
