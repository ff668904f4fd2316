"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Generation } from "../lib/models/generator";
import { createProgressTally, requestedPace, requestedThreads } from "../lib/models/load-progress";
import type { Knowledge } from "../lib/rag/knowledge";
import type { FineTunedRequest, FineTunedResponse } from "../workers/protocol";
import { knowledgeInAddress } from "./use-knowledge";
import { useWatchdog } from "./use-watchdog";
import { useWorker } from "./use-worker";

/** Past this long without a word from a loading model worker (no progress), it is treated as hung. */
export const MODEL_LOAD_SILENCE_MS = 30_000;

export type ModelLoadState =
  /** `starting`: every file is downloaded and verified, and the runtime is starting the model. */
  | { status: "loading"; loaded: number; total: number; file: string; starting?: boolean }
  | { status: "ready"; loadMs: number }
  | { status: "error"; message: string; detail?: string };

export type FineTunedAnswer =
  | { status: "idle" }
  | { status: "running"; id: number; question: string; text: string }
  | { status: "done"; id: number; question: string; text: string; generation: Generation }
  | { status: "error"; id: number; question: string; text: string; message: string; detail?: string };

/** `knowledge`: the setting the page shows, whose fine-tuned model the worker loads (a new worker each time). */
export function useFineTunedWorker(knowledge: Knowledge) {
  const [load, setLoad] = useState<ModelLoadState>({ status: "loading", loaded: 0, total: 0, file: "" });
  const [answer, setAnswer] = useState<FineTunedAnswer>({ status: "idle" });
  const latest = useRef(0);
  const tally = useRef(createProgressTally());
  const loadedWith = useRef<Knowledge | null>(null);

  const onMessage = useCallback((message: FineTunedResponse) => {
    const forLatest = (id: number) => id === latest.current;
    switch (message.type) {
      case "progress":
        setLoad({
          status: "loading",
          ...tally.current.update(message.progress),
          starting: message.progress.status === "starting",
        });
        break;
      case "ready":
        setLoad({ status: "ready", loadMs: message.loadMs });
        break;
      case "started":
        break;
      case "token":
        if (forLatest(message.id)) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { ...current, text: current.text + message.text }
              : current,
          );
        }
        break;
      case "done":
        if (forLatest(message.id)) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { ...current, status: "done", generation: message.generation }
              : current,
          );
        }
        break;
      case "error":
        if (message.id === undefined)
          setLoad({ status: "error", message: message.message, detail: message.detail });
        else if (forLatest(message.id)) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { ...current, status: "error", message: message.message, detail: message.detail }
              : current,
          );
        }
        break;
    }
  }, []);

  const worker = useWorker<FineTunedRequest, FineTunedResponse>(
    () => new Worker(new URL("../workers/fine-tuned.worker.ts", import.meta.url), { type: "module" }),
    onMessage,
    (post) => {
      tally.current.clear();
      setLoad({ status: "loading", loaded: 0, total: 0, file: "" });
      loadedWith.current = knowledgeInAddress();
      post({
        type: "load",
        threads: requestedThreads(window.location.search),
        knowledge: loadedWith.current,
      });
    },
  );

  const ask = useCallback(
    (question: string) => {
      const id = ++latest.current;
      setAnswer({ status: "running", id, question, text: "" });
      worker.post({ type: "ask", id, question, paceMs: requestedPace(window.location.search) });
    },
    [worker.post],
  );

  const stop = useCallback(() => worker.post({ type: "interrupt" }), [worker.post]);

  /** Stops any answer and shows none; one still streaming is dropped when it arrives. */
  const clear = useCallback(() => {
    latest.current++;
    worker.post({ type: "interrupt" });
    setAnswer({ status: "idle" });
  }, [worker.post]);

  const [starts, setStarts] = useState(0);
  const retry = useCallback(() => {
    latest.current++;
    setStarts((n) => n + 1);
    setAnswer({ status: "idle" });
    worker.restart();
  }, [worker.restart]);

  // Another setting has another model: a fresh worker loads it, so no answer of the old one can arrive. The
  // switch writes the address first; acting only once the state agrees with it skips the first render's default.
  useEffect(() => {
    const wanted = knowledgeInAddress();
    if (wanted === knowledge && loadedWith.current !== null && loadedWith.current !== wanted) retry();
  }, [knowledge, retry]);

  // Only silence counts: each progress message restarts the clock.
  const loadHung = useWatchdog(
    load.status === "loading",
    load.status === "loading" ? `${starts}:${load.loaded}:${load.starting === true}` : starts,
    MODEL_LOAD_SILENCE_MS,
  );
  const loadState: ModelLoadState = worker.crash
    ? {
        status: "error",
        message: "The model worker stopped unexpectedly. Retry to start it again.",
        detail: worker.crash.message,
      }
    : loadHung
      ? {
          status: "error",
          message: "The model did not finish loading in time. Check your connection, then retry.",
          detail: `no message from the fine-tuned worker for ${MODEL_LOAD_SILENCE_MS / 1000} s`,
        }
      : load;
  return { load: loadState, answer, ask, stop, clear, retry };
}
