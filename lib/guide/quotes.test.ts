import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGuide } from "./guide-data";
import { articleExcerpt, findQuote, listLabels, quoteAnchor } from "./quotes";

const MARKDOWN = readFileSync("data/article/rag-vs-fine-tuning-article.md", "utf8");
const guide = loadGuide();

describe("quotes in the article", () => {
  it("finds the two when-to-choose lists' criteria by their labels", () => {
    expect(listLabels(MARKDOWN, guide.article.lists.rag)).toEqual([
      "Knowledge Seeker",
      "Versatility",
      "Data Efficiency",
      "Transparency",
      "Resource Management",
    ]);
    expect(listLabels(MARKDOWN, guide.article.lists["fine-tuning"])).toEqual([
      "Task-Specific Performance",
      "Data Availability",
      "Simplicity",
      "Scalability",
      "Limited Knowledge Requirements",
    ]);
  });

  it("refuses a sentence that is not in the article, or not under the heading given", () => {
    expect(() =>
      findQuote(MARKDOWN, { heading: guide.article.lists.rag, text: "RAG is always best." }),
    ).toThrow(/not in the article/);
    const transparency = guide.quotes.transparency;
    if (!transparency) throw new Error("no transparency quote");
    expect(() => findQuote(MARKDOWN, { ...transparency, heading: "Conclusion" })).toThrow(
      /under "Conclusion"/,
    );
  });

  it("renders every quoted sentence once, with its anchor, in the sections it comes from, in the article's order", () => {
    const excerpt = articleExcerpt(MARKDOWN, guide);
    expect(excerpt.map((s) => s.heading)).toEqual([
      "Retrieval Augmented Generation Vs Fine Tuning LLM",
      guide.article.lists.rag,
      guide.article.lists["fine-tuning"],
    ]);
    const quoted = excerpt.flatMap((s) => s.blocks.flatMap((b) => b.segments.filter((seg) => seg.quoteId)));
    expect(quoted.map((q) => q.quoteId).sort()).toEqual(Object.keys(guide.quotes).sort());
    for (const segment of quoted) expect(segment.text).toBe(guide.quotes[segment.quoteId ?? ""]?.text);
    const ids = excerpt.flatMap((s) => [s.id, ...s.blocks.map((b) => b.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("article-knowledge-seeker");
    expect(quoteAnchor("transparency")).toBe("quote-transparency");
  });

  it("keeps each list item whole and its label apart, and leaves out the paragraphs it does not quote", () => {
    const [comparison, ragList] = articleExcerpt(MARKDOWN, guide);
    expect(comparison?.partial).toBe(true);
    expect(comparison?.blocks.every((b) => b.kind === "paragraph")).toBe(true);
    const seeker = ragList?.blocks[0];
    expect(seeker?.label).toBe("Knowledge Seeker");
    expect(seeker?.segments.map((s) => s.text).join("")).toBe(
      MARKDOWN.split("\n")
        .find((l) => l.startsWith("- Knowledge Seeker: "))
        ?.slice("- Knowledge Seeker: ".length),
    );
  });
});
