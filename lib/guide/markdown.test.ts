import { describe, expect, it } from "vitest";
import { describeEvidence } from "./evidence";
import { loadGuide } from "./guide-data";
import { summaryMarkdown } from "./markdown";
import { evaluate } from "./rule";
import type { Answers } from "./types";

const guide = loadGuide();
const evidence = describeEvidence({
  report: { splits: { test: { rag: { evidenceCited: 0.902 } } } },
  card: null,
  trainingPairs: null,
});
const summary = (answers: Answers) =>
  summaryMarkdown({
    guide,
    answers,
    verdict: evaluate(guide, answers),
    evidence,
    url: "https://example.test/guide?a=ks.changing_tr.must_rm.yes",
    credit: "“Retrieval Augmented Generation vs. Fine-Tuning LLM” by Aqsa Zafar, MLTUT",
  });

describe("the Markdown summary", () => {
  const answers: Answers = {
    "knowledge-seeker": "changing",
    transparency: "must",
    "resource-management": "yes",
  };
  const markdown = summary(answers);

  it("holds every question with its answer, in the guide's order", () => {
    const rows = markdown
      .split("\n")
      .filter((l) => l.startsWith("| ") && !l.startsWith("| Criterion") && !l.startsWith("| ---"));
    expect(rows).toHaveLength(10);
    for (const [i, c] of guide.criteria.entries()) expect(rows[i]).toContain(c.question);
    expect(rows[0]).toContain("| Yes, and it changes after launch | RAG +2 (strong) |");
    expect(rows[1]).toContain("| Not answered | — |");
  });

  it("states the recommendation, how it was decided, each reason's quote and figures, and the address", () => {
    expect(markdown).toContain("**Recommendation: Retrieval-augmented generation (RAG).**");
    expect(markdown).toContain("How the guide decided: RAG has 6 points and fine-tuning 0");
    expect(markdown).toContain(`> “${guide.quotes["knowledge-seeker"]?.text}”`);
    expect(markdown).toContain(`> “${guide.quotes.transparency?.text}”`);
    expect(markdown).toContain("- RAG: answers whose citations hold the evidence (held-out test): 90%");
    expect(markdown).toContain("- RAG: time to index a new document: not measured yet");
    expect(markdown).toContain(
      "Reopen these answers: https://example.test/guide?a=ks.changing_tr.must_rm.yes",
    );
  });

  it("names answers that pull against each other, and says where the article is silent", () => {
    const text = summary({ "knowledge-seeker": "stable", transparency: "must", simplicity: "priority" });
    expect(text).toContain("## Answers that pull against each other");
    expect(text).toContain("Citing sources needs something to retrieve them from");
    expect(text).toContain("The article is silent here:");
  });

  it("says “it depends” with what would tip each question when every answer is “don't know”", () => {
    const text = summary(Object.fromEntries(guide.criteria.map((c) => [c.id, "dk"])));
    expect(text).toContain("**Recommendation: It depends.**");
    expect(text.match(/\| Don't know \|/g)).toHaveLength(10);
    for (const c of guide.criteria) expect(text).toContain(c.choices.at(-1)?.reason);
  });

  it("keeps a table cell in one cell whatever its text", () => {
    const table = markdown.split("\n").filter((l) => l.startsWith("|"));
    expect(table).toHaveLength(12);
    for (const row of table) expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(6);
    const odd = structuredClone(guide);
    const first = odd.criteria[0];
    if (!first) throw new Error("no criteria");
    first.question = "Databases | web\nor both?";
    const text = summaryMarkdown({
      guide: odd,
      answers,
      verdict: evaluate(odd, answers),
      evidence,
      url: "",
      credit: "",
    });
    expect(text).toContain("| Databases \\| web or both? |");
  });
});
