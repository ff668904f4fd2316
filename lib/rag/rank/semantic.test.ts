import { describe, expect, it } from "vitest";
import { createViewStore } from "../store/view-store";
import { createVocabulary } from "../store/vocabulary";
import { contentWords, isCloseToAny, relatedness, wordSet } from "../store/words";
import { testVectors } from "../test-vectors";
import { createSoftMatcher, scoreViews } from "./semantic";

const vectors = testVectors({
  movie: [1, 0, 0],
  film: [1, 0.05, 0],
  review: [0.6, 0.8, 0],
  rocket: [0, 0, 1],
});

describe("contentWords", () => {
  it("lowercases and drops stop words", () => {
    expect(contentWords("What is THE Movie about?")).toEqual(["movie"]);
  });
});

describe("createSoftMatcher", () => {
  it("scores the same words 1 and unrelated words 0", () => {
    const matcher = createSoftMatcher(vectors, "movie review");
    expect(matcher.score(["movie", "review"])).toBeCloseTo(1, 5);
    expect(matcher.score(["rocket"])).toBe(0);
  });

  it("gives a synonym most of the credit of the word itself", () => {
    const matcher = createSoftMatcher(vectors, "film");
    expect(matcher.score(["movie"])).toBeGreaterThan(0.9);
    expect(matcher.score(["review"])).toBeLessThan(matcher.score(["movie"]));
  });

  it("prefers a view that is about the question over one that also says much else", () => {
    const matcher = createSoftMatcher(vectors, "movie");
    expect(matcher.score(["movie"])).toBeGreaterThan(matcher.score(["movie", "rocket", "rocket"]));
  });

  it("scores nothing for a question without content words", () => {
    expect(createSoftMatcher(vectors, "what is it?").score(["movie"])).toBe(0);
  });
});

describe("scoreViews", () => {
  it("scores views given as ids exactly as the soft matcher scores their words", () => {
    const vocabulary = createVocabulary(vectors);
    const views = [["movie", "review"], ["film"], ["rocket", "review"], ["rocket"], []];
    const store = createViewStore();
    store.load(
      views.map((words) => vocabulary.encode(words)),
      vocabulary.weights,
      views.map(() => new Float32Array(vectors.dimensions)),
      vectors.dimensions,
    );
    for (const question of ["film review", "rocket", "what is it?"]) {
      const scores = Array.from(scoreViews(vectors, vocabulary, store, contentWords(question)));
      const reference = createSoftMatcher(vectors, question);
      expect(scores).toHaveLength(views.length);
      views.forEach((words, i) => {
        expect(scores[i]).toBeCloseTo(reference.score(words), 6);
      });
    }
  });
});

describe("isCloseToAny", () => {
  it("agrees with relatedness at the threshold for every pair, across several sets", () => {
    // "movies" shares a stem with "movie" but has no vector; "ship" has neither a vector nor a related word.
    const words = ["movie", "movies", "film", "review", "rocket", "ship"];
    for (const threshold of [0.3, 0.6, 0.99, 1]) {
      for (const word of words) {
        for (const others of [["movie"], ["movies"], ["review", "rocket"], ["ship"], []]) {
          const expected = others.some((other) => relatedness(vectors, word, other) >= threshold);
          const sets = [wordSet(vectors, others.slice(0, 1)), wordSet(vectors, others.slice(1))];
          expect(isCloseToAny(vectors, word, sets, threshold)).toBe(expected);
        }
      }
    }
    expect(isCloseToAny(vectors, "film", [wordSet(vectors, ["movie"])], 0.6)).toBe(true);
    expect(isCloseToAny(vectors, "movies", [wordSet(vectors, ["movie"])], 1)).toBe(true);
    expect(isCloseToAny(vectors, "rocket", [wordSet(vectors, ["movie", "review"])], 0.6)).toBe(false);
  });
});
