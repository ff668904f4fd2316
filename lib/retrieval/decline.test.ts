import { describe, expect, it } from "vitest";
import { COVERAGE_THRESHOLD, DECLINE_THRESHOLD, decideDecline } from "./decline";
import type { RetrievedPassage } from "./retriever";

const hit = (id: string, score: number): RetrievedPassage => ({
  passage: { id, documentId: "d", documentTitle: "D", section: "S", kind: "paragraph", text: id },
  score,
  matchScore: score,
  classifierScore: 0,
  classified: false,
  fullTextScore: 0,
  semanticScore: score,
  denseScore: score,
  written: [],
});

const strong = DECLINE_THRESHOLD + 0.1;
const covers = (shares: Record<string, number>) => (id: string) => shares[id] ?? 0;

describe("decideDecline", () => {
  it("answers when a lower-ranked passage covers the question's words", () => {
    const hits = [hit("a", strong), hit("b", strong - 0.05), hit("c", strong - 0.06)];
    const decision = decideDecline(hits, covers({ a: COVERAGE_THRESHOLD - 0.2, c: COVERAGE_THRESHOLD }));
    expect(decision).toMatchObject({ decline: false, coverage: COVERAGE_THRESHOLD });
  });

  it("declines when no passage covers enough, reporting the best coverage it saw", () => {
    const share = COVERAGE_THRESHOLD - 0.1;
    const decision = decideDecline([hit("a", strong), hit("b", strong)], covers({ b: share }));
    expect(decision).toMatchObject({ decline: true, coverage: share });
  });

  it("declines a weak best score however well it is covered, and stops checking once one covers", () => {
    const checked: string[] = [];
    const coverageOf = (id: string) => {
      checked.push(id);
      return 1;
    };
    expect(decideDecline([hit("a", DECLINE_THRESHOLD - 0.01), hit("b", 0.1)], coverageOf).decline).toBe(true);
    expect(checked).toEqual(["a"]);
  });

  it("declines when nothing was retrieved", () => {
    expect(decideDecline([], () => 1)).toMatchObject({ decline: true, confidence: 0, coverage: 0 });
  });
});
