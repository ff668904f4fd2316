import { describe, expect, it } from "vitest";
import { type Report, shortHardware, testFigures } from "./build-facts";

describe("shortHardware", () => {
  it("names a GPU by its model, without the vendor or the note in brackets", () => {
    expect(shortHardware("one NVIDIA H200 GPU (train.sh --gpu)")).toBe("one H200 GPU");
    expect(shortHardware("one NVIDIA H100 80GB HBM3 GPU")).toBe("one H100 80GB HBM3 GPU");
  });

  it("calls any CPU description the machine's two cores, and a missing one unknown", () => {
    expect(shortHardware("2-core CPU")).toBe("2 CPU cores");
    expect(shortHardware("2-core CPU shared with other jobs, 1 torch thread")).toBe("2 CPU cores");
    expect(shortHardware(undefined)).toBeNull();
  });
});

describe("a setting's test figures", () => {
  const report: Report = {
    splits: {
      test: { rag: { tokenF1: 0.68 }, ragGenerative: { tokenF1: 0.64 }, fineTuned: { tokenF1: 0.69 } },
    },
    knowledgeSettings: {
      "article+questions": {
        splits: {
          test: {
            rag: { tokenF1: 0.7 },
            ragGenerative: null,
            fineTuned: null,
            retrieval: { hybrid: { recallAt3: 0.95 } },
          },
        },
      },
      article: { splits: { test: { rag: { tokenF1: 0.15 }, fineTuned: { tokenF1: 0 } } } },
    },
  };

  it("takes the setting's own figures, and the main report's where the setting's evaluation left one out", () => {
    expect(testFigures("article+questions", report)).toEqual({
      ragF1: 0.7,
      generativeF1: 0.64,
      fineTunedF1: 0.69,
      recallAt3: 0.95,
    });
  });

  it("never lends the default setting's figures to the article-only setting, and keeps a measured zero", () => {
    expect(testFigures("article", report)).toEqual({
      ragF1: 0.15,
      generativeF1: null,
      fineTunedF1: 0,
      recallAt3: null,
    });
    expect(testFigures("article", null).ragF1).toBeNull();
  });
});
