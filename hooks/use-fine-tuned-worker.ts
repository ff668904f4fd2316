"use client";
import { useCallback, useRef, useState } from "react";
import type { Generation } from "../lib/generation/generator";
import { createProgressTally, requestedThreads } from "../lib/generation/load-progress";
import type { FineTunedRequest, FineTunedResponse } from "../workers/protocol";
import { useWorker } from "./use-worker";

export type ModelLoadState =
  | { status: "loading"; loaded: number; total: number; file: string }
  | { status: "ready"; loadMs: number }
  | { status: "error"; message: string };

export type FineTunedAnswer =
  | { status: "idle" }
  | { status: "running"; id: number; question: string; text: string }
  | { status: "done"; id: number; question: string; text: string; generation: Generation }
  | { status: "error"; id: number; question: string; text: string; message: string };

export function useFineTunedWorker() {
  const [load, setLoad] = useState<ModelLoadState>({ status: "loading", loaded: 0, total: 0, file: "" });
  const [answer, setAnswer] = useState<FineTunedAnswer>({ status: "idle" });
  const latest = useRef(0);
  const tally = useRef(createProgressTally());

  const onMessage = useCallback((message: FineTunedResponse) => {
    const forLatest = (id: number) => id === latest.current;
    switch (message.type) {
      case "progress":
        setLoad({ status: "loading", ...tally.current.update(message.progress) });
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
        if (message.id === undefined) setLoad({ status: "error", message: message.message });
        else if (forLatest(message.id)) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { ...current, status: "error", message: message.message }
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
      post({ type: "load", threads: requestedThreads(window.location.search) });
    },
  );

  const ask = useCallback(
    (question: string) => {
      const id = ++latest.current;
      setAnswer({ status: "running", id, question, text: "" });
      worker.post({ type: "ask", id, question });
    },
    [worker.post],
  );

  const stop = useCallback(() => worker.post({ type: "interrupt" }), [worker.post]);

  const retry = useCallback(() => {
    latest.current++;
    setAnswer({ status: "idle" });
    worker.restart();
  }, [worker.restart]);

  const loadState: ModelLoadState = worker.crash
    ? { status: "error", message: `The model worker stopped unexpectedly (${worker.crash.message}).` }
    : load;
  return { load: loadState, answer, ask, stop, retry };
}
