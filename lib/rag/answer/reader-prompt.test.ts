import { describe, expect, it } from "vitest";
import { citedRanks } from "../../text/markers";
import {
  cleanReaderAnswer,
  formatReaderPrompt,
  promptFits,
  READER_FORMAT,
  readerVocabulary,
  truncateWords,
} from "./reader-prompt";

describe("the reader's prompt format", () => {
  it("writes the sentences best first, each with its passage's number, and ends with the question", () => {
    const prompt = formatReaderPrompt("What is RAG?", [
      { rank: 2, text: "Best sentence." },
      { rank: 1, text: "Second sentence." },
      { rank: 2, text: "Third sentence." },
    ]);
    expect(
      prompt.startsWith("Sentences:\n[2] Best sentence.\n[1] Second sentence.\n[2] Third sentence."),
    ).toBe(true);
    expect(prompt.endsWith("Question: What is RAG?\nAnswer:")).toBe(true);
  });

  it("keeps at most maxLines lines", () => {
    const lines = Array.from({ length: READER_FORMAT.maxLines + 2 }, (_, i) => ({
      rank: 1,
      text: `Line ${i}.`,
    }));
    const prompt = formatReaderPrompt("q?", lines);
    expect(prompt).toContain(`Line ${READER_FORMAT.maxLines - 1}.`);
    expect(prompt).not.toContain(`Line ${READER_FORMAT.maxLines}.`);
  });

  it("cuts a line to its word budget with the ellipsis, and a long question without one", () => {
    const long = Array.from({ length: READER_FORMAT.lineMaxWords + 10 }, (_, i) => `w${i}`).join(" \n ");
    const cut = truncateWords(long, READER_FORMAT.lineMaxWords);
    expect(cut.split(" ").filter((w) => w.startsWith("w"))).toHaveLength(READER_FORMAT.lineMaxWords);
    expect(cut.endsWith(READER_FORMAT.ellipsis)).toBe(true);
    expect(cut).not.toContain("\n");
    const question = Array.from({ length: READER_FORMAT.questionMaxWords + 5 }, (_, i) => `q${i}`).join(" ");
    const prompt = formatReaderPrompt(question, [{ rank: 1, text: "p" }]);
    expect(prompt).toContain(`q${READER_FORMAT.questionMaxWords - 1}\nAnswer:`);
    expect(prompt).not.toContain(`q${READER_FORMAT.questionMaxWords} `);
    expect(truncateWords("short text", 5)).toBe("short text");
  });

  it("cleans the continuation at end-of-text or a new turn", () => {
    expect(cleanReaderAnswer(` RAG retrieves. [1]${READER_FORMAT.eos} junk`)).toBe("RAG retrieves. [1]");
    expect(cleanReaderAnswer(" An answer. [2]\nQuestion: another")).toBe("An answer. [2]");
    expect(cleanReaderAnswer(" An answer. [2]\nSentences: more")).toBe("An answer. [2]");
    expect(citedRanks("a [2] b [1] c [2] d [7]", 3)).toEqual([2, 1]);
  });

  it("leaves room for the answer in the context", () => {
    expect(promptFits(READER_FORMAT.nPositions - READER_FORMAT.maxNewTokens)).toBe(true);
    expect(promptFits(READER_FORMAT.nPositions - READER_FORMAT.maxNewTokens + 1)).toBe(false);
  });
});

describe("the reader's vocabulary", () => {
  it("holds the prompt's words and the stop words, and no other content word", () => {
    const words = readerVocabulary(
      formatReaderPrompt("What is RAG?", [{ rank: 1, text: "Retrieval-augmented generation." }]),
    );
    for (const word of ["retrieval", "augmented", "generation", "rag", "what", "the", "of"]) {
      expect(words.has(word)).toBe(true);
    }
    expect(words.has("pineapple")).toBe(false);
    // The template's own words are not sources.
    for (const word of ["sentences", "answer"]) expect(words.has(word)).toBe(false);
    const asked = readerVocabulary(formatReaderPrompt("Which answer?", [{ rank: 1, text: "Sentences." }]));
    expect(asked.has("answer")).toBe(true);
    expect(asked.has("sentences")).toBe(true);
  });
});
