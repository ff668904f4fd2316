/// <reference lib="webworker" />
import { createError, describeError } from "../lib/errors";
import { FINE_TUNED_DECODING } from "../lib/fine-tuned/generation";
import { startBackend } from "../lib/live-fine-tune/backend";
import { generateAnswer } from "../lib/live-fine-tune/generate";
import { disposeLiveModel, type LiveModel } from "../lib/live-fine-tune/model";
import { parameterCount } from "../lib/live-fine-tune/onnx-weights";
import { fineTune } from "../lib/live-fine-tune/run";
import { findSetting } from "../lib/live-fine-tune/settings";
import { loadShippedModel, type ShippedModel } from "../lib/live-fine-tune/shipped";
import type { Generation } from "../lib/models/generator";
import { decodeRate } from "../lib/models/speed";
import type { LiveFineTuneRequest, LiveFineTuneResponse } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const post = (message: LiveFineTuneResponse) => self.postMessage(message);

const TFJS_WASM_URL = "/wasm/tfjs/";
// The shipped model's folder: the files the fine-tuned worker has already downloaded.
const MODEL_URL = "/models/fine-tuned/";

let shipped: Promise<ShippedModel> | null = null;
let model: LiveModel | null = null;
// Set by messages that arrive while a step or a token is being computed; checked between them.
let stopTraining = false;
let latest = 0;
let interrupted = 0;
let queue: Promise<void> = Promise.resolve();

let held = false;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// A macrotask between steps and tokens, so that Stop and Interrupt are received while work runs.
const pause = () => sleep(0);
// Between training steps, also wait while the page holds training (a panel is answering a question), but
// never for long: an answer that never finishes (a crashed panel's) must not stall training.
const MAX_HOLD_MS = 2000;
async function pauseTraining(): Promise<void> {
  await sleep(0);
  const until = performance.now() + MAX_HOLD_MS;
  while (held && !stopTraining && performance.now() < until) await sleep(10);
}

async function fetchBytes(file: string): Promise<Uint8Array> {
  const url = `${MODEL_URL}${file}`;
  const response = await fetch(url).catch(() => null);
  if (!response?.ok)
    throw createError("MODEL_MISSING", { model: "fine-tuned model", detail: `${url} could not be fetched` });
  return new Uint8Array(await response.arrayBuffer());
}

function load(): Promise<ShippedModel> {
  shipped ??= (async () => {
    post({ type: "loading", stage: "runtime" });
    await startBackend(TFJS_WASM_URL);
    post({ type: "loading", stage: "weights" });
    const ready = await loadShippedModel(fetchBytes);
    const resources = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map(
      (entry) => ({
        name: entry.name,
        bytes: entry.encodedBodySize || entry.transferSize,
      }),
    );
    post({
      type: "loaded",
      parameters: parameterCount(ready.weights),
      script: self.location.href,
      resources,
    });
    return ready;
  })();
  shipped.catch(() => {
    shipped = null;
  });
  return shipped;
}

async function trainOn(request: Extract<LiveFineTuneRequest, { type: "train" }>): Promise<void> {
  const setting = findSetting(request.setting);
  if (!setting) throw createError("BAD_ARGUMENTS", { reason: `unknown setting ${request.setting}` });
  const ready = await load();
  if (model) disposeLiveModel(model);
  model = null;
  let tokens = 0;
  const { model: trained, result } = await fineTune(ready, request.pairs, setting, {
    onStep: (report) => {
      tokens += report.tokens;
      post({ type: "step", report });
    },
    shouldStop: () => stopTraining,
    pause: pauseTraining,
  });
  model = trained;
  const { stepMs, ...rest } = result;
  const trainingMs = stepMs.reduce((sum, ms) => sum + ms, 0);
  post({
    type: "trained",
    summary: {
      ...rest,
      setting: setting.name,
      examples: request.pairs.length,
      tokensPerSecond: trainingMs > 0 ? (tokens / trainingMs) * 1000 : 0,
    },
  });
}

async function answer(id: number, question: string): Promise<void> {
  if (id !== latest) return;
  const ready = await load();
  if (!model)
    throw createError("BAD_ARGUMENTS", { reason: "No updated weights yet: fine-tune the model first." });
  post({ type: "started", id });
  const start = performance.now();
  const result = await generateAnswer(model, ready.codec, question, {
    onText: (text) => post({ type: "text", id, text }),
    shouldStop: () => interrupted === id || id !== latest,
    pause,
  });
  const end = performance.now();
  const generation: Generation = {
    answer: result.answer,
    prompt: result.prompt,
    promptTokens: result.promptTokens,
    tokens: result.ids.length,
    tokensPerSecond: decodeRate(result.ids.length, start + result.firstTokenMs, start, end),
    interrupted: result.interrupted,
    finish: result.refusal
      ? "refused"
      : result.interrupted
        ? "stopped"
        : result.ids.length >= FINE_TUNED_DECODING.max_new_tokens
          ? "limit"
          : "end",
    ...(result.refusal ? { refusal: result.refusal } : {}),
    timings: { firstTokenMs: result.firstTokenMs, generateMs: result.totalMs, totalMs: end - start },
  };
  post({ type: "done", id, generation });
}

self.addEventListener("message", (event: MessageEvent<LiveFineTuneRequest>) => {
  const request = event.data;
  switch (request.type) {
    case "train":
      stopTraining = false;
      break;
    case "stop":
      stopTraining = true;
      return;
    case "interrupt":
      interrupted = latest;
      return;
    case "hold":
      held = request.held;
      return;
    case "ask":
      latest = request.id;
      break;
  }
  const task = async () => {
    if (request.type === "train") return trainOn(request);
    if (request.type === "ask") return answer(request.id, request.question);
    if (request.type === "reset") {
      if (model) disposeLiveModel(model);
      model = null;
      post({ type: "reset-done" });
    }
  };
  queue = queue.then(task).catch((error: unknown) => {
    post({ type: "error", id: request.type === "ask" ? request.id : undefined, ...describeError(error) });
  });
});
