import readerFormat from "../../../data/reader-prompt-format.json";
import type { Decoding } from "../../models/decoding";
import { READER_PASSAGES } from "../settings";

/**
 * The reader's prompt format is data shared with training (training/reader/ reads the same JSON), so the
 * app hands the reader passages exactly as it saw them in training: numbered, each cut to a word budget.
 */
export interface ReaderFormat {
  template: string;
  passage: string;
  separator: string;
  answerPrefix: string;
  eos: string;
  decline: string;
  /** How the reader cites a passage after the sentence it copied, e.g. " [{n}]". */
  citation: string;
  maxPassages: number;
  passageMaxWords: number;
  questionMaxWords: number;
  maxNewTokens: number;
  /** The reader's context length: prompt tokens plus maxNewTokens must fit in it. */
  nPositions: number;
  /** Appended to a passage cut at the word budget. */
  ellipsis: string;
  notes: string[];
}

export const READER_FORMAT: ReaderFormat = readerFormat;

/** The first `maxWords` whitespace-separated words, with the format's ellipsis when the text was cut. */
export function truncateWords(
  text: string,
  maxWords: number,
  ellipsis: string = READER_FORMAT.ellipsis,
): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length <= maxWords ? words.join(" ") : `${words.slice(0, maxWords).join(" ")}${ellipsis}`;
}

/**
 * The passages numbered [1]…[n] in retrieval order, then the question: the reader's whole input. Each is
 * cut to its word budget exactly as training cut them (data/reader-prompt-format.json's notes).
 */
export function formatReaderPrompt(question: string, passages: readonly string[]): string {
  const numbered = passages
    .slice(0, READER_FORMAT.maxPassages)
    .map((text, index) =>
      READER_FORMAT.passage
        .replace("{n}", String(index + 1))
        .replace("{text}", truncateWords(text, READER_FORMAT.passageMaxWords)),
    )
    .join(READER_FORMAT.separator);
  return READER_FORMAT.template
    .replace("{passages}", numbered)
    .replace("{question}", truncateWords(question, READER_FORMAT.questionMaxWords, ""));
}

/** The reader's continuation as an answer: end-of-text and anything after it dropped, whitespace tidied. */
export function cleanReaderAnswer(generated: string): string {
  const end = generated.indexOf(READER_FORMAT.eos);
  const text = end >= 0 ? generated.slice(0, end) : generated;
  const nextTurn = text.search(/\n\s*(Question|Passages):/);
  return (nextTurn >= 0 ? text.slice(0, nextTurn) : text).replace(/\s+/g, " ").trim();
}

/** Whether the reader said the passages do not hold the answer. */
export function isReaderDecline(answer: string): boolean {
  const norm = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z ]/g, "")
      .trim();
  return norm(answer).startsWith(norm(READER_FORMAT.decline));
}

/** How many of the top passages the reader is handed: the setting, within what training showed it. */
export const READER_PASSAGE_COUNT = Math.min(READER_PASSAGES, READER_FORMAT.maxPassages);

/** Whether a prompt of this many tokens leaves room for the answer in the reader's context. */
export const promptFits = (promptTokens: number) =>
  promptTokens <= READER_FORMAT.nPositions - READER_FORMAT.maxNewTokens;

/**
 * Whether the sources cover a question is decided once, by retrieval's decline rule, calibrated on held-out
 * questions (lib/rag/decline/decline.ts). The reader may not open its answer with its own decline: trained on
 * documentation prose, it declined most of the article's questions that retrieval had accepted
 * (docs/generative-rag.md). So the tokens that end the prompt ("Answer:") followed by the decline's first
 * token are banned, and the reader writes its answer from the passages it was given. What it writes is still
 * checked: faithfulness, and its flag (settings.ts).
 */
export function readerBannedSequences(encode: (text: string) => number[]): number[][] {
  const afterQuestion = READER_FORMAT.template.slice(
    READER_FORMAT.template.indexOf("{question}") + "{question}".length,
  );
  const declineStart = encode(READER_FORMAT.answerPrefix + READER_FORMAT.decline)[0];
  if (declineStart === undefined) return [];
  return [[...encode(afterQuestion.trimStart()), declineStart]];
}

/** The reader copies a sentence or two from its passages, with their markers; training fixed the budget. */
export const READER_DECODING = {
  do_sample: false,
  max_new_tokens: READER_FORMAT.maxNewTokens,
  repetition_penalty: 1.0,
  constraint: "may not open with a decline (retrieval decides coverage)",
} as const satisfies Decoding;

/** The reader's generator settings: its decoding, its answer cleaning, a warm-up prompt in its format. */
export const READER_GENERATION = {
  label: "reader model",
  decoding: READER_DECODING,
  clean: cleanReaderAnswer,
  warmUpPrompt: formatReaderPrompt("warm up", ["A short passage."]),
  bannedSequences: readerBannedSequences,
};
