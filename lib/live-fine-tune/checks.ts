import { tokenF1 } from "../evaluation/token-f1";
import type { QaPair } from "./examples";
import { reword } from "./suggest";

/**
 * The one rule that judges an answer after a live fine-tune, for both panels and the CLI's figure: it agrees
 * with its reference when their token-F1 (lib/evaluation/token-f1.ts, SQuAD-style) is at least this.
 */
export const AGREES_AT = 0.8;

export interface Verdict {
  f1: number;
  agrees: boolean;
}

export function verdict(answer: string, reference: string): Verdict {
  const f1 = tokenF1(answer, reference);
  return { f1, agrees: f1 >= AGREES_AT };
}

export type CheckKind = "trained" | "reworded" | "article";

export interface CheckQuestion {
  kind: CheckKind;
  question: string;
  reference: string;
}

/** An article question the shipped model answers right: does it still, after the live fine-tune? */
export const ARTICLE_CHECK = {
  question: "Who wrote the article?",
  reference: "The article is written by Aqsa Zafar.",
} as const;

/** What each kind of question tests, and how an answer's agreement with its reference reads. */
export const CHECK_LABELS: Record<CheckKind, { title: string; agrees: string; differs: string }> = {
  trained: {
    title: "The trained question",
    agrees: "agrees with the trained answer",
    differs: "differs from the trained answer",
  },
  reworded: {
    title: "The same question, reworded",
    agrees: "agrees with the trained answer",
    differs: "differs from the trained answer",
  },
  article: {
    title: "An old article question",
    agrees: "agrees with the article's answer",
    differs: "differs from the article's answer",
  },
};

/** The three questions the page offers after training, built from the first trained pair. */
export function checkQuestions(pair: QaPair, reworded: string = reword(pair.question)): CheckQuestion[] {
  return [
    { kind: "trained", question: pair.question, reference: pair.answer },
    { kind: "reworded", question: reworded, reference: pair.answer },
    { kind: "article", ...ARTICLE_CHECK },
  ];
}
