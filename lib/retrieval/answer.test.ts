import { describe, expect, it } from "vitest";
import type { Passage } from "../documents/types";
import { buildExtractiveAnswer, splitSentences } from "./answer";
import type { RetrievedPassage } from "./retriever";
import { testVectors } from "./test-vectors";

// "movie" and "film" point the same way, "rocket" elsewhere.
const vectors = testVectors({
  movie: [1, 0],
  film: [1, 0.05],
  rocket: [0, 1],
  rockets: [0, 1],
  loud: [0.2, 1],
});

const hit = (id: string, text: string): RetrievedPassage => ({
  passage: {
    id,
    documentId: "d",
    documentTitle: "D",
    section: "S",
    kind: "paragraph",
    text,
  } satisfies Passage,
  score: 1,
  fullTextScore: 1,
  semanticScore: 1,
});

describe("splitSentences", () => {
  it("does not split after abbreviations such as vs. and Ph.D.", () => {
    expect(splitSentences("RAG vs. fine-tuning is the topic. She is a Ph.D. scholar. Done!")).toEqual([
      "RAG vs. fine-tuning is the topic.",
      "She is a Ph.D. scholar.",
      "Done!",
    ]);
  });
});

describe("buildExtractiveAnswer", () => {
  it("picks the sentence that matches the question, with its citation marker", () => {
    const answer = buildExtractiveAnswer(
      "Which film?",
      [hit("a", "Rockets fly. A rocket is loud."), hit("b", "The movie was long.")],
      vectors,
    );
    expect(answer).toEqual({ answer: "The movie was long. [2]", used: [2] });
  });

  it("never answers with a sentence that is itself a question", () => {
    const answer = buildExtractiveAnswer(
      "movie?",
      [hit("a", "What is a movie?"), hit("b", "A movie is a film.")],
      vectors,
    );
    expect(answer?.answer).toBe("A movie is a film. [2]");
  });

  it("returns null when no cited passage has a statement", () => {
    expect(buildExtractiveAnswer("movie?", [hit("a", "What is a movie?")], vectors)).toBeNull();
  });
});
