/// <reference lib="webworker" />
import { toPassages } from "../lib/documents/to-passages";
import { describeError } from "../lib/errors";
import { assembleRagPipeline } from "../lib/retrieval/assemble";
import type { RagPipeline } from "../lib/retrieval/pipeline";
import { fetchWithProgress } from "./fetch-with-progress";
import type { RagRequest, RagResponse } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const post = (message: RagResponse) => self.postMessage(message);

const ASSETS = {
  index: "/retrieval/article-index.json",
  words: "/retrieval/word-vectors.json",
  vectors: "/retrieval/word-vectors.bin",
} as const;

let pipeline: Promise<RagPipeline> | null = null;

function load(): Promise<RagPipeline> {
  pipeline ??= (async () => {
    const start = performance.now();
    const onProgress = (file: string) => (loaded: number, total: number) =>
      post({ type: "progress", file, loaded, total });
    const [index, words, vectors] = await Promise.all([
      fetchWithProgress(ASSETS.index, onProgress(ASSETS.index)),
      fetchWithProgress(ASSETS.words, onProgress(ASSETS.words)),
      fetchWithProgress(ASSETS.vectors, onProgress(ASSETS.vectors)),
    ]);
    const meta = JSON.parse(new TextDecoder().decode(words)) as { dimensions: number; words: string[] };
    const ready = await assembleRagPipeline(new TextDecoder().decode(index), {
      dimensions: meta.dimensions,
      words: meta.words,
      data: new Int8Array(vectors),
    });
    // Warm-up: the first search builds lazy structures; a throwaway one keeps the first real timing honest.
    await ready.ask("warm up the index");
    post({
      type: "ready",
      passages: ready.retriever.size(),
      indexBytes: index.byteLength,
      loadMs: Math.round(performance.now() - start),
    });
    return ready;
  })();
  pipeline.catch(() => {
    pipeline = null;
  });
  return pipeline;
}

async function handle(request: RagRequest, ready: RagPipeline): Promise<void> {
  switch (request.type) {
    case "load":
      return;
    case "ask":
      post({ type: "result", id: request.id, result: await ready.ask(request.question) });
      return;
    case "add-document": {
      const start = performance.now();
      const passages = await ready.retriever.addDocument(toPassages(request.document));
      post({
        type: "document-added",
        id: request.id,
        documentId: request.document.id,
        passages,
        ms: performance.now() - start,
      });
      return;
    }
    case "edit-passage":
    case "restore-passage": {
      const start = performance.now();
      const found =
        request.type === "edit-passage"
          ? await ready.retriever.editPassage(request.passageId, request.text)
          : await ready.retriever.restorePassage(request.passageId);
      post({
        type: "passage-updated",
        id: request.id,
        passageId: request.passageId,
        found,
        ms: performance.now() - start,
      });
      return;
    }
    case "remove-document": {
      const start = performance.now();
      await ready.retriever.removeDocument(request.documentId);
      post({
        type: "document-removed",
        id: request.id,
        documentId: request.documentId,
        ms: performance.now() - start,
      });
      return;
    }
  }
}

self.addEventListener("message", async (event: MessageEvent<RagRequest>) => {
  const request = event.data;
  try {
    await handle(request, await load());
  } catch (error) {
    post({ type: "error", id: "id" in request ? request.id : undefined, ...describeError(error) });
  }
});
