import { describe, expect, it } from "vitest";
import type { Passage } from "../../documents/types";
import { testVectors } from "../test-vectors";
import type { RetrievedPassage } from "../types";
import { buildExtractiveAnswer, splitSentences } from "./extractive";

// "movie" and "film" point the same way, "rocket" elsewhere.
const vectors = testVectors({
  movie: [1, 0],
  film: [1, 0.05],
  rocket: [0, 1],
  rockets: [0, 1],
  loud: [0.2, 1],
});

const hit = (
  id: string,
  text: string,
  written: RetrievedPassage["written"] = [],
  score = 1,
): RetrievedPassage => ({
  passage: {
    id,
    documentId: "d",
    documentTitle: "D",
    section: "S",
    kind: "paragraph",
    text,
  } satisfies Passage,
  score,
  matchScore: score,
  classifierScore: 0,
  classified: false,
  namedPosition: null,
  fullTextScore: 1,
  semanticScore: 1,
  denseScore: 1,
  encoderScore: 0,
  written,
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

  it("weighs a sentence by how far retrieval trusts its passage, relative to the first", () => {
    // The second passage's sentence matches both words; the first passage's only "loud".
    const passages = (second: number) => [
      hit("a", "A rocket is loud."),
      hit("b", "The movie was loud.", [], second),
    ];
    expect(buildExtractiveAnswer("loud film?", passages(1), vectors)?.answer).toBe("The movie was loud. [2]");
    expect(buildExtractiveAnswer("loud film?", passages(0.4), vectors)?.answer).toBe("A rocket is loud. [1]");
  });

  it("never answers with a sentence that is itself a question", () => {
    const answer = buildExtractiveAnswer(
      "movie?",
      [hit("a", "What is a movie?"), hit("b", "A movie is a film.")],
      vectors,
    );
    expect(answer?.answer).toBe("A movie is a film. [2]");
  });

  it("quotes a list of questions whole, as what the document lists", () => {
    const list = hit("a", "What is a movie?\nWhat is a rocket?");
    const answer = buildExtractiveAnswer(
      "movie rocket?",
      [{ ...list, passage: { ...list.passage, kind: "question-list" } }],
      vectors,
    );
    expect(answer).toEqual({ answer: "What is a movie? What is a rocket? [1]", used: [1] });
  });

  it("returns null when no cited passage has a statement", () => {
    expect(buildExtractiveAnswer("movie?", [hit("a", "What is a movie?")], vectors)).toBeNull();
  });

  it("picks the sentence that written questions like this one were for, though the sentence shares no word", () => {
    const text = "Rockets fly. The movie was long.";
    // "rocket" reaches the first sentence on its own; retrieval found questions written for the second that
    // match the question well.
    const written = [
      { evidence: "The movie was long.", score: 0.95 },
      { evidence: "The movie was long.", score: 0.9 },
    ];
    expect(buildExtractiveAnswer("loud rocket?", [hit("a", text)], vectors)?.answer).toBe("Rockets fly. [1]");
    expect(buildExtractiveAnswer("loud rocket?", [hit("a", text, written)], vectors)?.answer).toBe(
      "The movie was long. [1]",
    );
  });

  it("ignores written questions whose evidence is not in the passage any more (an edited passage)", () => {
    const written = [{ evidence: "The film was short.", score: 0.95 }];
    const passages = [hit("a", "Rockets fly. The movie was long.", written)];
    expect(buildExtractiveAnswer("loud rocket?", passages, vectors)?.answer).toBe("Rockets fly. [1]");
  });
});
