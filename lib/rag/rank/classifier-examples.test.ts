import { describe, expect, it } from "vitest";
import { buildIndex } from "../store/build-index";
import { notesPassage } from "../test-passage";
import { testVectors } from "../test-vectors";
import {
  classifierFor,
  classifierSource,
  classifierTexts,
  trainIndexClassifier,
} from "./classifier-examples";

const vectors = testVectors({ movie: [1, 0], review: [0, 1], rocket: [0.5, 0.5] });
const expansions = new Map([
  ["notes:1", { questions: ["which movie", "a film review"], evidence: ["x"], targets: [0, 0] }],
]);

describe("the classifier's examples", () => {
  it("are each passage's own words and its written questions, labelled with its id", async () => {
    const db = await buildIndex([notesPassage(1, "movie review"), notesPassage(2, "rocket")], expansions);
    const texts = await classifierTexts(db);
    expect(texts).toEqual(
      expect.arrayContaining([
        { label: "notes:1", text: "Notes movie review" },
        { label: "notes:1", text: "which movie" },
        { label: "notes:1", text: "a film review" },
        { label: "notes:2", text: "Notes rocket" },
      ]),
    );
    expect(texts).toHaveLength(4);
  });

  it("have a source hash that changes with any text or label", async () => {
    const texts = [{ label: "a", text: "movie" }];
    expect(classifierSource(texts)).toBe(classifierSource([{ label: "a", text: "movie" }]));
    expect(classifierSource(texts)).not.toBe(classifierSource([{ label: "a", text: "movies" }]));
    expect(classifierSource(texts)).not.toBe(classifierSource([{ label: "b", text: "movie" }]));
  });
});

describe("classifierFor", () => {
  it("uses a saved model learned from the same texts, and trains a fresh one for other texts", async () => {
    const db = await buildIndex([notesPassage(1, "movie review"), notesPassage(2, "rocket")], expansions);
    const { saved } = await trainIndexClassifier(db, vectors);
    // Marked, so the test can tell the saved model from a freshly trained one.
    const marked = { ...saved, bias: saved.bias.map((value) => value + 100) };
    // Loading the saved model needs no word vectors; only training asks for them.
    const unused = () => {
      throw new Error("the word vectors were asked for");
    };
    expect(Array.from((await classifierFor(db, unused, marked)).bias)).toEqual(
      marked.bias.map((value) => Math.fround(value)),
    );
    const stale = { ...marked, source: "00000000" };
    expect((await classifierFor(db, () => vectors, stale)).bias[0]).toBeLessThan(50);
    expect((await classifierFor(db, () => vectors, null)).bias[0]).toBeLessThan(50);
  });
});
