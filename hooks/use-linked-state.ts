"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QuestionPreset } from "../components/question-form";
import { decodeLesson } from "../lib/lesson/link";
import { validateQuestion } from "../lib/questions/validate-question";
import { RAG_MODES, type RagMode } from "../lib/rag/types";

// The address as this page last wrote it: Back and Forward change the question, never a setting.
let written: string | null = null;

const write = (url: URL, entry: "push" | "replace") => {
  if (entry === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
  written = url.search;
};

/** The address carries the question, the RAG mode and the set, so a presenter can prepare and share them. */
export function remember(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  write(url, "replace");
}

/**
 * A question asked in place of another gets its own entry in the browser's history, so Back (a phone's swipe
 * too) returns to the question before it instead of leaving the demo.
 */
export function rememberQuestion(question: string): void {
  const url = new URL(window.location.href);
  const shown = url.searchParams.get("q");
  url.searchParams.set("q", question);
  write(url, shown !== null && shown !== question ? "push" : "replace");
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
    written = window.location.search;
    const params = new URLSearchParams(written);
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

  // Back and Forward between questions: the question of the entry is asked again, with today's settings.
  useEffect(() => {
    const onHistory = () => {
      const url = new URL(window.location.href);
      const question = url.searchParams.get("q");
      const settings = new URLSearchParams(written ?? url.search);
      const before = settings.get("q");
      if (question === null) settings.delete("q");
      else settings.set("q", question);
      url.search = settings.toString();
      write(url, "replace");
      if (question === null || question === before) return;
      visitorActed.current = true;
      putInBox(question);
      try {
        askLinked(validateQuestion(question));
      } catch {}
    };
    window.addEventListener("popstate", onHistory);
    return () => window.removeEventListener("popstate", onHistory);
  }, [putInBox, askLinked]);

  const chooseSet = useCallback((id: string) => {
    setSetId(id);
    remember("set", id);
  }, []);

  const markActed = useCallback(() => {
    visitorActed.current = true;
  }, []);

  return { preset, putInBox, setId, chooseSet, lesson, markActed };
}
