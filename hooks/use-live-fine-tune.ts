"use client";
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
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

const isCode = (name: string) => /\.(js|mjs|wasm)(\?|$)/.test(name);

/**
 * The bytes of code live fine-tuning downloaded, as served (compressed): the worker's own script, which the
 * page fetched, and the chunks and WebAssembly the worker fetched itself. Only these: the page may be
 * fetching other code meanwhile (a prefetched route, say).
 */
function codeBytes(script: string, workerEntries: readonly { name: string; bytes: number }[]): number {
  const own = (performance.getEntriesByName(script, "resource") as PerformanceResourceTiming[]).at(-1);
  const fetched = workerEntries.filter((entry) => isCode(entry.name) && entry.name !== script);
  return (
    (own ? own.encodedBodySize || own.transferSize : 0) + fetched.reduce((sum, entry) => sum + entry.bytes, 0)
  );
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
  // When the worker was started: loading is timed from there, its scripts' download included.
  const startedAt = useRef(0);

  const receive = useCallback((message: LiveFineTuneResponse) => {
    switch (message.type) {
      case "loading":
        setTraining((current) =>
          current.status === "loading" ? { ...current, stage: message.stage } : current,
        );
        break;
      case "loaded":
        setLoad({
          loadMs: performance.now() - startedAt.current,
          parameters: message.parameters,
          codeBytes: codeBytes(message.script, message.resources),
        });
        break;
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

  // Training's progress renders as transitions: React then renders in slices and yields to the browser, so a
  // step's update never holds the main thread, which the page shares with two busy workers.
  const onMessage = useCallback(
    (message: LiveFineTuneResponse) => {
      const progress = ["loading", "loaded", "step", "trained"].includes(message.type);
      if (progress) startTransition(() => receive(message));
      else receive(message);
    },
    [receive],
  );

  const post = useCallback(
    (request: LiveFineTuneRequest) => {
      if (!worker.current) {
        startedAt.current = performance.now();
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

  /** Holds training while the page answers a question (a no-op before training ever started). */
  const hold = useCallback((held: boolean) => {
    worker.current?.postMessage({ type: "hold", held } satisfies LiveFineTuneRequest);
  }, []);

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
    return { training, load, answer, active, label, start, stop, reset, ask, stopAnswer, hold };
  }, [training, load, answer, start, stop, reset, ask, stopAnswer, hold]);
}

export type LiveFineTune = ReturnType<typeof useLiveFineTune>;
