import { describe, expect, it } from "vitest";
import { createProgressTally, loadingNote, requestedThreads } from "./load-progress";

describe("createProgressTally", () => {
  it("sums each file's latest bytes and ignores non-progress events", () => {
    const tally = createProgressTally();
    tally.update({ status: "progress", file: "a", loaded: 10, total: 100 });
    tally.update({ status: "progress", file: "b", loaded: 5, total: 50 });
    tally.update({ status: "done", file: "b", loaded: 999, total: 999 });
    expect(tally.update({ status: "progress", file: "a", loaded: 60, total: 100 })).toEqual({
      file: "a",
      loaded: 65,
      total: 150,
    });
    tally.clear();
    expect(tally.update({ status: "initiate", file: "c" })).toEqual({ file: "c", loaded: 0, total: 0 });
  });
});

describe("requestedThreads", () => {
  it("reads ?threads=N within 1..16, else 1", () => {
    expect(requestedThreads("?threads=2")).toBe(2);
    expect(requestedThreads("?q=x&threads=4")).toBe(4);
    expect(requestedThreads("")).toBe(1);
    expect(requestedThreads("?threads=0")).toBe(1);
    expect(requestedThreads("?threads=abc")).toBe(1);
    expect(requestedThreads("?threads=99")).toBe(1);
  });
});

const MB = 1024 * 1024;
const index = { name: "the search index" } as const;
const model = { name: "the fine-tuned model" } as const;

describe("loadingNote", () => {
  it.each([
    {
      parts: [
        { ...index, status: "loading", loaded: 1.1 * MB, total: 4.1 * MB },
        { ...model, status: "loading", loaded: 0, total: 0 },
      ],
      note: "Loading the search index (1.1 MB of 4.1 MB) and the fine-tuned model: a question asked now is answered when they are ready.",
    },
    {
      parts: [
        { ...index, status: "ready" },
        { ...model, status: "loading", loaded: 512, total: 2048 },
      ],
      note: "Loading the fine-tuned model (512 B of 2 KB): a question asked now is answered when it is ready.",
    },
    {
      parts: [
        { ...index, status: "ready" },
        { ...model, status: "error" },
      ],
      note: null,
    },
  ] as const)("names what is still loading, with its bytes when known: $note", ({ parts, note }) => {
    expect(loadingNote(parts)).toBe(note);
  });
});
