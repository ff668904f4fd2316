"use client";
import { useEffect, useMemo, useState } from "react";
import { type Verdict, verdictOf } from "../lib/evaluation/verdict";
import { claimHolds, type SetVerdicts } from "../lib/questions/claims";
import { curatedIndex, questionKey } from "../lib/questions/lookup";
import type { QuestionSet } from "../lib/questions/question-sets";
import type { FineTunedAnswer } from "./use-fine-tuned-worker";
import type { RagAnswer } from "./use-rag-worker";

type Seen = Map<string, { rag?: Verdict; fineTuned?: Verdict }>;

/**
 * The verdict on each panel's answer, for the prepared questions (the others have no reference, so no
 * verdict), and whether each "what to notice" line of a set is borne out by the answers given in this visit.
 */
export function useVerdicts(
  sets: readonly QuestionSet[],
  rag: RagAnswer,
  fineTuned: FineTunedAnswer,
  setId: string,
  ragMode: string,
) {
  const index = useMemo(() => curatedIndex(sets), [sets]);
  const ragVerdict = useMemo(() => {
    if (rag.status !== "done") return null;
    const curated = index.get(questionKey(rag.question));
    if (!curated) return null;
    return verdictOf({ answer: rag.result.answer, declined: rag.result.abstained }, curated.reference);
  }, [index, rag]);
  const fineTunedVerdict = useMemo(() => {
    if (fineTuned.status !== "done" || fineTuned.generation.refusal) return null;
    const curated = index.get(questionKey(fineTuned.question));
    if (!curated) return null;
    return verdictOf({ answer: fineTuned.generation.answer, declined: false }, curated.reference);
  }, [index, fineTuned]);

  // The verdicts seen in this visit, by question, for the answer mode they were given in.
  const [seen, setSeen] = useState<Record<string, Seen>>({});
  useEffect(() => {
    const record = (question: string, panel: "rag" | "fineTuned", verdict: Verdict | null) => {
      if (verdict === null) return;
      setSeen((current) => {
        const byQuestion = new Map(current[ragMode] ?? []);
        const key = questionKey(question);
        byQuestion.set(key, { ...byQuestion.get(key), [panel]: verdict });
        return { ...current, [ragMode]: byQuestion };
      });
    };
    if (rag.status === "done") record(rag.question, "rag", ragVerdict);
  }, [rag, ragVerdict, ragMode]);
  useEffect(() => {
    if (fineTuned.status !== "done" || fineTunedVerdict === null) return;
    setSeen((current) => {
      // The fine-tuned model answers the same whatever the RAG mode: record it under every mode.
      const next: Record<string, Seen> = { ...current };
      for (const mode of ["extractive", "generative"]) {
        const byQuestion = new Map(next[mode] ?? []);
        const key = questionKey(fineTuned.question);
        byQuestion.set(key, { ...byQuestion.get(key), fineTuned: fineTunedVerdict });
        next[mode] = byQuestion;
      }
      return next;
    });
  }, [fineTuned, fineTunedVerdict]);

  const noticeStatus = useMemo(() => {
    const set = sets.find((s) => s.id === setId);
    if (!set) return [];
    const byQuestion = seen[ragMode] ?? new Map();
    const verdicts: SetVerdicts = {
      rag: set.questions.map((q) => byQuestion.get(questionKey(q.question))?.rag ?? null),
      "fine-tuned": set.questions.map((q) => byQuestion.get(questionKey(q.question))?.fineTuned ?? null),
    };
    return set.notice.map((line) => {
      if (line.claims.length === 0) return null;
      const results = line.claims.map((claim) => claimHolds(claim, verdicts));
      if (results.includes(false)) return false;
      return results.includes(null) ? null : true;
    });
  }, [sets, setId, seen, ragMode]);

  return { rag: ragVerdict, fineTuned: fineTunedVerdict, noticeStatus };
}
