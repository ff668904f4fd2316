import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ARTICLE, articleDocument } from "./article";
import { extractComparisonTable } from "./comparison-table";
import { MAX_PASSAGE_WORDS, toPassages } from "./to-passages";

const markdown = readFileSync(ARTICLE.markdownPath, "utf8");
const passages = toPassages(articleDocument(markdown));

describe("the article as passages", () => {
  it("gives every passage a unique id, its section and non-empty text", () => {
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
    for (const passage of passages) {
      expect(passage.text.trim()).not.toBe("");
      expect(passage.section.trim()).not.toBe("");
      expect(passage.documentTitle).toBe(ARTICLE.title);
    }
  });

  it("keeps list items as their own passages under their heading", () => {
    const retrieval = passages.find((p) => p.text.startsWith("Retrieval: Then, RAG springs into action"));
    expect(retrieval).toMatchObject({
      kind: "list-item",
      section: "How Retrieval Augmented Generation (RAG) Works?",
    });
  });

  it("reads a word processor's pasted bullets as list items", () => {
    const text = "• RAG looks things up.\n◦ Fine-tuning changes weights.\n▪ Both need data.";
    const result = toPassages({ id: "pasted", title: "Pasted", text });
    expect(result.map((p) => [p.kind, p.text])).toEqual([
      ["list-item", "RAG looks things up."],
      ["list-item", "Fine-tuning changes weights."],
      ["list-item", "Both need data."],
    ]);
  });

  it("leaves out a Markdown file's metadata header, its comments and its thematic breaks", () => {
    const text =
      "---\ntitle: Notes\ntags: [rag]\n---\n\n# Notes\n\nRAG cites <!-- check this -->its sources.\n\n<!--\ndraft\n-->\n\n---\n\nThe end.\n* * *\nLast.";
    const result = toPassages({ id: "notes", title: "Notes", text });
    expect(result.map((p) => p.text)).toEqual(["RAG cites its sources.", "The end.", "Last."]);
  });

  it("turns each of the 12 table rows into a passage that keeps its column meaning", () => {
    const rows = passages.filter((p) => p.kind === "table-row");
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.text)).toContain(
      "Retrieval Component: Retrieval Augmented Generation (RAG): Yes; Fine-Tuning LLM: No",
    );
  });

  it("skips table-of-contents entries and gathers the unanswered FAQ questions into one question list", () => {
    expect(passages.some((p) => p.text === "What is Fine Tuning in LLM?")).toBe(false);
    const lists = passages.filter((p) => p.kind === "question-list");
    expect(lists).toHaveLength(1);
    const questions = lists[0]?.text.split("\n") ?? [];
    expect(questions).toHaveLength(10);
    expect(questions[0]).toBe(
      "What is the difference between retrieval augmented generation and semantic search?",
    );
    expect(questions).toContain("What is the difference between fine-tuning and freezing?");
    // No question stands alone as a passage, where it would read as the answer to itself.
    expect(passages.some((p) => p.text === "What is the difference between fine-tuning and freezing?")).toBe(
      false,
    );
  });

  it("ends a question list at the first item that is not a bare question", () => {
    const [first, second, third] = toPassages({
      id: "faq",
      title: "FAQ",
      text: "- Is it fast?\n- Is it cheap?\n- It is both.\n- Is it open?",
    });
    expect(first).toMatchObject({ kind: "question-list", text: "Is it fast?\nIs it cheap?" });
    expect(second).toMatchObject({ kind: "list-item", text: "It is both." });
    expect(third).toMatchObject({ kind: "question-list", text: "Is it open?" });
  });

  it("keeps every content line of the source article inside some passage", () => {
    const source = readFileSync("data/article/rag-vs-fine-tuning-article.txt", "utf8").split("\n");
    const navigation = /^- |^(Conclusion|FAQ|You May Also Be Interested In|Though of the Day…)$/;
    const headings = new Set(
      markdown
        .split("\n")
        .filter((l) => l.startsWith("## "))
        .map((l) => l.slice(3)),
    );
    for (const line of source) {
      if (!line.trim() || headings.has(line) || line.startsWith("---")) continue;
      const text = line.replace(/^- /, "");
      const kept = passages.some((p) => p.text.includes(text)) || line.includes("|");
      if (!kept) expect(navigation.test(line) || text.endsWith("?"), `lost: ${line}`).toBe(true);
    }
  });
});

describe("documents a user adds", () => {
  it("reads Markdown headings, paragraphs and lists", () => {
    const result = toPassages({
      id: "notes",
      title: "My notes",
      text: "# Notes\n\nIntro line one\nline two.\n\n## Costs\n\n- GPUs are expensive.\n- Index updates are cheap.\n",
    });
    expect(result.map((p) => [p.section, p.kind, p.text])).toEqual([
      ["Notes", "paragraph", "Intro line one\nline two."],
      ["Costs", "list-item", "GPUs are expensive."],
      ["Costs", "list-item", "Index updates are cheap."],
    ]);
    expect(result[0]?.documentTitle).toBe("Notes");
  });

  it("cuts a long text with no sentence ends into runs of words, losing none", () => {
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`);
    const result = toPassages({ id: "notes", title: "Notes", text: words.join(" ") });
    expect(result.length).toBeGreaterThan(1);
    for (const passage of result) {
      expect(passage.text.split(/\s+/).length).toBeLessThanOrEqual(MAX_PASSAGE_WORDS);
    }
    expect(result.map((passage) => passage.text).join(" ")).toBe(words.join(" "));
  });

  it("splits a very long paragraph at sentence ends", () => {
    const sentence = "This sentence has exactly eight words in it. ";
    const result = toPassages({ id: "long", title: "Long", text: sentence.repeat(40) });
    expect(result.length).toBeGreaterThan(1);
    for (const passage of result)
      expect(passage.text.split(/\s+/).length).toBeLessThanOrEqual(MAX_PASSAGE_WORDS);
    expect(result.map((p) => p.text).join(" ")).toBe(sentence.repeat(40).trim());
  });
});

describe("the comparison table", () => {
  it("is extracted as structured data with all 12 rows", () => {
    const table = extractComparisonTable(markdown);
    expect(table?.columns).toEqual(["Aspect", "Retrieval Augmented Generation (RAG)", "Fine-Tuning LLM"]);
    expect(table?.rows).toHaveLength(12);
    expect(table?.rows[2]).toEqual({ aspect: "Retrieval Component", cells: ["Yes", "No"] });
    expect(table?.rows.at(-1)?.aspect).toBe("Model Complexity");
  });

  it("is null when a document has no table", () => {
    expect(extractComparisonTable("just text")).toBeNull();
  });
});

describe("the Markdown copy of the article", () => {
  it("holds exactly the source text: only heading marks and blank lines were added", () => {
    const source = readFileSync("data/article/rag-vs-fine-tuning-article.txt", "utf8")
      .split("\n")
      .filter((l) => l.trim());
    const copy = markdown
      .split("\n")
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => l.replace(/^## /, ""));
    expect(copy).toEqual(source);
  });
});
