import { describe, expect, it } from "vitest";
import { COVERAGE_THRESHOLD, DECLINE_THRESHOLD } from "../settings";
import type { RetrievedPassage } from "../types";
import { decideDecline } from "./decline";

const hit = (id: string, score: number): RetrievedPassage => ({
  passage: { id, documentId: "d", documentTitle: "D", section: "S", kind: "paragraph", text: id },
  score,
  matchScore: score,
  classifierScore: 0,
  classified: false,
  namedPosition: null,
  fullTextScore: 0,
  semanticScore: score,
  denseScore: score,
  encoderScore: 0,
  written: [],
});

const strong = DECLINE_THRESHOLD + 0.1;
/** Coverage as the union of the words each passage covers, among the question's specific words. */
const covers =
  (covered: Record<string, readonly string[]>, specific: readonly string[]) => (ids: readonly string[]) => {
    const found = new Set(ids.flatMap((id) => covered[id] ?? []));
    const uncovered = specific.filter((word) => !found.has(word));
    return { share: (specific.length - uncovered.length) / specific.length, uncovered };
  };

describe("decideDecline", () => {
  it("answers when the retrieved passages cover the question's words between them", () => {
    const hits = [hit("a", strong), hit("b", strong - 0.05), hit("c", strong - 0.06)];
    // Neither "a" nor "c" covers three of the four words alone; together they cover all four.
    const coverageOf = covers({ a: ["stage", "grading"], c: ["pupil", "assignments"] }, [
      "stage",
      "grading",
      "pupil",
      "assignments",
    ]);
    expect(coverageOf(["a"]).share).toBeLessThan(COVERAGE_THRESHOLD);
    expect(decideDecline(hits, coverageOf)).toMatchObject({ decline: false, coverage: 1, uncovered: [] });
  });

  it("declines when the retrieved passages together leave too many words uncovered", () => {
    const coverageOf = covers({ a: ["vector"], b: ["vector", "database"] }, [
      "vector",
      "database",
      "pinecone",
    ]);
    const decision = decideDecline([hit("a", strong), hit("b", strong)], coverageOf);
    expect(decision).toMatchObject({ decline: true, coverage: 2 / 3, uncovered: ["pinecone"] });
  });

  it("judges coverage over every retrieved passage, in one call", () => {
    const asked: (readonly string[])[] = [];
    const coverageOf = (ids: readonly string[]) => {
      asked.push(ids);
      return { share: 1, uncovered: [] };
    };
    decideDecline([hit("a", strong), hit("b", 0.1), hit("c", 0.1)], coverageOf);
    expect(asked).toEqual([["a", "b", "c"]]);
  });

  it("declines a weak best score however well it is covered", () => {
    const full = () => ({ share: 1, uncovered: [] });
    expect(decideDecline([hit("a", DECLINE_THRESHOLD - 0.01), hit("b", 0.1)], full).decline).toBe(true);
  });

  it("declines when nothing was retrieved", () => {
    const full = () => ({ share: 1, uncovered: [] });
    expect(decideDecline([], full)).toMatchObject({ decline: true, confidence: 0, coverage: 0 });
  });
});
