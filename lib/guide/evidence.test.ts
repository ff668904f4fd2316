import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeEvidence, guideEvidence, type ReportFigures } from "./evidence";
import { EVIDENCE_TOPICS, type Evidence } from "./types";

const value = (evidence: Evidence, topic: keyof Evidence, label: RegExp) =>
  evidence[topic].find((line) => label.test(line.label))?.value;

const split = {
  retrieval: { hybrid: { recallAt3: 0.951 } },
  rag: { tokenF1: 0.688, answered: 0.95, offTopicDeclined: 0.767, faithfulness: 1, evidenceCited: 0.902 },
  fineTuned: { tokenF1: 0.696, offTopicAnswered: 1 },
};

describe("the guide's measured evidence", () => {
  it("reads the shipped report and model card, formatted as the page formats figures", () => {
    const evidence = guideEvidence();
    expect(Object.keys(evidence).sort()).toEqual([...EVIDENCE_TOPICS].sort());
    expect(value(evidence, "transparency", /citations hold the evidence/)).toMatch(/^\d+%$/);
    expect(value(evidence, "fine-tuning-overhead", /^Fine-tuning it/)).toMatch(/^\d+\.\d min on /);
    expect(value(evidence, "fine-tuning-overhead", /size/)).toMatch(
      /^\d+\.\d MB int8, \d\.\d\d M parameters$/,
    );
    expect(value(evidence, "task-performance", /fine-tuned$/)).toMatch(/^0\.\d\d$/);
  });

  it("says “not measured yet” (null) for every figure when there is no report and no model card, never a number", () => {
    const evidence = guideEvidence(mkdtempSync(join(tmpdir(), "guide-")));
    const values = Object.values(evidence)
      .flat()
      .map((line) => line.value);
    // Only facts of the design stay, no figure.
    expect(values.filter((v) => v !== null)).toEqual(["none: it has no citations"]);
  });

  it("has no figure for the time to index a new document: the report does not measure it yet", () => {
    expect(value(guideEvidence(), "adaptability", /index a new document/)).toBeNull();
  });

  it("shows data efficiency as not measured yet, with what the page has today, while the report has no knowledge settings", () => {
    const evidence = describeEvidence({
      report: { splits: { test: split } },
      card: { fine_tuning: { dataset: { rows: 1848, facts: 82 } } },
      trainingPairs: 1848,
    });
    const lines = evidence["data-efficiency"];
    expect(lines[0]).toMatchObject({
      label: "The article alone vs the article + written questions",
      value: null,
    });
    expect(value(evidence, "data-efficiency", /written question–answer pairs/)).toBe("1,848 about 82 facts");
    expect(value(evidence, "data-efficiency", /citations holding the evidence/)).toBe("90%");
  });

  it("shows both knowledge settings once the report has them, and marks a missing one", () => {
    const report: ReportFigures = {
      splits: { test: split },
      knowledge: {
        article: { test: { rag: { tokenF1: 0.412, evidenceCited: 0.61 }, fineTuned: { tokenF1: 0.2 } } },
        "article+questions": { test: { rag: { tokenF1: 0.688, evidenceCited: 0.902 } } },
      },
    };
    const evidence = describeEvidence({ report, card: null, trainingPairs: null });
    expect(evidence["data-efficiency"].map((l) => [l.label, l.value])).toEqual([
      ["RAG with the article alone: citations holding the evidence (held-out test)", "61%"],
      ["RAG with the article + written questions: citations holding the evidence (held-out test)", "90%"],
      ["RAG with the article alone: token-F1 (held-out test)", "0.41"],
      ["RAG with the article + written questions: token-F1 (held-out test)", "0.69"],
      ["Fine-tuned on the article alone: token-F1 (held-out test)", "0.20"],
      ["Fine-tuned on the article + written questions: token-F1 (held-out test)", null],
    ]);
  });
});
