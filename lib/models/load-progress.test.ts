import { describe, expect, it } from "vitest";
import { createProgressTally, requestedThreads } from "./load-progress";

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
