import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ClassifierExample,
  createPassageClassifier,
  loadClassifier,
  parseClassifier,
  saveClassifier,
  trainPassageClassifier,
} from "./passage-classifier";

const example = (stems: string[], embedding: number[], label: string): ClassifierExample => ({
  stems,
  embedding,
  labels: [label],
});

// Two passages whose questions share a topic word ("rag") and differ by one word each; a third told apart
// by its questions' averaged vectors alone.
const examples = [
  example(["rag", "author"], [0, 0], "byline"),
  example(["author", "name"], [0, 0], "byline"),
  example(["rag", "writer"], [0, 0], "byline"),
  example(["rag", "retriev"], [0, 0], "steps"),
  example(["retriev", "step"], [0, 0], "steps"),
  example(["rag", "step"], [0, 0], "steps"),
  example([], [1, 0], "vectors"),
  example([], [0.9, 0.1], "vectors"),
];

const argmax = (values: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
};

describe("the passage classifier", () => {
  const model = trainPassageClassifier(examples, 2);
  const classifier = createPassageClassifier(model);
  const predict = (stems: string[], embedding = [0, 0]) =>
    classifier.classes[argmax(classifier.probabilities({ stems, embedding }))];

  it("learns the word that tells passages apart, not the topic word they share", () => {
    expect(predict(["rag", "author"])).toBe("byline");
    expect(predict(["rag", "step"])).toBe("steps");
    // "rag" alone is in both passages' questions: neither may be sure of it.
    const shared = classifier.probabilities({ stems: ["rag"], embedding: [0, 0] });
    expect(Math.max(...shared)).toBeLessThan(0.8);
    const telling = classifier.probabilities({ stems: ["author"], embedding: [0, 0] });
    expect(telling[classifier.classes.indexOf("byline")]).toBeGreaterThan(0.8);
  });

  it("reads the averaged word vector too", () => {
    expect(predict([], [1, 0])).toBe("vectors");
  });

  it("gives probabilities that sum to 1 for any words, known or not", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("rag", "author", "step", "unknown", "retriev")), (stems) => {
        const p = classifier.probabilities({ stems, embedding: [0, 0] });
        expect(p.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 10);
        for (const value of p) expect(value).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("is deterministic: the same examples give the same weights", () => {
    expect(trainPassageClassifier(examples, 2).weights).toEqual(model.weights);
  });

  it("keeps its predictions through saving as int8 and loading again", () => {
    const loaded = createPassageClassifier(parseClassifier(JSON.stringify(saveClassifier(model, "abc"))));
    for (const { stems, embedding } of examples) {
      const before = classifier.probabilities({ stems, embedding });
      const expected = argmax(before);
      const after = loaded.probabilities({ stems, embedding });
      expect(argmax(after)).toBe(expected);
      expect(after[expected]).toBeCloseTo(before[expected] as number, 2);
    }
  });

  it("reports a damaged file as INDEX_CORRUPT, naming it", () => {
    const saved = saveClassifier(model, "abc");
    for (const bad of [null, {}, { ...saved, format: 2 }, { ...saved, weights: saved.weights.slice(1) }]) {
      expect(() => loadClassifier(bad, "c.json")).toThrow(
        expect.objectContaining({ code: "INDEX_CORRUPT", detail: expect.stringContaining("c.json") }),
      );
    }
    expect(() => parseClassifier("{not json")).toThrow(expect.objectContaining({ code: "INDEX_CORRUPT" }));
  });
});
