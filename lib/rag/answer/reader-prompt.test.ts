import { describe, expect, it } from "vitest";
import { citedRanks } from "../../text/markers";
import {
  cleanReaderAnswer,
  formatReaderPrompt,
  isReaderDecline,
  promptFits,
  READER_FORMAT,
  readerBannedSequences,
  truncateWords,
} from "./reader-prompt";

describe("the reader's prompt format", () => {
  it("numbers the passages in order and ends with the question", () => {
    const prompt = formatReaderPrompt("What is RAG?", ["First passage.", "Second passage."]);
    expect(prompt.indexOf("[1] First passage.")).toBeGreaterThan(-1);
    expect(prompt.indexOf("[2] Second passage.")).toBeGreaterThan(prompt.indexOf("[1] First passage."));
    expect(prompt.endsWith("Question: What is RAG?\nAnswer:")).toBe(true);
  });

  it("keeps at most maxPassages passages", () => {
    const passages = Array.from({ length: READER_FORMAT.maxPassages + 2 }, (_, i) => `Passage ${i}.`);
    const prompt = formatReaderPrompt("q?", passages);
    expect(prompt).toContain(`[${READER_FORMAT.maxPassages}]`);
    expect(prompt).not.toContain(`[${READER_FORMAT.maxPassages + 1}]`);
  });

  it("cuts a passage to its word budget with the ellipsis, and a long question without one", () => {
    const long = Array.from({ length: READER_FORMAT.passageMaxWords + 10 }, (_, i) => `w${i}`).join(" \n ");
    const cut = truncateWords(long, READER_FORMAT.passageMaxWords);
    expect(cut.split(" ").filter((w) => w.startsWith("w"))).toHaveLength(READER_FORMAT.passageMaxWords);
    expect(cut.endsWith(READER_FORMAT.ellipsis)).toBe(true);
    expect(cut).not.toContain("\n");
    const question = Array.from({ length: READER_FORMAT.questionMaxWords + 5 }, (_, i) => `q${i}`).join(" ");
    const prompt = formatReaderPrompt(question, ["p"]);
    expect(prompt).toContain(`q${READER_FORMAT.questionMaxWords - 1}\nAnswer:`);
    expect(prompt).not.toContain(`q${READER_FORMAT.questionMaxWords} `);
    expect(truncateWords("short text", 5)).toBe("short text");
  });

  it("cleans the continuation at end-of-text or a new turn", () => {
    expect(cleanReaderAnswer(` RAG retrieves. [1]${READER_FORMAT.eos} junk`)).toBe("RAG retrieves. [1]");
    expect(cleanReaderAnswer(" An answer. [2]\nQuestion: another")).toBe("An answer. [2]");
  });

  it("recognises the decline text and reads citation markers once each, within range", () => {
    expect(isReaderDecline(READER_FORMAT.decline)).toBe(true);
    expect(isReaderDecline(`${READER_FORMAT.decline.toUpperCase()} `)).toBe(true);
    expect(isReaderDecline("RAG retrieves documents. [1]")).toBe(false);
    expect(citedRanks("a [2] b [1] c [2] d [7]", 3)).toEqual([2, 1]);
  });

  it("leaves room for the answer in the context", () => {
    expect(promptFits(READER_FORMAT.nPositions - READER_FORMAT.maxNewTokens)).toBe(true);
    expect(promptFits(READER_FORMAT.nPositions - READER_FORMAT.maxNewTokens + 1)).toBe(false);
  });
});

describe("the reader's banned opening", () => {
  // One token per character: the banned sequence must be the prompt's last tokens, then the decline's first.
  const encode = (text: string) => Array.from(text, (ch) => ch.codePointAt(0) ?? 0);

  it("is the end of the prompt followed by the first token of the decline", () => {
    const sequences = readerBannedSequences(encode);
    expect(sequences).toHaveLength(1);
    const banned = sequences[0] ?? [];
    const prompt = encode(formatReaderPrompt("What is RAG?", ["RAG retrieves."]));
    const context = banned.slice(0, -1);
    expect(context.length).toBeGreaterThan(0);
    expect(prompt.slice(-context.length)).toEqual(context);
    expect(banned.at(-1)).toBe(encode(READER_FORMAT.answerPrefix + READER_FORMAT.decline)[0]);
  });

  it("bans nothing when the decline has no tokens", () => {
    expect(readerBannedSequences(() => [])).toEqual([]);
  });
});
