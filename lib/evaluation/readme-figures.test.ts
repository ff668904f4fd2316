import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatPercent, formatScore } from "../format";
import { readmeFigures, withFigures } from "./readme-figures";
import type { EvaluationReport } from "./report-types";

const report = JSON.parse(readFileSync("data/evaluation/report.json", "utf8")) as EvaluationReport;

describe("the README's figures", () => {
  it("are the evaluation report's, as npm run readme:figures writes them", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toBe(withFigures(readme, readmeFigures(report)));
  });

  it("print the report's test figures", () => {
    const table = readmeFigures(report);
    expect(table).toContain(formatPercent(report.splits.test.rag.evidenceCited ?? Number.NaN, 1));
    expect(table).toContain(formatScore(report.splits.test.rag.tokenF1));
  });
});
