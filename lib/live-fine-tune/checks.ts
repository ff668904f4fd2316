import { AGREES_F1, verdictOf } from "../evaluation/verdict";
import { tokenF1 } from "../text/token-f1";
import type { QaPair } from "./examples";
import { reword } from "./suggest";

/** Where an answer counts as agreeing: the curated sets' rule (lib/evaluation/verdict.ts). */
export const AGREES_AT = AGREES_F1;

export interface Verdict {
  f1: number;
  agrees: boolean;
}

/**
 * The verdict on an answer after a live fine-tune, by the same rule as the curated sets' verdicts: the
 * reference is the trained (or the article's) answer, which is also the words an answer may quote.
 */
export function verdict(answer: string, reference: string): Verdict {
  const agrees =
    verdictOf({ answer, declined: false }, { answer: reference, evidence: reference }) === "agrees";
  return { f1: tokenF1(answer, reference), agrees };
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
