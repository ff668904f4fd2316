"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { QaPair } from "../lib/live-fine-tune/examples";
import { findSetting, type LiveSettingName } from "../lib/live-fine-tune/settings";
import type { StepReport } from "../lib/live-fine-tune/train";
import type { LiveFineTuneRequest, LiveFineTuneResponse, LiveTrainingSummary } from "../workers/protocol";
import type { FineTunedAnswer } from "./use-fine-tuned-worker";

export type LiveTraining =
  | { status: "idle" }
  | {
      status: "loading";
      stage: "starting" | "runtime" | "weights";
      setting: LiveSettingName;
      pairs: QaPair[];
    }
  | { status: "training"; setting: LiveSettingName; pairs: QaPair[]; steps: StepReport[]; stopping: boolean }
  | {
      status: "trained";
      setting: LiveSettingName;
      pairs: QaPair[];
      steps: StepReport[];
      summary: LiveTrainingSummary;
    }
  | { status: "error"; message: string; pairs: QaPair[] };

/** What starting the training cost before its first step: downloads and preparing the shipped weights. */
export interface LiveLoad {
  loadMs: number;
  parameters: number;
  /** Bytes of JavaScript and WebAssembly fetched for training: what live fine-tuning adds to the page. */
  codeBytes: number;
}

// The worker's script and the chunks it imports are fetched by the page's network stack, so the page's own
// resource timings list them; the worker reports what it fetched itself (the .wasm).
const isCode = (name: string) => /\.(js|mjs|wasm)(\?|$)/.test(name);

function codeBytes(
  pageEntries: readonly PerformanceEntry[],
  workerEntries: readonly { name: string; bytes: number }[],
): number {
  const bytes = new Map<string, number>();
  for (const entry of pageEntries as PerformanceResourceTiming[]) {
    if (isCode(entry.name)) bytes.set(entry.name, entry.encodedBodySize || entry.transferSize);
  }
  for (const entry of workerEntries) if (isCode(entry.name)) bytes.set(entry.name, entry.bytes);
  return [...bytes.values()].reduce((sum, value) => sum + value, 0);
}

/**
 * Live fine-tuning in the page: the worker (and with it TensorFlow.js) starts only when the visitor starts
 * training; afterwards, while `active`, the fine-tuned panel's answers come from the updated weights.
 */
export function useLiveFineTune() {
  const [training, setTraining] = useState<LiveTraining>({ status: "idle" });
  const [load, setLoad] = useState<LiveLoad | null>(null);
  const [answer, setAnswer] = useState<FineTunedAnswer>({ status: "idle" });
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const resourcesBefore = useRef(0);

  const onMessage = useCallback((message: LiveFineTuneResponse) => {
    switch (message.type) {
      case "loading":
        setTraining((current) =>
          current.status === "loading" ? { ...current, stage: message.stage } : current,
        );
        break;
      case "loaded": {
        const entries = performance.getEntriesByType("resource").slice(resourcesBefore.current);
        setLoad({
          loadMs: message.loadMs,
          parameters: message.parameters,
          codeBytes: codeBytes(entries, message.resources),
        });
        break;
      }
      case "step":
        setTraining((current) =>
          current.status === "loading" || current.status === "training"
            ? {
                status: "training",
                setting: current.setting,
                pairs: current.pairs,
                steps: [...(current.status === "training" ? current.steps : []), message.report],
                stopping: current.status === "training" && current.stopping,
              }
            : current,
        );
        break;
      case "trained":
        setTraining((current) =>
          current.status === "loading" || current.status === "training"
            ? {
                status: "trained",
                setting: current.setting,
                pairs: current.pairs,
                steps: current.status === "training" ? current.steps : [],
                summary: message.summary,
              }
            : current,
        );
        break;
      case "started":
        break;
      case "text":
        if (message.id === latest.current) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { ...current, text: message.text }
              : current,
          );
        }
        break;
      case "done":
        if (message.id === latest.current) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { ...current, status: "done", generation: message.generation }
              : current,
          );
        }
        break;
      case "reset-done":
        break;
      case "error":
        if (message.id === undefined) {
          setTraining((current) => ({
            status: "error",
            message: message.message,
            pairs: current.status === "idle" ? [] : current.pairs,
          }));
        } else if (message.id === latest.current) {
          setAnswer((current) =>
            current.status === "running" && current.id === message.id
              ? { ...current, status: "error", message: message.message }
              : current,
          );
        }
        break;
    }
  }, []);

  const post = useCallback(
    (request: LiveFineTuneRequest) => {
      if (!worker.current) {
        resourcesBefore.current = performance.getEntriesByType("resource").length;
        const started = new Worker(new URL("../workers/live-fine-tune.worker.ts", import.meta.url), {
          type: "module",
        });
        started.onmessage = (event: MessageEvent<LiveFineTuneResponse>) => onMessage(event.data);
        started.onerror = (event) => {
          event.preventDefault();
          worker.current?.terminate();
          worker.current = null;
          setTraining((current) => ({
            status: "error",
            message: `The training worker stopped unexpectedly (${event.message || "it failed to start"}).`,
            pairs: current.status === "idle" ? [] : current.pairs,
          }));
        };
        worker.current = started;
      }
      worker.current.postMessage(request);
    },
    [onMessage],
  );

  useEffect(() => () => worker.current?.terminate(), []);

  const start = useCallback(
    (pairs: QaPair[], setting: LiveSettingName) => {
      latest.current++;
      setAnswer({ status: "idle" });
      setTraining({ status: "loading", stage: "starting", setting, pairs });
      post({ type: "train", pairs, setting });
    },
    [post],
  );

  const stop = useCallback(() => {
    setTraining((current) => (current.status === "training" ? { ...current, stopping: true } : current));
    worker.current?.postMessage({ type: "stop" } satisfies LiveFineTuneRequest);
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    setAnswer({ status: "idle" });
    setTraining({ status: "idle" });
    worker.current?.postMessage({ type: "reset" } satisfies LiveFineTuneRequest);
  }, []);

  const ask = useCallback(
    (question: string) => {
      const id = ++latest.current;
      setAnswer({ status: "running", id, question, text: "" });
      post({ type: "ask", id, question });
    },
    [post],
  );

  const stopAnswer = useCallback(
    () => worker.current?.postMessage({ type: "interrupt" } satisfies LiveFineTuneRequest),
    [],
  );

  // One object whose identity changes only with its contents, so memoised panels skip unrelated renders.
  return useMemo(() => {
    const active = training.status === "trained";
    const setting = training.status === "trained" ? findSetting(training.setting) : undefined;
    const label =
      training.status === "trained"
        ? `answered by the weights updated in this page (${training.summary.steps} steps, setting ${setting?.label ?? training.setting})`
        : null;
    return { training, load, answer, active, label, start, stop, reset, ask, stopAnswer };
  }, [training, load, answer, start, stop, reset, ask, stopAnswer]);
}

export type LiveFineTune = ReturnType<typeof useLiveFineTune>;
