"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Verdict } from "../lib/evaluation/verdict";
import type { LessonEntry } from "../lib/lesson/lesson";
import type { FineTunedAnswer } from "./use-fine-tuned-worker";
import type { RagAnswer } from "./use-rag-worker";

/**
 * The record of the lesson: each question both panels finished answering, once, with both answers, their
 * verdicts and their timings, in the order they were asked.
 */
export function useLesson(
  rag: RagAnswer,
  fineTuned: FineTunedAnswer,
  verdicts: { rag: Verdict | null; fineTuned: Verdict | null },
) {
  const [entries, setEntries] = useState<LessonEntry[]>([]);
  const recorded = useRef(new Set<string>());

  useEffect(() => {
    if (rag.status !== "done" || fineTuned.status !== "done" || rag.question !== fineTuned.question) return;
    const key = `${rag.id}:${fineTuned.id}`;
    if (recorded.current.has(key)) return;
    recorded.current.add(key);
    const generation = fineTuned.generation;
    setEntries((current) => [
      ...current,
      {
        question: rag.question,
        ragMode: rag.result.mode,
        rag: { answer: rag.result.answer, verdict: verdicts.rag, totalMs: rag.result.timings.totalMs },
        cited: rag.result.citations.map((c) => c.section),
        fineTuned: {
          answer: generation.refusal ? generation.refusal.message : generation.answer,
          verdict: verdicts.fineTuned,
          totalMs: generation.timings.totalMs,
        },
      },
    ]);
  }, [rag, fineTuned, verdicts.rag, verdicts.fineTuned]);

  const clear = useCallback(() => {
    recorded.current.clear();
    setEntries([]);
  }, []);

  return { entries, clear };
}
