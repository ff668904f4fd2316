import { describe, expect, it } from "vitest";
import type { Passage } from "../documents/types";
import { buildIndex } from "./build-index";
import { createRetriever } from "./retriever";
import { testVectors } from "./test-vectors";

const vectors = testVectors({
  movie: [1, 0, 0, 0],
  review: [0, 1, 0, 0],
  critic: [0.3, 0.9, 0, 0],
  rocket: [0, 0, 1, 0],
  launch: [0, 0, 0, 1],
});

const passage = (n: number, text: string): Passage => ({
  id: `notes:${n}`,
  documentId: "notes",
  documentTitle: "Notes",
  section: "Notes",
  kind: "paragraph",
  text,
});

// One passage has a single question that shares the question's words; the other has several that each
// come close. The question: "movie review".
const passages = [passage(1, "rocket launch"), passage(2, "launch")];
const written = (...questions: string[]) => ({
  questions,
  evidence: ["launch"],
  targets: questions.map(() => 0),
});
const expansions = new Map([
  ["notes:1", written("movie review")],
  ["notes:2", written("movie critic", "movie critic rocket", "movie review launch")],
]);

async function ranking(topViews: number) {
  const db = await buildIndex(passages, expansions);
  const retriever = await createRetriever(db, vectors, { fullTextWeight: 0, topViews });
  return (await retriever.retrieve("movie review", 2)).map((hit) => hit.passage.id);
}

describe("the semantic score of a passage", () => {
  it("follows its single best view when it averages one", async () => {
    expect(await ranking(1)).toEqual(["notes:1", "notes:2"]);
  });

  it("prefers several agreeing views to one close view when it averages the best three", async () => {
    expect(await ranking(3)).toEqual(["notes:2", "notes:1"]);
  });

  it("averages only the views a passage has, so a passage without questions is not penalised", async () => {
    const score = async (topViews: number) => {
      const db = await buildIndex([passage(1, "movie review")]);
      const retriever = await createRetriever(db, vectors, { fullTextWeight: 0, topViews });
      return (await retriever.retrieve("movie review", 1))[0]?.semanticScore ?? 0;
    };
    expect(await score(1)).toBeGreaterThan(0.5);
    expect(await score(5)).toBeCloseTo(await score(1), 10);
  });

  it("reports the written questions of each passage it returns, scored the same in every mode", async () => {
    const db = await buildIndex(passages, expansions);
    const retriever = await createRetriever(db, vectors, { fullTextWeight: 0, topViews: 3 });
    const writtenOf = async (mode: "hybrid" | "full-text", id: string) =>
      (await retriever.retrieve("movie review", 2, mode)).find((hit) => hit.passage.id === id)?.written;
    // The one question written for notes:1 is the question itself.
    expect(await writtenOf("hybrid", "notes:1")).toEqual([
      { evidence: "launch", score: expect.closeTo(1, 5) },
    ]);
    const hybrid = await writtenOf("hybrid", "notes:2");
    expect(hybrid?.map((w) => w.evidence)).toEqual(["launch", "launch", "launch"]);
    for (const { score } of hybrid ?? []) expect(score).toBeGreaterThan(0);
    expect(await writtenOf("full-text", "notes:2")).toEqual(hybrid);
  });
});
