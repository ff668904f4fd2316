"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QuestionPreset } from "../components/question-form";
import { decodeLesson } from "../lib/lesson/link";
import { validateQuestion } from "../lib/questions/validate-question";
import { RAG_MODES, type RagMode } from "../lib/rag/types";

/** The address carries the question, the RAG mode and the set, so a presenter can prepare and share them. */
export function remember(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  window.history.replaceState(null, "", url);
}

/**
 * What a shared link asks for: a question (`?q=`, asked once the index is ready, unless the visitor typed or
 * asked first: the last explicit action wins), a question set (`?set=`), a lesson to replay (`?lesson=`) and
 * the RAG mode (`?rag=`).
 */
export function useLinkedState(
  firstSet: string,
  setIds: readonly string[],
  indexReady: boolean,
  setMode: (mode: RagMode) => void,
  askLinked: (question: string) => void,
) {
  // Text put in the question box from outside; `ifUntouched` never overwrites what the visitor is typing.
  const [preset, setPreset] = useState<QuestionPreset | null>(null);
  const [setId, setSetId] = useState(firstSet);
  const [lesson, setLesson] = useState<string[]>([]);
  const linkedQuestion = useRef<string | null>(null);
  const visitorActed = useRef(false);

  const putInBox = useCallback((text: string, ifUntouched = false) => {
    setPreset((current) => ({ text, seq: (current?.seq ?? 0) + 1, ifUntouched }));
  }, []);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const linked = params.get("q");
    if (linked) {
      linkedQuestion.current = linked;
      putInBox(linked, true);
    }
    const set = params.get("set");
    if (set && setIds.includes(set)) setSetId(set);
    setLesson(decodeLesson(params.get("lesson")));
    const mode = params.get("rag");
    if (RAG_MODES.includes(mode as RagMode)) setMode(mode as RagMode);
  }, [setMode, putInBox, setIds]);

  useEffect(() => {
    const linked = linkedQuestion.current;
    if (linked === null || !indexReady) return;
    linkedQuestion.current = null;
    if (visitorActed.current) return;
    // Both panels get the question as the form would send it. One the form refuses (empty, over the limit)
    // is not asked: it stays in the box, which shows the limit, and Ask names the problem.
    let question: string;
    try {
      question = validateQuestion(linked);
    } catch {
      return;
    }
    askLinked(question);
  }, [indexReady, askLinked]);

  const chooseSet = useCallback((id: string) => {
    setSetId(id);
    remember("set", id);
  }, []);

  const markActed = useCallback(() => {
    visitorActed.current = true;
  }, []);

  return { preset, putInBox, setId, chooseSet, lesson, markActed };
}
