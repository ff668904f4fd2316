import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUESTION_SETS } from "../questions/question-sets";
import { GUIDE_DATA, loadGuide, parseGuide } from "./guide-data";
import { findQuote, listLabels } from "./quotes";
import { APPROACHES, DONT_KNOW } from "./types";

const TEXT = readFileSync("data/article/rag-vs-fine-tuning-article.txt", "utf8");
const MARKDOWN = readFileSync("data/article/rag-vs-fine-tuning-article.md", "utf8");
const guide = loadGuide();

describe("the guide's data", () => {
  it("asks one question per criterion of both of the article's when-to-choose lists, and no other", () => {
    for (const approach of APPROACHES) {
      const labels = listLabels(MARKDOWN, guide.article.lists[approach]);
      expect(labels).toHaveLength(5);
      const asked = guide.criteria.filter((c) => c.list === approach).map((c) => c.name);
      expect(asked).toEqual(labels);
    }
    expect(guide.criteria).toHaveLength(10);
  });

  it("quotes every sentence exactly as the article's text has it, under the heading it names", () => {
    for (const [id, quote] of Object.entries(guide.quotes)) {
      expect(TEXT.includes(quote.text), `quote ${id} is not in the .txt`).toBe(true);
      expect(() => findQuote(MARKDOWN, quote), `quote ${id} under "${quote.heading}"`).not.toThrow();
    }
  });

  it("rests each criterion's answers on the sentence of its own list item", () => {
    for (const criterion of guide.criteria) {
      const item = MARKDOWN.split("\n").find((line) => line.startsWith(`- ${criterion.name}:`));
      const quoted = criterion.choices.flatMap((c) => c.quotes).map((id) => guide.quotes[id]?.text ?? "");
      expect(
        quoted.some((text) => item?.includes(text)),
        criterion.name,
      ).toBe(true);
    }
  });

  it("offers every question at least two answers and “don't know”, which counts for no side", () => {
    for (const criterion of guide.criteria) {
      const dontKnow = criterion.choices.at(-1);
      expect(dontKnow).toMatchObject({
        id: DONT_KNOW,
        label: "Don't know",
        favours: null,
        weight: 0,
        quotes: [],
      });
      expect(criterion.choices.filter((c) => c.id !== DONT_KNOW).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives every answer that counts for a side a quoted sentence to rest on", () => {
    for (const choice of guide.criteria.flatMap((c) => c.choices)) {
      if (choice.favours !== null) expect(choice.quotes.length).toBeGreaterThan(0);
    }
  });

  it("points every criterion at a question set the main page has", () => {
    const ids: readonly string[] = QUESTION_SETS.map((set) => set.id);
    for (const criterion of guide.criteria) expect(ids).toContain(criterion.demoSet);
  });

  it("rejects data whose references do not resolve, naming the place", () => {
    const copy = () => JSON.parse(readFileSync(GUIDE_DATA, "utf8"));
    const badQuote = copy();
    badQuote.criteria[0].choices[0].quotes = ["no-such-quote"];
    expect(() => parseGuide(badQuote)).toThrow(/criteria\[0\]\.choices\[0\]\.quotes: unknown quote/);
    const badWeight = copy();
    badWeight.criteria[1].choices[0].weight = 3;
    expect(() => parseGuide(badWeight)).toThrow(/weight/);
    const noSide = copy();
    noSide.criteria[2].choices[0].favours = null;
    expect(() => parseGuide(noSide)).toThrow(/favours is null exactly when weight is 0/);
    const noDontKnow = copy();
    noDontKnow.criteria[3].choices.pop();
    expect(() => parseGuide(noDontKnow)).toThrow(/don't know/);
    const badConflict = copy();
    badConflict.conflicts[0].answers = ["ks.maybe", "lk.own"];
    expect(() => parseGuide(badConflict)).toThrow(/unknown answer "ks.maybe"/);
    const badTopic = copy();
    badTopic.criteria[4].evidence = ["vibes"];
    expect(() => parseGuide(badTopic)).toThrow(/unknown topic/);
  });
});
