"use client";
import { useCallback, useRef, useState } from "react";
import type { RagResult } from "../lib/retrieval/pipeline";
import type { RagRequest, RagResponse } from "../workers/protocol";
import { useWorker } from "./use-worker";

export type LoadState =
  | { status: "loading"; loaded: number; total: number }
  | { status: "ready"; passages: number; indexBytes: number; loadMs: number }
  | { status: "error"; message: string };

export type RagAnswer =
  | { status: "idle" }
  | { status: "running"; id: number; question: string }
  | { status: "done"; id: number; question: string; result: RagResult }
  | { status: "error"; id: number; question: string; message: string };

export function useRagWorker() {
  const [load, setLoad] = useState<LoadState>({ status: "loading", loaded: 0, total: 0 });
  const [answer, setAnswer] = useState<RagAnswer>({ status: "idle" });
  const latest = useRef(0);
  const progress = useRef(new Map<string, { loaded: number; total: number }>());

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
      case "error":
        if (message.id === undefined) setLoad({ status: "error", message: message.message });
        else if (message.id === latest.current) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { status: "error", id: message.id, question: current.question, message: message.message }
              : current,
          );
        }
        break;
    }
  }, []);

  const worker = useWorker<RagRequest, RagResponse>(
    () => new Worker(new URL("../workers/rag.worker.ts", import.meta.url), { type: "module" }),
    onMessage,
    (post) => {
      progress.current.clear();
      setLoad({ status: "loading", loaded: 0, total: 0 });
      post({ type: "load" });
    },
  );

  const ask = useCallback(
    (question: string) => {
      const id = ++latest.current;
      setAnswer({ status: "running", id, question });
      worker.post({ type: "ask", id, question });
    },
    [worker.post],
  );

  const retry = useCallback(() => {
    latest.current++;
    setAnswer({ status: "idle" });
    worker.restart();
  }, [worker.restart]);

  const loadState: LoadState = worker.crash ? { status: "error", message: worker.crash.message } : load;
  return { load: loadState, answer, ask, retry };
}
