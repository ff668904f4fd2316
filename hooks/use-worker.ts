"use client";
import { useCallback, useEffect, useRef, useState } from "react";

export interface WorkerCrash {
  message: string;
}

/**
 * Owns one Web Worker: starts it, routes its messages, reports a crash (an uncaught error or a message that
 * cannot be read) and can start a fresh one. The factory must call `new Worker(new URL(...))` itself so
 * the bundler sees the worker's entry.
 */
export function useWorker<Request, Response>(
  create: () => Worker,
  onMessage: (message: Response) => void,
  onStart: (post: (request: Request) => void) => void,
) {
  const workerRef = useRef<Worker | null>(null);
  const handlers = useRef({ create, onMessage, onStart });
  handlers.current = { create, onMessage, onStart };
  const [crash, setCrash] = useState<WorkerCrash | null>(null);
  const [generation, setGeneration] = useState(0);

  const post = useCallback((request: Request) => workerRef.current?.postMessage(request), []);

  useEffect(() => {
    void generation;
    const worker = handlers.current.create();
    workerRef.current = worker;
    worker.onmessage = (event: MessageEvent<Response>) => handlers.current.onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      setCrash({ message: event.message || "the worker failed to start" });
    };
    worker.onmessageerror = () => setCrash({ message: "a message from the worker could not be read" });
    handlers.current.onStart((request) => worker.postMessage(request));
    return () => {
      worker.terminate();
      if (workerRef.current === worker) workerRef.current = null;
    };
  }, [generation]);

  const restart = useCallback(() => {
    setCrash(null);
    setGeneration((n) => n + 1);
  }, []);

  return { post, crash, restart };
}
