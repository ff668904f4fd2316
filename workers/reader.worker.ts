/// <reference lib="webworker" />
import { describeError } from "../lib/errors";
import { createGenerator } from "../lib/models/generator";
import { READER_GENERATION } from "../lib/rag/answer/reader-prompt";
import { loadModel } from "./load-model";
import type { ReaderRequest, ReaderResponse } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const post = (message: ReaderResponse) => self.postMessage(message);

const reader = createGenerator("reader", READER_GENERATION);
// Requests run one at a time, so two generations never share the model; an interrupt is handled at once.
let queue: Promise<void> = Promise.resolve();

async function handle(request: Exclude<ReaderRequest, { type: "interrupt" }>): Promise<void> {
  switch (request.type) {
    case "load":
      return loadModel(reader, "reader", request.threads, post);
    case "count-tokens":
      post({ type: "counted", id: request.id, tokens: await reader.countTokens(request.text) });
      return;
    case "generate": {
      const { id } = request;
      const generation = await reader.generate(request.prompt, (text) => post({ type: "token", id, text }), {
        paceMs: request.paceMs,
      });
      post({ type: "generated", id, generation });
      return;
    }
  }
}

self.addEventListener("message", (event: MessageEvent<ReaderRequest>) => {
  const request = event.data;
  if (request.type === "interrupt") {
    reader.interrupt();
    return;
  }
  queue = queue
    .then(() => handle(request))
    .catch((error: unknown) => {
      post({ type: "error", id: "id" in request ? request.id : undefined, ...describeError(error) });
    });
});
