import { describe, expect, it } from "vitest";
import { relevantRow } from "./relevant-row";

const table = {
  columns: ["Aspect", "RAG", "Fine-Tuning LLM"],
  rows: [
    { aspect: "Retrieval Component", cells: ["Yes", "No"] },
    { aspect: "Data Efficiency", cells: ["More", "Less"] },
    { aspect: "Model Size", cells: ["Large", "Any"] },
  ],
};

describe("relevantRow", () => {
  it("is the row the answer cited", () => {
    expect(
      relevantRow(table, "Who has one?", [
        "Intro text.",
        "Retrieval Component: RAG: Yes; Fine-Tuning LLM: No",
      ]),
    ).toBe("Retrieval Component");
  });
  it("is otherwise the row whose aspect the question names, or none", () => {
    expect(relevantRow(table, "Which approach is more data efficient?", [])).toBe("Data Efficiency");
    expect(relevantRow(table, "Who wrote the article?", [])).toBeNull();
  });
});
