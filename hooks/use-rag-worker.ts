"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SourceDocument } from "../lib/documents/types";
import { createProgressTally, requestedPace, requestedThreads } from "../lib/models/load-progress";
import type { Knowledge } from "../lib/rag/knowledge";
import { DEFAULT_RAG_MODE } from "../lib/rag/settings";
import type { RagMode, RagResult } from "../lib/rag/types";
import type { RagRequest, RagResponse } from "../workers/protocol";
import type { ModelLoadState } from "./use-fine-tuned-worker";
import { knowledgeInAddress } from "./use-knowledge";
import { useWatchdog } from "./use-watchdog";
import { useWorker } from "./use-worker";

/** Past these, a silent search worker is treated as hung: its panel offers a retry. */
export const RAG_LOAD_TIMEOUT_MS = 20_000;
export const RAG_ANSWER_TIMEOUT_MS = 10_000;

export type DocumentChange =
  | { add: SourceDocument }
  | { remove: string }
  | { edit: { passageId: string; text: string } }
  | { restore: string };

export type LoadState =
  | { status: "loading"; loaded: number; total: number }
  | { status: "ready"; passages: number; indexBytes: number; loadMs: number }
  | { status: "error"; message: string; detail?: string };

/** The reader loads on demand: "idle" until generative answers are first asked for. */
export type ReaderState = ModelLoadState | { status: "idle" };

export type RagAnswer =
  | { status: "idle" }
  /** `text` is the reader's answer so far, as it streams. */
  | { status: "running"; id: number; question: string; mode: RagMode; text: string }
  | { status: "done"; id: number; question: string; result: RagResult }
  /** `hung`: the worker went silent, so only a restart (Retry) helps; other errors leave it working. */
  | { status: "error"; id: number; question: string; message: string; detail?: string; hung?: boolean };

/** `knowledge`: the setting the page shows; the worker loads it again when it changes. */
export function useRagWorker(knowledge: Knowledge) {
  const [load, setLoad] = useState<LoadState>({ status: "loading", loaded: 0, total: 0 });
  const [answer, setAnswer] = useState<RagAnswer>({ status: "idle" });
  const [reader, setReader] = useState<ReaderState>({ status: "idle" });
  // The toggle or ?rag= changes it; the default is the mode that measures better (DEFAULT_RAG_MODE).
  const [mode, setModeState] = useState<RagMode>(DEFAULT_RAG_MODE);
  const readerTally = useRef(createProgressTally());
  const modeRef = useRef<RagMode>(DEFAULT_RAG_MODE);
  // Whether this worker was asked to load the reader; a restarted worker starts over.
  const readerRequested = useRef(false);
  const latest = useRef(0);
  // One counter for every request, so a document request's id never collides with a question's.
  const nextId = useRef(0);
  const pending = useRef(
    new Map<
      number,
      { resolve: (ms: { passages: number; ms: number }) => void; reject: (e: Error) => void }
    >(),
  );
  const progress = useRef(new Map<string, { loaded: number; total: number }>());
  // The setting the worker was last asked to load.
  const loadedWith = useRef<Knowledge | null>(null);

  const onMessage = useCallback((message: RagResponse) => {
    switch (message.type) {
      case "progress": {
        progress.current.set(message.file, { loaded: message.loaded, total: message.total });
        const files = [...progress.current.values()];
        setLoad({
          status: "loading",
          loaded: files.reduce((sum, file) => sum + file.loaded, 0),
          total: files.reduce((sum, file) => sum + file.total, 0),
        });
        break;
      }
      case "ready":
        setLoad({
          status: "ready",
          passages: message.passages,
          indexBytes: message.indexBytes,
          loadMs: message.loadMs,
        });
        break;
      case "reader-progress":
        setReader({ status: "loading", ...readerTally.current.update(message.progress) });
        break;
      case "reader-ready":
        setReader({ status: "ready", loadMs: message.loadMs });
        break;
      case "reader-error":
        setReader({ status: "error", message: message.message, detail: message.detail });
        break;
      case "token":
        if (message.id === latest.current) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { ...current, text: current.text + message.text }
              : current,
          );
        }
        break;
      case "result":
        // Only the latest question's answer is shown; an older one that finishes late is dropped.
        if (message.id === latest.current) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { status: "done", id: message.id, question: current.question, result: message.result }
              : current,
          );
        }
        break;
      case "document-added":
      case "document-removed":
      case "passage-updated": {
        const request = pending.current.get(message.id);
        pending.current.delete(message.id);
        if (message.type === "passage-updated" && !message.found) {
          request?.reject(new Error(`The passage ${message.passageId} is no longer in the index.`));
        } else {
          request?.resolve({
            passages: message.type === "document-added" ? message.passages : 0,
            ms: message.ms,
          });
        }
        break;
      }
      case "error": {
        const request = message.id === undefined ? undefined : pending.current.get(message.id);
        if (request && message.id !== undefined) {
          pending.current.delete(message.id);
          request.reject(new Error(message.message));
          break;
        }
        if (message.id === undefined)
          setLoad({ status: "error", message: message.message, detail: message.detail });
        else if (message.id === latest.current) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? {
                  status: "error",
                  id: message.id,
                  question: current.question,
                  message: message.message,
                  detail: message.detail,
                }
              : current,
          );
        }
        break;
      }
    }
  }, []);

  // Asks the worker for the reader once per worker: on start in generative mode, or on the first switch to it.
  const requestReader = useCallback((post: (request: RagRequest) => void) => {
    readerRequested.current = true;
    setReader({ status: "loading", loaded: 0, total: 0, file: "" });
    post({ type: "load-reader" });
  }, []);

  /** Asks the worker for the address's setting, and shows the search loading until it is ready. */
  const requestLoad = useCallback((post: (request: RagRequest) => void) => {
    loadedWith.current = knowledgeInAddress();
    progress.current.clear();
    setLoad({ status: "loading", loaded: 0, total: 0 });
    post({ type: "load", threads: requestedThreads(window.location.search), knowledge: loadedWith.current });
  }, []);

  const worker = useWorker<RagRequest, RagResponse>(
    () => new Worker(new URL("../workers/rag.worker.ts", import.meta.url), { type: "module" }),
    onMessage,
    (post) => {
      readerTally.current.clear();
      requestLoad(post);
      readerRequested.current = false;
      if (modeRef.current === "generative") requestReader(post);
      else setReader({ status: "idle" });
    },
  );

  // Another setting: the worker builds that setting's pipeline (the reader stays loaded). The page shows it
  // loading, so the added documents are indexed again once it is ready; an answer still coming is dropped.
  // The switch writes the address first; acting only once the state agrees with it skips the first render's
  // default, which the address has not confirmed yet.
  useEffect(() => {
    const wanted = knowledgeInAddress();
    if (wanted !== knowledge || loadedWith.current === null || loadedWith.current === wanted) return;
    latest.current = ++nextId.current;
    setAnswer({ status: "idle" });
    requestLoad(worker.post);
  }, [knowledge, requestLoad, worker.post]);

  // Generative needs the reader; when it cannot load, answers are extractive and the toggle says why.
  const effectiveMode: RagMode = reader.status === "error" ? "extractive" : mode;
  const ask = useCallback(
    (question: string, askMode: RagMode = effectiveMode) => {
      const id = ++nextId.current;
      latest.current = id;
      setAnswer({ status: "running", id, question, mode: askMode, text: "" });
      worker.post({
        type: "ask",
        id,
        question,
        mode: askMode,
        paceMs: requestedPace(window.location.search),
      });
    },
    [worker.post, effectiveMode],
  );

  // The latest answer and ask, for setMode: a stable callback that still sees the current question.
  const current = useRef({ answer, ask });
  current.current = { answer, ask };

  /** Switches the answer mode and asks the current question again in it, so the two can be compared. */
  const setMode = useCallback(
    (next: RagMode) => {
      setModeState(next);
      modeRef.current = next;
      if (next === "generative" && !readerRequested.current) requestReader(worker.post);
      const { answer: shown, ask: askAgain } = current.current;
      if (shown.status !== "idle") askAgain(shown.question, next);
    },
    [worker.post, requestReader],
  );

  const stop = useCallback(() => worker.post({ type: "interrupt" }), [worker.post]);

  /** Stops any answer and shows none; one still streaming is dropped when it arrives. */
  const clear = useCallback(() => {
    latest.current = ++nextId.current;
    worker.post({ type: "interrupt" });
    setAnswer({ status: "idle" });
  }, [worker.post]);

  /** Sends a document change to the worker; resolves with the passage count and the time the index took. */
  const updateDocuments = useCallback(
    (change: DocumentChange) =>
      new Promise<{ passages: number; ms: number }>((resolve, reject) => {
        const id = ++nextId.current;
        pending.current.set(id, { resolve, reject });
        worker.post(
          "add" in change
            ? { type: "add-document", id, document: change.add }
            : "remove" in change
              ? { type: "remove-document", id, documentId: change.remove }
              : "edit" in change
                ? { type: "edit-passage", id, passageId: change.edit.passageId, text: change.edit.text }
                : { type: "restore-passage", id, passageId: change.restore },
        );
      }),
    [worker.post],
  );

  const retry = useCallback(() => {
    latest.current = ++nextId.current;
    for (const request of pending.current.values()) request.reject(new Error("the search worker restarted"));
    pending.current.clear();
    setAnswer({ status: "idle" });
    worker.restart();
  }, [worker.restart]);

  const [starts, setStarts] = useState(0);
  // A retry restarts the load's watchdog as well as the worker.
  const restart = useCallback(() => {
    setStarts((n) => n + 1);
    retry();
  }, [retry]);
  const loadHung = useWatchdog(load.status === "loading", starts, RAG_LOAD_TIMEOUT_MS);
  // A generative question waits for the reader's load, which has its own progress; then each streamed
  // token restarts the clock, so only silence counts.
  const waitingForReader =
    answer.status === "running" && answer.mode === "generative" && reader.status === "loading";
  const answerHung = useWatchdog(
    answer.status === "running" && !waitingForReader,
    answer.status === "running" ? `${answer.id}:${answer.text.length}` : 0,
    RAG_ANSWER_TIMEOUT_MS,
  );
  const loadState: LoadState = worker.crash
    ? {
        status: "error",
        message: "The search worker stopped unexpectedly. Retry to start it again.",
        detail: worker.crash.message,
      }
    : loadHung
      ? { status: "error", message: "The search worker did not finish loading in time." }
      : load;
  const answerState: RagAnswer =
    answerHung && answer.status === "running"
      ? {
          status: "error",
          id: answer.id,
          question: answer.question,
          message: "The search worker did not answer in time.",
          hung: true,
        }
      : answer;
  return {
    load: loadState,
    answer: answerState,
    reader: worker.crash ? ({ status: "error", message: "the search worker stopped" } as const) : reader,
    mode: effectiveMode,
    setMode,
    stop,
    clear,
    ask,
    retry: restart,
    updateDocuments,
  };
}
