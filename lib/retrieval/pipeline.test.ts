import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { containsEvidence } from "../evaluation/evidence";
import { PATHS, readTrainingPairs, readVectorTable } from "../node/assets";
import { loadRagPipeline } from "../node/rag";
import { assembleRagPipeline, buildArticleIndex } from "./assemble";
import { restoreIndex, serializeIndex } from "./build-index";
import type { RagPipeline } from "./pipeline";

let pipeline: RagPipeline;
beforeAll(async () => {
  pipeline = await loadRagPipeline();
});

describe("the RAG pipeline on the article", () => {
  it.each([
    [
      "Which approach has a retrieval component?",
      "Retrieval Component: Retrieval Augmented Generation (RAG): Yes",
    ],
    ["Who wrote the article?", "Written By Aqsa Zafar"],
    [
      "Which course does the author suggest enrolling in?",
      "Introduction to Large Language Models by Coursera",
    ],
    ["What is the quote of the day?", "It’s what you learn after you know it all that counts."],
    ["When labeled data is limited, can RAG still perform?", "When labeled data is limited"],
  ])("cites the evidence for %j", async (question, evidence) => {
    const result = await pipeline.ask(question);
    expect(result.abstained).toBe(false);
    expect(result.citations.some((c) => containsEvidence(c.text, evidence))).toBe(true);
  });

  it("answers with sentences taken from its citations, each marked with a valid [n]", async () => {
    const result = await pipeline.ask("What happens during the fine-tuning procedure?");
    const markers = [...result.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const rank of markers) expect(rank).toBeGreaterThanOrEqual(1);
    for (const rank of markers) expect(rank).toBeLessThanOrEqual(result.citations.length);
    const sentences = result.answer.split(/\s*\[\d+\]\s*/).filter(Boolean);
    for (const sentence of sentences) {
      expect(result.citations.some((c) => c.text.replace(/\n/g, " ").includes(sentence))).toBe(true);
    }
    expect(result.citations.map((c) => c.rank)).toEqual([1, 2, 3]);
    expect(result.citations[0]?.matchedTerms.length).toBeGreaterThan(0);
  });

  it.each([
    "What is the capital of France?",
    "Who painted the Mona Lisa?",
    "How many moons does Jupiter have?",
  ])("declines %j with no citations", async (question) => {
    const result = await pipeline.ask(question);
    expect(result.abstained).toBe(true);
    expect(result.citations).toEqual([]);
    expect(result.answer).toMatch(/don't cover/);
  });

  it("times each stage, and the total covers the others", async () => {
    const { timings } = await pipeline.ask("What is RAG?");
    expect(timings.retrieveMs).toBeGreaterThan(0);
    expect(timings.answerMs).toBeGreaterThanOrEqual(0);
    expect(timings.totalMs).toBeGreaterThanOrEqual(timings.retrieveMs + timings.answerMs - 0.01);
  });

  it("rejects an empty question with a coded error", async () => {
    await expect(pipeline.ask(" \u200b ")).rejects.toSatisfy(
      (e) => isAppError(e) && e.code === "EMPTY_QUESTION",
    );
  });
});

describe("the serialized index", () => {
  it("answers exactly as the index it was saved from", async () => {
    const db = await buildArticleIndex(readFileSync(PATHS.article, "utf8"), readTrainingPairs());
    const restored = await assembleRagPipeline(serializeIndex(db), readVectorTable());
    for (const question of ["How does RAG find information?", "What are the risks of fine-tuning?"]) {
      const a = await pipeline.ask(question);
      const b = await restored.ask(question);
      expect(b.citations.map((c) => c.id)).toEqual(a.citations.map((c) => c.id));
      expect(b.answer).toBe(a.answer);
    }
  });

  it("reports a damaged file as INDEX_CORRUPT", () => {
    for (const bad of ["{not json", "{}", "null"]) {
      expect(() => restoreIndex(bad)).toThrow(expect.objectContaining({ code: "INDEX_CORRUPT" }));
    }
  });
});
