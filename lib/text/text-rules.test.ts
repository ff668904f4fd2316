import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanAnswer, formatPrompt } from "../fine-tuned/prompt";
import { cleanReaderAnswer, formatReaderPrompt } from "../rag/answer/reader-prompt";
import { faithfulness } from "./faithfulness";
import { citedRanks, stripMarkers } from "./markers";
import { exactMatch, normalizeAnswer, tokenF1 } from "./token-f1";

// The same cases training/tests/test_text_rules.py checks the Python side against.
interface Cases {
  normalizeAnswer: { text: string; tokens: string[] }[];
  tokenF1: { prediction: string; reference: string; f1: number }[];
  exactMatch: { prediction: string; reference: string; match: boolean }[];
  stripMarkers: { answer: string; stripped: string }[];
  citedRanks: { answer: string; passages: number; ranks: number[] }[];
  faithfulness: { answer: string; cited: string[]; value: number | null }[];
  fineTunedPrompt: { question: string; prompt: string }[];
  cleanAnswer: { generated: string; answer: string }[];
  readerPrompt: { question: string; lines: { rank: number; text: string }[]; prompt: string }[];
  cleanReaderAnswer: { generated: string; answer: string }[];
}
const cases = JSON.parse(readFileSync("data/text-rules/cases.json", "utf8")) as Cases;
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

describe("the text rules shared with training (data/text-rules/cases.json)", () => {
  it.each(cases.normalizeAnswer)("normalises $text", ({ text, tokens }) => {
    expect(normalizeAnswer(text)).toEqual(tokens);
  });
  it.each(cases.tokenF1)("token-F1 of $prediction against $reference", ({ prediction, reference, f1 }) => {
    expect(rounded(tokenF1(prediction, reference))).toBe(f1);
  });
  it.each(cases.exactMatch)(
    "exact match of $prediction and $reference",
    ({ prediction, reference, match }) => {
      expect(exactMatch(prediction, reference)).toBe(match);
    },
  );
  it.each(cases.stripMarkers)("strips the markers of $answer", ({ answer, stripped }) => {
    expect(stripMarkers(answer)).toBe(stripped);
  });
  it.each(cases.citedRanks)("finds the cited ranks of $answer", ({ answer, passages, ranks }) => {
    expect(citedRanks(answer, passages)).toEqual(ranks);
  });
  it.each(cases.faithfulness)("faithfulness of $answer", ({ answer, cited, value }) => {
    expect(rounded(faithfulness(answer, cited))).toBe(value);
  });
  it.each(cases.fineTunedPrompt)(
    "puts $question in the fine-tuned model's prompt",
    ({ question, prompt }) => {
      expect(formatPrompt(question)).toBe(prompt);
    },
  );
  it.each(cases.cleanAnswer)("cleans the fine-tuned model's output $generated", ({ generated, answer }) => {
    expect(cleanAnswer(generated)).toBe(answer);
  });
  it.each(cases.readerPrompt)("builds the reader's prompt for $question", ({ question, lines, prompt }) => {
    expect(formatReaderPrompt(question, lines)).toBe(prompt);
  });
  it.each(cases.cleanReaderAnswer)("cleans the reader's output $generated", ({ generated, answer }) => {
    expect(cleanReaderAnswer(generated)).toBe(answer);
  });
});
