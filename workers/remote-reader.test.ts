import { describe, expect, it, vi } from "vitest";
import { isAppError } from "../lib/errors";
import type { Generation } from "../lib/models/generator";
import type { ReaderRequest, ReaderResponse } from "./protocol";
import { createRemoteReader } from "./remote-reader";

/** A stand-in for the reader's worker: records what it is sent, and replies or fails when told to. */
function fakeWorker() {
  const sent: ReaderRequest[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<ReaderResponse>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    onmessageerror: null as (() => void) | null,
    postMessage: (request: ReaderRequest) => sent.push(request),
    terminated: false,
    terminate() {
      this.terminated = true;
    },
  };
  return {
    worker: worker as unknown as Worker,
    isTerminated: () => worker.terminated,
    sent,
    reply: (message: ReaderResponse) => worker.onmessage?.({ data: message } as MessageEvent<ReaderResponse>),
    crash: (message: string) => worker.onerror?.({ message, preventDefault: () => {} } as ErrorEvent),
  };
}

const generation = (answer: string): Generation => ({
  answer,
  prompt: "p",
  promptTokens: 3,
  tokens: 2,
  tokensPerSecond: 100,
  interrupted: false,
  finish: "end",
  timings: { firstTokenMs: 1, generateMs: 2, totalMs: 3 },
});

async function loaded() {
  const fake = fakeWorker();
  const reader = createRemoteReader(() => fake.worker);
  const progress: string[] = [];
  const load = reader.load(2, (p) => progress.push(p.status));
  expect(fake.sent).toEqual([{ type: "load", threads: 2 }]);
  fake.reply({ type: "progress", progress: { status: "progress" } });
  fake.reply({ type: "ready", loadMs: 42 });
  expect(await load).toBe(42);
  expect(progress).toEqual(["progress"]);
  return { fake, reader };
}

describe("createRemoteReader", () => {
  it("matches each reply and its tokens to the call that asked, whatever order they come in", async () => {
    const { fake, reader } = await loaded();
    const tokens: string[] = [];
    const first = reader.generate("first prompt", (text) => tokens.push(text));
    const count = reader.countTokens("some text");
    const [generate, counting] = fake.sent.slice(1) as [
      Extract<ReaderRequest, { type: "generate" }>,
      Extract<ReaderRequest, { type: "count-tokens" }>,
    ];
    expect(generate).toMatchObject({ type: "generate", prompt: "first prompt" });
    expect(counting).toMatchObject({ type: "count-tokens", text: "some text" });
    fake.reply({ type: "counted", id: counting.id, tokens: 7 });
    fake.reply({ type: "token", id: generate.id, text: "An " });
    fake.reply({ type: "token", id: counting.id, text: "stray" });
    fake.reply({ type: "token", id: generate.id, text: "answer" });
    fake.reply({ type: "generated", id: generate.id, generation: generation("An answer") });
    expect(await count).toBe(7);
    expect((await first).answer).toBe("An answer");
    expect(tokens).toEqual(["An ", "answer"]);
  });

  it("rejects a call with the worker's error, code included, and keeps serving the others", async () => {
    const { fake, reader } = await loaded();
    const failing = reader.generate("a");
    const { id } = fake.sent.at(-1) as Extract<ReaderRequest, { type: "generate" }>;
    fake.reply({
      type: "error",
      id,
      code: "MODEL_CORRUPT",
      message: "The reader model files could not be read",
    });
    const error = await failing.catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("MODEL_CORRUPT");
    const next = reader.countTokens("b");
    const counting = fake.sent.at(-1) as Extract<ReaderRequest, { type: "count-tokens" }>;
    fake.reply({ type: "counted", id: counting.id, tokens: 1 });
    expect(await next).toBe(1);
  });

  it("fails a load the worker reports as failed", async () => {
    const fake = fakeWorker();
    const reader = createRemoteReader(() => fake.worker);
    const load = reader.load(1);
    fake.reply({ type: "error", code: "MODEL_MISSING", message: "The reader model is not built yet" });
    await expect(load).rejects.toThrow("not built yet");
  });

  it("after a crash, fails every pending call and every later one with the reason, instead of hanging", async () => {
    const { fake, reader } = await loaded();
    const pending = reader.generate("a");
    fake.crash("out of memory");
    await expect(pending).rejects.toMatchObject({
      message: expect.stringContaining("The reader worker stopped unexpectedly"),
      detail: "out of memory",
    });
    await expect(reader.countTokens("b")).rejects.toThrow("stopped unexpectedly");
    await expect(reader.load(1)).rejects.toThrow("stopped unexpectedly");
  });

  it("refuses a call before the worker is started, instead of waiting forever", async () => {
    const fake = fakeWorker();
    const reader = createRemoteReader(() => fake.worker);
    await expect(reader.generate("a")).rejects.toThrow("not loaded");
    expect(fake.sent).toEqual([]);
  });

  it("a crash while loading fails the load", async () => {
    const fake = fakeWorker();
    const reader = createRemoteReader(() => fake.worker);
    const load = reader.load(1);
    fake.crash("");
    await expect(load).rejects.toMatchObject({ code: "WORKER_CRASHED", detail: "it failed to start" });
  });

  it("sends an interrupt to a started worker, and none before it has started", async () => {
    const idle = fakeWorker();
    createRemoteReader(() => idle.worker).interrupt();
    expect(idle.sent).toEqual([]);
    const { fake, reader } = await loaded();
    void reader.generate("running");
    reader.interrupt();
    expect(fake.sent.at(-1)).toEqual({ type: "interrupt" });
  });

  it("gives up a load that stays silent, stopping the worker, while progress keeps it alive", async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeWorker();
      const reader = createRemoteReader(() => fake.worker, 1000);
      const load = reader.load(1);
      const settled = load.catch((error: unknown) => error);
      vi.advanceTimersByTime(900);
      fake.reply({ type: "progress", progress: { status: "progress" } });
      vi.advanceTimersByTime(900);
      expect(fake.isTerminated()).toBe(false);
      vi.advanceTimersByTime(200);
      expect(await settled).toMatchObject({ code: "WORKER_SILENT" });
      expect(fake.isTerminated()).toBe(true);
      await expect(reader.generate("p")).rejects.toMatchObject({ code: "WORKER_SILENT" });
    } finally {
      vi.useRealTimers();
    }
  });
});
