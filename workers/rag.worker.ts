/// <reference lib="webworker" />
import { toPassages } from "../lib/documents/to-passages";
import { createError, describeError } from "../lib/errors";
import { CURATED_QUESTIONS } from "../lib/questions/question-sets";
import { assembleRagPipeline, type PipelineSetting } from "../lib/rag/assemble";
import {
  DEFAULT_KNOWLEDGE,
  KNOWLEDGE_ASSETS,
  KNOWLEDGE_PIPELINES,
  type Knowledge,
} from "../lib/rag/knowledge";
import type { RagPipeline } from "../lib/rag/pipeline";
import { parseClassifier } from "../lib/rag/rank/passage-classifier";
import { createTextEncoder, parseEncoderConfig } from "../lib/rag/store/encoder";
import { unpackWordVectorTable, type WordVectorMeta } from "../lib/rag/store/word-vectors";
import { assetStore, getAll } from "./assets";
import { createWebEncoderSession } from "./encoder-session";
import type { RagRequest, RagResponse } from "./protocol";
import { createRemoteReader } from "./remote-reader";

declare const self: DedicatedWorkerGlobalScope;

const post = (message: RagResponse) => self.postMessage(message);

const ASSETS = {
  index: "/retrieval/article-index.json",
  words: "/retrieval/word-vectors.json",
  vectors: "/retrieval/word-vectors.bin.gz",
  classifier: "/retrieval/passage-classifier.json",
  // The "article" knowledge setting (lib/rag/knowledge.ts): the article's passages alone, with the learned
  // encoder's vectors stored at build time, and the encoder itself for questions and a user's documents.
  articleOnlyIndex: "/retrieval/article-only-index.json",
  encoderConfig: "/retrieval/encoder/config.json",
  encoderDirectory: "/retrieval/encoder/",
} as const;

// What RAG was given; a load request may change it (the page's switch), which loads that setting's pipeline.
let knowledge: Knowledge = DEFAULT_KNOWLEDGE;
// The setting the latest load request asked for, which the queue has not necessarily reached yet.
let requested: Knowledge = DEFAULT_KNOWLEDGE;

// The reader generates answers from the retrieved passages, in a worker of its own: every generated token
// allocates megabytes (the key/value cache is copied out of WebAssembly), and in this worker's heap that
// garbage stalled the next question's retrieval (docs/performance.md). It loads on demand (the first
// generative request), so extractive answers never wait for it.
const reader = createRemoteReader(
  () => new Worker(new URL("./reader.worker.ts", import.meta.url), { type: "module" }),
);
let pipeline: Promise<RagPipeline> | null = null;
// Requests run one at a time, so two generations never share the model; a new question interrupts.
let queue: Promise<void> = Promise.resolve();
let latest = 0;
// The question the Stop button stopped: one still waiting (for the reader to load, say) is then not generated.
let stopped = 0;
// Whether the reader loaded: a generative question waits for this, and is answered extractively (the panel
// says why) when the reader is missing or broken, never with a half-loaded model.
let readerAvailable: Promise<boolean> | null = null;
let threads = 1;

function loadReader(): Promise<boolean> {
  readerAvailable ??= (async () => {
    try {
      const loadMs = await reader.load(threads, (progress) => post({ type: "reader-progress", progress }));
      post({ type: "reader-ready", loadMs });
      return true;
    } catch (error) {
      post({ type: "reader-error", ...describeError(error) });
      return false;
    }
  })();
  return readerAvailable;
}

const WARM_UP_QUESTIONS = CURATED_QUESTIONS;

function load(): Promise<RagPipeline> {
  pipeline ??= (async () => {
    const start = performance.now();
    const files = await assetStore();
    const progress = (file: string, loaded: number, total: number) =>
      post({ type: "progress", file, loaded, total });
    const text = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes);
    const assets = KNOWLEDGE_ASSETS[knowledge];
    let setting: PipelineSetting = KNOWLEDGE_PIPELINES[knowledge];
    let index: ArrayBuffer;
    let words: ArrayBuffer;
    let vectors: ArrayBuffer;
    let classifier: ArrayBuffer | null = null;
    if (assets.encoder) {
      const [onlyIndex, wordList, table, encoderConfig] = await getAll(
        files,
        [ASSETS.articleOnlyIndex, ASSETS.words, ASSETS.vectors, ASSETS.encoderConfig],
        progress,
      );
      [index, words, vectors] = [onlyIndex, wordList, table];
      const config = parseEncoderConfig(text(encoderConfig), ASSETS.encoderConfig);
      const file = `${ASSETS.encoderDirectory}${config.file}`;
      const [model] = await getAll(files, [file], progress);
      const session = await createWebEncoderSession(model, file);
      setting = {
        ...setting,
        encoder: async (wordVectors) => createTextEncoder(session, wordVectors, config),
      };
    } else {
      [index, words, vectors, classifier] = await getAll(
        files,
        [ASSETS.index, ASSETS.words, ASSETS.vectors, ASSETS.classifier],
        progress,
      );
    }
    files.release();
    const meta = JSON.parse(text(words)) as WordVectorMeta;
    const ready = await assembleRagPipeline(
      text(index),
      await unpackWordVectorTable(meta, vectors, ASSETS.vectors),
      reader,
      classifier && parseClassifier(text(classifier), ASSETS.classifier),
      setting,
    );
    // Warm-up: the first searches run unoptimised code and compute each new word's similarities to the
    // index's words; asking the presenter's prepared questions now keeps the first real timings honest.
    for (const question of WARM_UP_QUESTIONS) await ready.ask(question, { mode: "extractive" });
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

async function handle(request: RagRequest, ready: RagPipeline, readerLoaded: boolean): Promise<void> {
  switch (request.type) {
    case "load":
    case "interrupt":
      return;
    case "load-reader":
      // Not awaited: questions queued behind it must not wait for the reader unless they need it.
      void loadReader();
      return;
    case "ask": {
      if (request.id !== latest) return;
      const { id } = request;
      const generative = request.mode === "generative" && readerLoaded;
      const result = await ready.ask(request.question, {
        mode: generative ? "generative" : "extractive",
        onToken: (text) => post({ type: "token", id, text }),
        // Checked just before the reader starts: a question stopped, or replaced by a newer one, while it
        // waited (for the reader to load, or for its prompt's tokens to be counted) is not generated.
        stopped: () => stopped === id || id !== latest,
        paceMs: request.paceMs,
      });
      post({ type: "result", id, result });
      return;
    }
    case "add-document": {
      const start = performance.now();
      const found = toPassages(request.document);
      // Headings alone (or a table of contents) leave nothing to search: refused, so it is not kept.
      if (found.length === 0)
        throw createError("EMPTY_DOCUMENT", { name: JSON.stringify(request.document.title) });
      const passages = await ready.retriever.addDocument(found);
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

/** Runs a request after those before it, once the index is loaded; a question a newer one replaced is skipped. */
function enqueue(request: RagRequest, readerLoaded = false): void {
  queue = queue
    .then(async () => {
      const ready = await load();
      if (request.type === "load") threads = request.threads;
      else if (request.type === "ask" && request.id !== latest) return;
      await handle(request, ready, readerLoaded);
    })
    .catch((error: unknown) => {
      post({ type: "error", id: "id" in request ? request.id : undefined, ...describeError(error) });
    });
}

self.addEventListener("message", (event: MessageEvent<RagRequest>) => {
  const request = event.data;
  if (request.type === "interrupt") {
    stopped = latest;
    reader.interrupt();
    return;
  }
  if (request.type === "ask") {
    latest = request.id;
    reader.interrupt();
    // A generative question waits for the reader outside the queue, so documents and other questions are
    // handled while it loads; a reader that fails or stalls answers it extractively, saying why.
    if (request.mode === "generative") {
      void loadReader().then((loaded) => enqueue(request, loaded));
      return;
    }
  }
  if (request.type === "load" && request.knowledge && request.knowledge !== requested) {
    // Queued behind the requests already sent, which the old setting answers; the load then builds the new one.
    const next = request.knowledge;
    requested = next;
    queue = queue.then(() => {
      knowledge = next;
      pipeline = null;
    });
  }
  enqueue(request);
});
