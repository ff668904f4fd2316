import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatMs,
  formatOrdinal,
  formatPercent,
  quotedWords,
  splitCitationMarkers,
} from "./format";

describe("splitCitationMarkers", () => {
  it("separates text from [n] markers", () => {
    expect(splitCitationMarkers("A. [1] B. [2]")).toEqual([
      { kind: "text", text: "A. " },
      { kind: "marker", rank: 1 },
      { kind: "text", text: " B. " },
      { kind: "marker", rank: 2 },
    ]);
  });

  it("leaves text without markers whole", () => {
    expect(splitCitationMarkers("no markers [x]")).toEqual([{ kind: "text", text: "no markers [x]" }]);
  });
});

describe("formatting figures", () => {
  it("prints milliseconds and bytes at a readable precision", () => {
    expect(formatMs(0.4321)).toBe("0.43 ms");
    expect(formatMs(12.34)).toBe("12.3 ms");
    expect(formatMs(15_000)).toBe("15.0 s");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
  });

  it("prints shares as whole percentages and quotes words for running text", () => {
    expect(formatPercent(0.75)).toBe("75%");
    expect(formatPercent(2 / 3)).toBe("67%");
    expect(quotedWords(["prompt", "tuning"])).toBe("“prompt”, “tuning”");
    expect(quotedWords([])).toBe("");
  });

  it("prints English ordinals, teens included", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(formatOrdinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
    ]);
  });
});
