/** Rewrites the README's figures block from data/evaluation/report.json (npm run eval calls it too). */
import { readFileSync, writeFileSync } from "node:fs";
import { readmeFigures, withFigures } from "../lib/evaluation/readme-figures";
import type { EvaluationReport } from "../lib/evaluation/report-types";

const report = JSON.parse(readFileSync("data/evaluation/report.json", "utf8")) as EvaluationReport;
const readme = readFileSync("README.md", "utf8");
writeFileSync("README.md", withFigures(readme, readmeFigures(report)));
console.log("README.md: figures block rewritten from data/evaluation/report.json");
