import { describe, expect, it } from "vitest";
import { memoizeByText } from "./memo";

describe("memoizeByText", () => {
  it("computes once per text and gives every caller the same value", () => {
    const seen: string[] = [];
    const words = memoizeByText((text: string) => {
      seen.push(text);
      return text.split(" ");
    });
    const first = words("a b");
    expect(words("a b")).toBe(first);
    expect(words("c")).toEqual(["c"]);
    expect(seen).toEqual(["a b", "c"]);
  });

  it("forgets everything once it holds `limit` texts, and computes again", () => {
    let calls = 0;
    const length = memoizeByText((text: string) => {
      calls++;
      return text.length;
    }, 2);
    length("a");
    length("bb");
    length("ccc");
    expect(calls).toBe(3);
    length("ccc");
    expect(calls).toBe(3);
    length("a");
    expect(calls).toBe(4);
  });
});
