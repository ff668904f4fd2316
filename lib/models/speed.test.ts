import { describe, expect, it } from "vitest";
import { decodeRate } from "./speed";

describe("decodeRate", () => {
  it("counts the tokens after the first over the time after the first", () => {
    // 300 ms of prompt, then 10 more tokens in 100 ms.
    expect(decodeRate(11, 1300, 1000, 1400)).toBe(100);
  });

  it("is not slowed by a long prompt", () => {
    expect(decodeRate(11, 5000, 1000, 5100)).toBe(decodeRate(11, 1100, 1000, 1200));
  });

  it("falls back to the whole generation for a single token", () => {
    expect(decodeRate(1, 1050, 1000, 1050)).toBe(20);
  });

  it("is 0 when no time passed", () => {
    expect(decodeRate(0, 0, 1000, 1000)).toBe(0);
  });
});
