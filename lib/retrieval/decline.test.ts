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
/** Coverage as the union of the words each passage covers, out of `total` specific words. */
const covers = (covered: Record<string, readonly string[]>, total: number) => (ids: readonly string[]) =>
  new Set(ids.flatMap((id) => covered[id] ?? [])).size / total;

describe("decideDecline", () => {
  it("answers when the retrieved passages cover the question's words between them", () => {
    const hits = [hit("a", strong), hit("b", strong - 0.05), hit("c", strong - 0.06)];
    // Neither "a" nor "c" covers three of the four words alone; together they cover all four.
    const coverageOf = covers({ a: ["stage", "grading"], c: ["pupil", "assignments"] }, 4);
    expect(coverageOf(["a"])).toBeLessThan(COVERAGE_THRESHOLD);
    expect(decideDecline(hits, coverageOf)).toMatchObject({ decline: false, coverage: 1 });
  });

  it("declines when the retrieved passages together leave too many words uncovered", () => {
    const coverageOf = covers({ a: ["vector"], b: ["vector", "database"] }, 3);
    const decision = decideDecline([hit("a", strong), hit("b", strong)], coverageOf);
    expect(decision).toMatchObject({ decline: true, coverage: 2 / 3 });
  });

  it("judges coverage over every retrieved passage, in one call", () => {
    const asked: (readonly string[])[] = [];
    const coverageOf = (ids: readonly string[]) => {
      asked.push(ids);
      return 1;
    };
    decideDecline([hit("a", strong), hit("b", 0.1), hit("c", 0.1)], coverageOf);
    expect(asked).toEqual([["a", "b", "c"]]);
  });

  it("declines a weak best score however well it is covered", () => {
    expect(decideDecline([hit("a", DECLINE_THRESHOLD - 0.01), hit("b", 0.1)], () => 1).decline).toBe(true);
  });

  it("declines when nothing was retrieved", () => {
    expect(decideDecline([], () => 1)).toMatchObject({ decline: true, confidence: 0, coverage: 0 });
  });
});
