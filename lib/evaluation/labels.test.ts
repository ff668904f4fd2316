import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plainLabel, RETRIEVAL_METHOD_LABELS, RETRIEVAL_METHOD_ORDER, SIZE_LABELS } from "./labels";
import type { EvaluationReport } from "./report-types";

const report = JSON.parse(readFileSync("data/evaluation/report.json", "utf8")) as EvaluationReport;

describe("the evaluation page's labels", () => {
  it("name every retrieval method and size the report holds in plain words", () => {
    for (const split of Object.values(report.splits)) {
      for (const method of Object.keys(split.retrieval)) {
        expect(RETRIEVAL_METHOD_LABELS[method], method).toBeDefined();
        expect(RETRIEVAL_METHOD_ORDER, method).toContain(method);
      }
    }
    for (const size of Object.keys(report.sizesBytes)) expect(SIZE_LABELS[size], size).toBeDefined();
  });

  it("turn a key the report gains later into words rather than show it", () => {
    expect(plainLabel({}, "lateInteraction")).toBe("Late interaction");
    expect(plainLabel({}, "cross-encoder")).toBe("Cross encoder");
    expect(plainLabel({ x: "Known" }, "x")).toBe("Known");
  });
});
