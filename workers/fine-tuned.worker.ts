/// <reference lib="webworker" />
import { env } from "@huggingface/transformers";
import { describeError } from "../lib/errors";
import { createGenerator } from "../lib/generation/generator";
import { checkModelFiles } from "./check-model-files";
import type { FineTunedRequest, FineTunedResponse } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const MODELS_URL = "/models/";

const post = (message: FineTunedResponse) => self.postMessage(message);

// Everything is served by the app itself: no hub, no CDN.
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = MODELS_URL;
const wasm = env.backends.onnx.wasm;
if (wasm) {
  wasm.wasmPaths = {
    mjs: "/wasm/ort-wasm-simd-threaded.asyncify.mjs",
    wasm: "/wasm/ort-wasm-simd-threaded.asyncify.wasm",
  };
}

const generator = createGenerator("fine-tuned");
// Questions run one after another; a new one interrupts the one before, which then finishes quickly.
let queue: Promise<void> = Promise.resolve();
let latest = 0;

async function load(): Promise<void> {
  await checkModelFiles(MODELS_URL, "fine-tuned");
  const { loadMs } = await generator.load((progress) => post({ type: "progress", progress }));
  post({ type: "ready", loadMs });
}

async function answer(id: number, question: string): Promise<void> {
  if (id !== latest) return;
  post({ type: "started", id });
  const generation = await generator.generate(question, (text) => post({ type: "token", id, text }));
  post({ type: "done", id, generation });
}

self.addEventListener("message", (event: MessageEvent<FineTunedRequest>) => {
  const request = event.data;
  if (request.type === "interrupt") {
    generator.interrupt();
    return;
  }
  if (request.type === "ask") {
    latest = request.id;
    generator.interrupt();
  }
  const task = request.type === "load" ? load : () => answer(request.id, request.question);
  queue = queue.then(task).catch((error: unknown) => {
    post({ type: "error", id: request.type === "ask" ? request.id : undefined, ...describeError(error) });
  });
});
