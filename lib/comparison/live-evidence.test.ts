import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractComparisonTable } from "../documents/comparison-table";
import { liveEvidence } from "./live-evidence";

const withQuestions = {
  indexBytes: 260_000,
  classifierBytes: 250_000,
  encoderBytes: null,
  modelBytes: 5_500_000,
  fineTuningSeconds: 600,
  fineTuningHardware: "2 CPU cores",
  ragF1: 0.21,
  generativeF1: 0.19,
  fineTunedF1: 0.35,
  recallAt3: 0.5,
};
const articleOnly = {
  indexBytes: 100_000,
  classifierBytes: null,
  encoderBytes: 400_000,
  modelBytes: 5_400_000,
  fineTuningSeconds: 120,
  fineTuningHardware: "2 CPU cores",
  ragF1: 0.12,
  generativeF1: null,
  fineTunedF1: 0.04,
  recallAt3: 0.3,
};
const build = {
  vectorBytes: 4_200_000,
  readerBytes: 5_500_000,
  runtimeBytes: 14_300_000,
  parameters: 4_240_000,
  pretrainingSeconds: 3600,
  pretrainingHardware: "2 CPU cores",
  trainingPairs: 738,
  corpusBytes: 9_000_000,
  settings: { "article+questions": withQuestions, article: articleOnly },
};
const idle = {
  knowledge: "article+questions" as const,
  ragMode: "extractive" as const,
  passages: null,
  retrieved: null,
  cited: null,
  declined: false,
  retrieveMs: null,
  documents: 0,
  documentUpdateMs: null,
  tokensPerSecond: null,
};

describe("liveEvidence", () => {
  it("has a cell for every row of the article's table", () => {
    const table = extractComparisonTable(readFileSync("data/article/rag-vs-fine-tuning-article.md", "utf8"));
    const cells = liveEvidence({ build, live: idle });
    for (const row of table?.rows ?? []) expect(cells[row.aspect], row.aspect).toBeDefined();
    expect(Object.keys(cells)).toHaveLength(table?.rows.length ?? -1);
  });

  it("fills cells from this session's measurements once there are some", () => {
    const cells = liveEvidence({
      build,
      live: {
        knowledge: "article+questions",
        ragMode: "extractive",
        passages: 53,
        retrieved: 3,
        cited: 2,
        declined: false,
        retrieveMs: 0.4,
        documents: 2,
        documentUpdateMs: 3.2,
        tokensPerSecond: 410,
      },
    });
    expect(cells["Retrieval Component"]).toEqual({ rag: "3 passages in 0.40 ms", fineTuned: "none" });
    expect(cells.Approach?.rag).toBe("retrieved 3 passages, then answered citing 2");
    expect(cells["Fine-Tuning Overhead"]?.rag).toContain("the index updated in 3.2 ms");
    expect(cells["Fine-Tuning Overhead"]?.fineTuned).toBe(
      "60.0 min pretraining + 10.0 min fine-tuning on 2 CPU cores",
    );
    const split = liveEvidence({
      build: { ...build, pretrainingHardware: "one H200 GPU" },
      live: idle,
    });
    expect(split["Fine-Tuning Overhead"]?.fineTuned).toBe(
      "60.0 min pretraining on one H200 GPU + 10.0 min fine-tuning on 2 CPU cores",
    );
    expect(cells["Resource Requirements"]?.fineTuned).toContain("410 tokens/s");
    expect(cells["Task Performance"]?.fineTuned).toBe("token-F1 0.350 on held-out questions");
    expect(cells["Task Performance"]?.rag).toBe("token-F1 0.210 on held-out questions (extractive)");
  });

  it("says a declined question was retrieved for, then declined, not answered", () => {
    const cells = liveEvidence({
      build,
      live: { ...idle, passages: 53, retrieved: 3, cited: 0, declined: true, retrieveMs: 1.2 },
    });
    expect(cells.Approach?.rag).toBe("retrieved 3 passages, then declined: they don't cover the question");
    expect(cells["Retrieval Component"]?.rag).toBe("3 passages in 1.2 ms");
  });

  it("quotes a live fine-tune's figures in the rows it concerns, once one has run", () => {
    const run = {
      seconds: 6.71,
      steps: 14,
      examples: 2,
      verbatim: 2,
      setting: "full",
      tokensPerSecond: 480.4,
      memoryBytes: 80 * 1024 * 1024,
      codeBytes: 700 * 1024,
    };
    const cells = liveEvidence({ build, live: { ...idle, documentUpdateMs: 3.2, liveFineTune: run } });
    expect(cells["Fine-Tuning Overhead"]?.fineTuned).toBe(
      "60.0 min pretraining + 10.0 min fine-tuning on 2 CPU cores; to learn 2 pairs: 14 steps, 6.7 s in this page (full)",
    );
    expect(cells.Adaptability?.fineTuned).toBe(
      "learned 2 of 2 new answers verbatim after 14 steps, 6.7 s in this page (full)",
    );
    expect(cells["Knowledge Incorporation"]?.fineTuned).toContain("retrained in this page: 2 of 2");
    expect(cells["Resource Requirements"]?.fineTuned).toContain(
      "live fine-tune: 700 KB of training code, 80.0 MB of tensors, 480 tokens/s",
    );
    expect(liveEvidence({ build, live: idle }).Adaptability?.fineTuned).toContain("fine-tune it below");
  });

  it("follows the RAG mode: a reader model in generative mode, none in extractive mode, and its own F1", () => {
    const extractive = liveEvidence({ build, live: idle });
    const generative = liveEvidence({ build, live: { ...idle, ragMode: "generative" } });
    expect(extractive["Model Size"]?.rag).toContain("no language model");
    expect(generative["Model Size"]?.rag).toContain("reader model: 4.24 M parameters");
    expect(generative["Model Complexity"]?.rag).toContain("a reader model");
    expect(generative["Task Performance"]?.rag).toBe("token-F1 0.190 on held-out questions (generative)");
  });

  it("counts the runtime the model needs, and the word vectors and classifier the search needs", () => {
    const cells = liveEvidence({ build, live: idle });
    expect(cells["Resource Requirements"]?.fineTuned).toBe("5.2 MB model + 13.6 MB runtime");
    expect(cells["Model Size"]?.rag).toContain("search: 4.5 MB");
  });

  it("never says RAG learned nothing from data: the written questions are its search hints", () => {
    const cells = Object.values(liveEvidence({ build, live: idle })).map((cell) => cell.rag);
    expect(cells.join(" ")).not.toMatch(/no training/);
    expect(liveEvidence({ build, live: idle })["Data Efficiency"]?.rag).toContain("738 written questions");
  });

  it("follows the knowledge switch: given the article alone, neither side claims the written questions", () => {
    const cells = liveEvidence({ build, live: { ...idle, knowledge: "article" } });
    const text = Object.values(cells)
      .flatMap((cell) => [cell.rag, cell.fineTuned])
      .join(" ");
    expect(text).not.toMatch(/written questions|classifier/);
    expect(cells["Training Data"]?.fineTuned).toContain("the article's text alone");
    expect(cells["Model Complexity"]?.rag).toContain("sentence encoder");
    expect(cells["Task Performance"]).toEqual({
      rag: "token-F1 0.120 on held-out questions (extractive)",
      fineTuned: "token-F1 0.040 on held-out questions",
    });
    expect(cells["Fine-Tuning Overhead"]?.fineTuned).toBe(
      "60.0 min pretraining + 2.0 min fine-tuning on 2 CPU cores",
    );
    // Index, encoder and word vectors: 0.1 + 0.4 + 4.2 MB.
    expect(cells["Model Size"]?.rag).toContain("search: 4.5 MB");
  });
});
