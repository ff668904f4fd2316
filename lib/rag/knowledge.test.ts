import { describe, expect, it } from "vitest";
import {
  DEFAULT_KNOWLEDGE,
  isKnowledge,
  KNOWLEDGE_ASSETS,
  KNOWLEDGE_PIPELINES,
  KNOWLEDGE_SETTINGS,
  requestedKnowledge,
} from "./knowledge";

describe("knowledge settings", () => {
  it("are the article alone and the article with the written questions, the latter by default", () => {
    expect(KNOWLEDGE_SETTINGS).toEqual(["article", "article+questions"]);
    expect(DEFAULT_KNOWLEDGE).toBe("article+questions");
    expect(isKnowledge("article")).toBe(true);
    expect(isKnowledge("questions")).toBe(false);
  });

  it("give the article alone nothing learned from the written questions, and its own learned retriever", () => {
    expect(KNOWLEDGE_ASSETS.article).toMatchObject({
      writtenQuestions: false,
      classifier: false,
      encoder: true,
    });
    expect(KNOWLEDGE_ASSETS["article+questions"]).toMatchObject({
      writtenQuestions: true,
      classifier: true,
      encoder: false,
    });
    expect(KNOWLEDGE_ASSETS.article.fineTunedModel).toBe("fine-tuned-article");
  });

  it("leave today's pipeline unchanged for the article with the questions", () => {
    expect(KNOWLEDGE_PIPELINES["article+questions"]).toEqual({});
  });

  it("read a page address's ?knowledge=, ignoring anything else", () => {
    expect(requestedKnowledge("?knowledge=article")).toBe("article");
    expect(requestedKnowledge("?q=x&knowledge=article%2Bquestions")).toBe("article+questions");
    expect(requestedKnowledge("?knowledge=everything")).toBeUndefined();
    expect(requestedKnowledge("")).toBeUndefined();
  });
});
