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
const expansions = new Map([
  ["notes:1", "movie review"],
  ["notes:2", "movie critic\nmovie critic rocket\nmovie review launch"],
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
});
