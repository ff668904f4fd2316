import { describe, expect, it } from "vitest";
import { buildIndex } from "../store/build-index";
import { notesPassage } from "../test-passage";
import { testVectors } from "../test-vectors";
import { createRetriever, DEFAULT_RETRIEVER_OPTIONS } from "./retriever";

const vectors = testVectors({
  movie: [1, 0, 0, 0],
  review: [0, 1, 0, 0],
  critic: [0.3, 0.9, 0, 0],
  rocket: [0, 0, 1, 0],
  launch: [0, 0, 0, 1],
});

// One passage has a single question that shares the question's words; the other has several that each
// come close. The question: "movie review".
const passages = [notesPassage(1, "rocket launch"), notesPassage(2, "launch")];
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
  const retriever = await createRetriever(db, vectors, { fullTextWeight: 0, denseWeight: 0, topViews });
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
      const db = await buildIndex([notesPassage(1, "movie review")]);
      const retriever = await createRetriever(db, vectors, { fullTextWeight: 0, denseWeight: 0, topViews });
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

describe("the hybrid score", () => {
  it("weighs full text, soft matching and the dense score as the options say, and ranks by it", async () => {
    const db = await buildIndex(passages, expansions);
    const retriever = await createRetriever(db, vectors);
    const hits = await retriever.retrieve("movie review launch", 2);
    const { fullTextWeight, denseWeight } = DEFAULT_RETRIEVER_OPTIONS;
    const best = Math.max(...hits.map((hit) => hit.fullTextScore));
    for (const hit of hits) {
      expect(hit.denseScore).toBeGreaterThan(0);
      expect(hit.score).toBeCloseTo(
        (1 - denseWeight) *
          (fullTextWeight * (hit.fullTextScore / best) + (1 - fullTextWeight) * hit.semanticScore) +
          denseWeight * hit.denseScore,
        10,
      );
    }
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it("in dense mode ranks by the averaged vectors alone: the passage whose views point the question's way", async () => {
    // "critic" is close to "review" and shares no word with the question; "movie critic" is half as close,
    // "rocket launch" unrelated.
    const db = await buildIndex([
      notesPassage(1, "rocket launch"),
      notesPassage(2, "critic"),
      notesPassage(3, "movie critic"),
    ]);
    const retriever = await createRetriever(db, vectors);
    const hits = await retriever.retrieve("review", 3, "dense");
    expect(hits.map((hit) => hit.passage.id)).toEqual(["notes:2", "notes:3"]);
    for (const hit of hits) expect(hit.score).toBe(hit.denseScore);
  });
});

describe("the passage classifier's share of the score", () => {
  it("mixes into the passages it has a class for, while declining and other passages read the match alone", async () => {
    const db = await buildIndex([...passages, notesPassage(3, "movie review")], expansions);
    // A model that is sure of notes:2, whatever the question, and knows nothing of notes:3.
    const classifier = { classes: ["notes:1", "notes:2"], probabilities: () => Float64Array.of(0, 1) };
    const plain = await createRetriever(db, vectors);
    const learned = await createRetriever(db, vectors, { classifier });
    const weight = DEFAULT_RETRIEVER_OPTIONS.classifierWeight;
    const before = new Map((await plain.retrieve("movie review", 3)).map((hit) => [hit.passage.id, hit]));
    const hits = await learned.retrieve("movie review", 3);
    for (const hit of hits) {
      const { score } = before.get(hit.passage.id) ?? { score: Number.NaN };
      expect(hit.matchScore).toBeCloseTo(score, 10);
      const p = hit.passage.id === "notes:2" ? 1 : 0;
      expect(hit.classifierScore).toBe(p);
      expect(hit.classified).toBe(hit.passage.id !== "notes:3");
      expect(hit.score).toBeCloseTo(
        hit.passage.id === "notes:3" ? score : (1 - weight) * score + weight * p,
        10,
      );
    }
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
    // Other modes rank by their own signal only; the classifier's mode by its probability alone.
    for (const hit of await learned.retrieve("movie review", 3, "semantic"))
      expect(hit.classifierScore).toBe(0);
    const alone = await learned.retrieve("movie review", 3, "classifier");
    expect(alone.map((hit) => hit.passage.id)).toEqual(["notes:2"]);
  });
});

describe("a place the question names", () => {
  // Three steps that the question's words reach equally, and a paragraph after them.
  const steps = [1, 2, 3].map((n) => ({
    ...notesPassage(n, `rocket launch ${n}`),
    kind: "list-item" as const,
  }));
  const passagesWithSteps = [...steps, notesPassage(4, "rocket launch")];

  it("adds its weight to the passage standing there, so the named step comes first", async () => {
    const db = await buildIndex(passagesWithSteps);
    const weight = DEFAULT_RETRIEVER_OPTIONS.positionWeight;
    const plain = await createRetriever(db, vectors, { positionWeight: 0 });
    const placed = await createRetriever(db, vectors);
    const before = new Map(
      (await plain.retrieve("the second step of a rocket launch", 4)).map((h) => [h.passage.id, h]),
    );
    const hits = await placed.retrieve("the second step of a rocket launch", 4);
    expect(hits[0]?.passage.id).toBe("notes:2");
    for (const hit of hits) {
      const { score, matchScore } = before.get(hit.passage.id) ?? {
        score: Number.NaN,
        matchScore: Number.NaN,
      };
      const named = hit.passage.id === "notes:2";
      expect(hit.namedPosition).toEqual(
        named ? { run: "notes:1", index: 2, count: 3, kind: "list-item" } : null,
      );
      expect(hit.score).toBeCloseTo(named ? Math.min(1, score + weight) : score, 10);
      // Declining reads the match score, which the place does not change.
      expect(hit.matchScore).toBeCloseTo(matchScore, 10);
    }
    const last = await placed.retrieve("the last step of a rocket launch", 1);
    expect(last[0]?.passage.id).toBe("notes:3");
  });

  it("moves nothing when the question names no place, or in a single-signal mode", async () => {
    const db = await buildIndex(passagesWithSteps);
    const retriever = await createRetriever(db, vectors);
    for (const hit of await retriever.retrieve("rocket launch steps", 4))
      expect(hit.namedPosition).toBeNull();
    for (const hit of await retriever.retrieve("the second step of a rocket launch", 4, "semantic"))
      expect(hit.namedPosition).toBeNull();
  });

  it("counts again after a document is added or removed", async () => {
    const db = await buildIndex(passagesWithSteps);
    const retriever = await createRetriever(db, vectors);
    const named = async () =>
      (await retriever.retrieve("the second item of a rocket launch", 10))
        .filter((hit) => hit.namedPosition)
        .map((hit) => hit.passage.id)
        .sort();
    expect(await named()).toEqual(["notes:2"]);
    await retriever.addDocument(
      ["a", "b"].map((text, i) => ({
        id: `extra:${i + 1}`,
        documentId: "extra",
        documentTitle: "Extra",
        section: "Extra",
        kind: "list-item" as const,
        text: `rocket launch ${text}`,
      })),
    );
    expect(await named()).toEqual(["extra:2", "notes:2"]);
    await retriever.removeDocument("extra");
    expect(await named()).toEqual(["notes:2"]);
  });
});

describe("coverage of a question's specific words", () => {
  it("counts a word covered by any of the given passages, by its stem or a close word, and only those", async () => {
    // Eight passages, so a word in one of them is specific to it, not the collection's topic.
    const filler = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].map((word, i) =>
      notesPassage(i + 3, word),
    );
    const db = await buildIndex([notesPassage(1, "rockets"), notesPassage(2, "movie review"), ...filler]);
    const retriever = await createRetriever(db, vectors);
    // "rocket" is found by its stem in "rockets"; "critic" by its vector, close to "review"'s.
    const question = "rocket movie critic";
    expect(retriever.coverage(question, ["notes:1"])).toEqual({
      share: 1 / 3,
      uncovered: ["movie", "critic"],
    });
    expect(retriever.coverage(question, ["notes:2"])).toEqual({ share: 2 / 3, uncovered: ["rocket"] });
    expect(retriever.coverage(question, ["notes:1", "notes:2"])).toEqual({ share: 1, uncovered: [] });
    expect(retriever.coverage(question, ["notes:3", "notes:4"])).toEqual({
      share: 0,
      uncovered: ["rocket", "movie", "critic"],
    });
    expect(retriever.coverage(question, ["no-such-passage"])).toEqual({
      share: 0,
      uncovered: ["rocket", "movie", "critic"],
    });
  });

  it("counts nothing covered by a list of questions: it says what the document asks, not what it answers", async () => {
    const filler = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].map((word, i) =>
      notesPassage(i + 3, word),
    );
    const faq = {
      ...notesPassage(1, "What is a rocket?\nWhat is a review?"),
      kind: "question-list" as const,
    };
    const expansions = new Map([
      ["notes:1", { questions: ["rocket critic"], evidence: ["What is a rocket?"], targets: [0] }],
    ]);
    const db = await buildIndex([faq, notesPassage(2, "review"), ...filler], expansions);
    const retriever = await createRetriever(db, vectors);
    // Retrieval still finds the list: a question about what the document lists needs it.
    expect((await retriever.retrieve("rocket", 1))[0]?.passage.id).toBe("notes:1");
    // But neither its questions nor those written for it cover a word; "review" covers "critic" elsewhere.
    expect(retriever.coverage("rocket critic", ["notes:1"])).toEqual({
      share: 0,
      uncovered: ["rocket", "critic"],
    });
    expect(retriever.coverage("rocket critic", ["notes:1", "notes:2"])).toEqual({
      share: 0.5,
      uncovered: ["rocket"],
    });
  });
});
