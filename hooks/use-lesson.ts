"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Verdict } from "../lib/evaluation/verdict";
import type { LessonEntry } from "../lib/lesson/lesson";
import type { Knowledge } from "../lib/rag/knowledge";
import type { FineTunedAnswer } from "./use-fine-tuned-worker";
import type { RagAnswer } from "./use-rag-worker";

/** An entry with the key React lists it by: the two answers' ids. */
export type RecordedEntry = LessonEntry & { key: string };

/**
 * The record of the lesson: each question both panels finished answering, once, with both answers, their
 * verdicts and their timings, in the order they were asked.
 */
export function useLesson(
  knowledge: Knowledge,
  rag: RagAnswer,
  fineTuned: FineTunedAnswer,
  verdicts: { rag: Verdict | null; fineTuned: Verdict | null },
) {
  const [entries, setEntries] = useState<RecordedEntry[]>([]);
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
        key,
        question: rag.question,
        knowledge,
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
  }, [knowledge, rag, fineTuned, verdicts.rag, verdicts.fineTuned]);

  // The answers already recorded stay marked: the panels still show them after a reset, and they must not
  // come back as new entries.
  const clear = useCallback(() => setEntries([]), []);

  return { entries, clear };
}
