import { createError, restoreError } from "../lib/errors";
import type { Generation, LoadProgress } from "../lib/models/generator";
import type { Reader } from "../lib/rag/types";
import type { ReaderRequest, ReaderResponse } from "./protocol";

/** How long a loading reader may stay silent (no progress at all) before it is given up as hung. */
export const READER_LOAD_SILENCE_MS = 30_000;

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  onToken?: (text: string) => void;
}

/**
 * The reader model as the RAG pipeline sees it, running in a worker of its own (`reader.worker.ts`). Each
 * call is a request with an id; the answer, its tokens or its error come back under that id. The worker
 * starts on the first `load`; if it crashes, every pending call and every later one fails with the reason.
 */
export function createRemoteReader(start: () => Worker, silenceMs = READER_LOAD_SILENCE_MS) {
  let worker: Worker | null = null;
  let crashed: Error | null = null;
  let next = 0;
  const pending = new Map<number, Pending>();
  let loading: { resolve: (loadMs: number) => void; reject: (error: Error) => void } | null = null;
  let onProgress: ((progress: LoadProgress) => void) | undefined;
  // A loading reader that says nothing (no progress) for `silenceMs` is given up: its worker is stopped, and
  // every call fails with the reason instead of waiting for ever.
  let silence: ReturnType<typeof setTimeout> | undefined;
  const listen = () => {
    clearTimeout(silence);
    if (!loading) return;
    silence = setTimeout(() => {
      worker?.terminate();
      fail(createError("WORKER_SILENT", { worker: "reader", seconds: Math.round(silenceMs / 1000) }));
    }, silenceMs);
  };

  function fail(error: Error): void {
    clearTimeout(silence);
    crashed = error;
    loading?.reject(error);
    loading = null;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  }

  function receive(message: ReaderResponse): void {
    switch (message.type) {
      case "progress":
        listen();
        onProgress?.(message.progress);
        return;
      case "ready":
        loading?.resolve(message.loadMs);
        loading = null;
        listen();
        return;
      case "token":
        pending.get(message.id)?.onToken?.(message.text);
        return;
      case "generated":
      case "counted": {
        const call = pending.get(message.id);
        pending.delete(message.id);
        call?.resolve((message.type === "generated" ? message.generation : message.tokens) as never);
        return;
      }
      case "error": {
        // The worker's error, already formatted from the catalogue there.
        const error = restoreError(message);
        if (message.id === undefined) {
          loading?.reject(error);
          loading = null;
          listen();
          return;
        }
        pending.get(message.id)?.reject(error);
        pending.delete(message.id);
        return;
      }
    }
  }

  // Every caller has checked for a crash and started the worker first.
  const send = (request: ReaderRequest) => worker?.postMessage(request);

  function call<T>(make: (id: number) => ReaderRequest, onToken?: (text: string) => void): Promise<T> {
    if (crashed) return Promise.reject(crashed);
    // A call before `load` would wait for a worker that does not exist.
    if (!worker) return Promise.reject(new Error("The reader is not loaded: call load first."));
    const id = ++next;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: never) => void, reject, onToken });
      send(make(id));
    });
  }

  /** Starts the worker and loads the model; resolves with the load time in milliseconds. */
  function load(threads: number, progress?: (progress: LoadProgress) => void): Promise<number> {
    if (crashed) return Promise.reject(crashed);
    onProgress = progress;
    worker ??= start();
    worker.onmessage = (event: MessageEvent<ReaderResponse>) => receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      fail(
        createError("WORKER_CRASHED", { worker: "reader", detail: event.message || "it failed to start" }),
      );
    };
    worker.onmessageerror = () =>
      fail(
        createError("WORKER_CRASHED", { worker: "reader", detail: "a message from it could not be read" }),
      );
    return new Promise<number>((resolve, reject) => {
      loading = { resolve, reject };
      listen();
      send({ type: "load", threads });
    });
  }

  const reader: Reader & { interrupt(): void } = {
    generate: (prompt: string, onToken?: (text: string) => void, pacing: { paceMs?: number } = {}) =>
      call<Generation>((id) => ({ type: "generate", id, prompt, paceMs: pacing.paceMs }), onToken),
    countTokens: (text: string) => call<number>((id) => ({ type: "count-tokens", id, text })),
    /** Stops the running generation. */
    interrupt: () => {
      if (worker && !crashed) worker.postMessage({ type: "interrupt" } satisfies ReaderRequest);
    },
  };
  return { ...reader, load };
}
