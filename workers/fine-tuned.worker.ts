/// <reference lib="webworker" />
import { describeError } from "../lib/errors";
import { FINE_TUNED_GENERATION } from "../lib/fine-tuned/generation";
import { formatPrompt } from "../lib/fine-tuned/prompt";
import { createGenerator, type Generator } from "../lib/models/generator";
import { DEFAULT_KNOWLEDGE, KNOWLEDGE_ASSETS } from "../lib/rag/knowledge";
import { loadModel } from "./load-model";
import type { FineTunedRequest, FineTunedResponse } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FineTunedResponse) => self.postMessage(message);

// The setting's model, chosen by the load request; the page starts a new worker for another setting.
let generator: Generator = createGenerator("fine-tuned", FINE_TUNED_GENERATION);
// Questions run one after another; a new one interrupts the one before, which then finishes quickly.
let queue: Promise<void> = Promise.resolve();
let latest = 0;

async function answer(id: number, question: string, paceMs = 0): Promise<void> {
  if (id !== latest) return;
  post({ type: "started", id });
  const generation = await generator.generate(
    formatPrompt(question),
    (text) => post({ type: "token", id, text }),
    { paceMs },
  );
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
  let task: () => Promise<void>;
  if (request.type === "load") {
    const model = KNOWLEDGE_ASSETS[request.knowledge ?? DEFAULT_KNOWLEDGE].fineTunedModel;
    generator = createGenerator(model, FINE_TUNED_GENERATION);
    task = () => loadModel(generator, model, request.threads, post);
  } else task = () => answer(request.id, request.question, request.paceMs);
  queue = queue.then(task).catch((error: unknown) => {
    post({ type: "error", id: request.type === "ask" ? request.id : undefined, ...describeError(error) });
  });
});
