"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Verdict } from "../lib/evaluation/verdict";
import type { LessonEntry } from "../lib/lesson/lesson";
import { alreadyRecorded, LESSON_STORAGE_KEY, readStoredLesson, storedLesson } from "../lib/lesson/stored";
import type { Knowledge } from "../lib/rag/knowledge";
import type { FineTunedAnswer } from "./use-fine-tuned-worker";
import type { RagAnswer } from "./use-rag-worker";

/** An entry with the key React lists it by, unique in the tab. */
export type RecordedEntry = LessonEntry & { key: string };

let keys = 0;
const withKey = (entry: LessonEntry): RecordedEntry => ({ ...entry, key: `${Date.now()}-${++keys}` });

// Storage can be off (a private window's settings) or full: the record then lives as long as the page.
const readStorage = () => {
  try {
    return readStoredLesson(window.sessionStorage.getItem(LESSON_STORAGE_KEY));
  } catch {
    return [];
  }
};
const writeStorage = (entries: readonly LessonEntry[]) => {
  try {
    if (entries.length === 0) window.sessionStorage.removeItem(LESSON_STORAGE_KEY);
    else window.sessionStorage.setItem(LESSON_STORAGE_KEY, storedLesson(entries));
  } catch {}
};

/**
 * The record of the lesson: each exchange both panels finished, once, with both answers, their verdicts and
 * their timings, in the order they were asked. The tab keeps it (sessionStorage), so a reload or a visit to
 * the evaluation or the guide loses none of it; another tab has its own.
 */
export function useLesson(
  knowledge: Knowledge,
  rag: RagAnswer,
  fineTuned: FineTunedAnswer,
  verdicts: { rag: Verdict | null; fineTuned: Verdict | null },
) {
  const [entries, setEntries] = useState<RecordedEntry[]>([]);
  const [restored, setRestored] = useState(false);
  const recorded = useRef(new Set<string>());

  // After hydration: the static page renders an empty record, as the server did.
  useEffect(() => {
    const stored = readStorage().map(withKey);
    // Idempotent: React's development mode runs this effect twice.
    setEntries((current) => [...stored, ...current.filter((entry) => !alreadyRecorded(stored, entry))]);
    setRestored(true);
  }, []);

  useEffect(() => {
    if (restored) writeStorage(entries);
  }, [restored, entries]);

  useEffect(() => {
    if (rag.status !== "done" || fineTuned.status !== "done" || rag.question !== fineTuned.question) return;
    const answers = `${rag.id}:${fineTuned.id}`;
    if (recorded.current.has(answers)) return;
    recorded.current.add(answers);
    const generation = fineTuned.generation;
    const entry: LessonEntry = {
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
    };
    setEntries((current) => (alreadyRecorded(current, entry) ? current : [...current, withKey(entry)]));
  }, [knowledge, rag, fineTuned, verdicts.rag, verdicts.fineTuned]);

  // The answers already recorded stay marked: the panels still show them after a reset, and they must not
  // come back as new entries.
  const clear = useCallback(() => setEntries([]), []);

  return { entries, clear };
}
