import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_RAG_MODE } from "../settings";

// The output of scripts/eval-generative.ts: every generative answer to the held-out sets, as the CLI printed it.
const ANSWERS = "data/evaluation/generative-answers.jsonl";
const REPORT = "data/evaluation/generative-rag.json";

interface Answer {
  set: string;
  id: string;
  abstained: boolean;
  answer: string;
  invented: string[];
}

describe.runIf(existsSync(ANSWERS))(
  "generative answers to the held-out sets (scripts/eval-generative.ts)",
  () => {
    // Read in each test: a skipped describe still runs its body when tests are collected.
    const readRows = () =>
      readFileSync(ANSWERS, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Answer);

    it("cover the dev and unseen sets", () => {
      const rows = readRows();
      const sets = new Set(rows.map((r) => r.set));
      expect(sets.has("dev")).toBe(true);
      expect(sets.has("unseen")).toBe(true);
      expect(rows.filter((r) => !r.abstained).length).toBeGreaterThan(100);
    });

    it("hold no invented word: none is missing from its passages, the question and the common-word list", () => {
      const withInvented = readRows()
        .filter((r) => r.invented.length > 0)
        .map((r) => `${r.id}: ${r.invented.join(", ")}`);
      expect(withInvented).toEqual([]);
    });

    it("decide the default mode by the rule", () => {
      const report = JSON.parse(readFileSync(REPORT, "utf8")) as { defaultMode: string };
      expect(DEFAULT_RAG_MODE).toBe(report.defaultMode);
    });
  },
);
