import readerFormat from "../../../data/reader-prompt-format.json" with { type: "json" };
import type { Decoding } from "../../models/decoding";
import { apostrophePieces, CONTRACTION_PIECES } from "../../models/word-mask";
import { writtenForms } from "../../text/letter-words";
import { STOP_WORDS } from "../../text/words";
import { READER_COPY_BIAS, READER_REPEAT_GUARD, READER_SENTENCES, READER_WORD_MASK } from "../settings";

/**
 * The reader's prompt format is data shared with training (training/reader/ reads the same JSON), so the
 * app hands the reader its input exactly as it saw it in training: the best sentences of the retrieved
 * passages, each with its passage's number, each cut to a word budget.
 */
export interface ReaderFormat {
  template: string;
  /** How one sentence is written, e.g. "[{n}] {text}", n being its passage's citation number. */
  line: string;
  separator: string;
  answerPrefix: string;
  eos: string;
  /** How the reader cites a passage after the sentence it copied, e.g. " [{n}]". */
  citation: string;
  maxLines: number;
  lineMaxWords: number;
  questionMaxWords: number;
  maxNewTokens: number;
  /** The reader's context length: prompt tokens plus maxNewTokens must fit in it. */
  nPositions: number;
  /** Appended to a sentence cut at the word budget. */
  ellipsis: string;
  notes: string[];
}

export const READER_FORMAT: ReaderFormat = readerFormat;

/** One line of the reader's input: a sentence and the citation number of the passage it comes from. */
export interface ReaderLine {
  rank: number;
  text: string;
}

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
 * The sentences, best first, each marked with its passage's number, then the question: the reader's whole
 * input. Each is cut to its word budget exactly as training cut them (data/reader-prompt-format.json's notes).
 */
export function formatReaderPrompt(question: string, lines: readonly ReaderLine[]): string {
  const body = lines
    .slice(0, READER_FORMAT.maxLines)
    .map(({ rank, text }) =>
      READER_FORMAT.line
        .replace("{n}", String(rank))
        .replace("{text}", truncateWords(text, READER_FORMAT.lineMaxWords)),
    )
    .join(READER_FORMAT.separator);
  return READER_FORMAT.template
    .replace("{lines}", body)
    .replace("{question}", truncateWords(question, READER_FORMAT.questionMaxWords, ""));
}

/** The reader's continuation as an answer: end-of-text and anything after it dropped, whitespace tidied. */
export function cleanReaderAnswer(generated: string): string {
  const end = generated.indexOf(READER_FORMAT.eos);
  const text = end >= 0 ? generated.slice(0, end) : generated;
  const nextTurn = text.search(/\n\s*(Question|Sentences):/);
  return (nextTurn >= 0 ? text.slice(0, nextTurn) : text).replace(/\s+/g, " ").trim();
}

/** How many of the best sentences the reader is handed: the setting, within what training showed it. */
export const READER_LINE_COUNT = Math.min(READER_SENTENCES, READER_FORMAT.maxLines);

/** Whether a prompt of this many tokens leaves room for the answer in the reader's context. */
export const promptFits = (promptTokens: number) =>
  promptTokens <= READER_FORMAT.nPositions - READER_FORMAT.maxNewTokens;

// The stop words, less the pieces of contractions ("s", "ll"): those come only from the prompt's own words.
const STOP_LETTER_WORDS = STOP_WORDS.flatMap(writtenForms).filter(
  (word) => !CONTRACTION_PIECES.has(word.toLowerCase()),
);

// The template's own text around its two slots ("Sentences:\n", "\nQuestion: ", "\nAnswer:").
const [TEMPLATE_HEAD = "", TEMPLATE_MIDDLE = "", TEMPLATE_TAIL = ""] =
  READER_FORMAT.template.split(/\{lines\}|\{question\}/);

/** A prompt's sentences and question, without the template's words ("sentences", "question", "answer"). */
function promptContent(prompt: string): string {
  let text = prompt.startsWith(TEMPLATE_HEAD) ? prompt.slice(TEMPLATE_HEAD.length) : prompt;
  text = text.endsWith(TEMPLATE_TAIL) ? text.slice(0, text.length - TEMPLATE_TAIL.length) : text;
  const middle = text.lastIndexOf(TEMPLATE_MIDDLE);
  return middle >= 0 ? `${text.slice(0, middle)} ${text.slice(middle + TEMPLATE_MIDDLE.length)}` : text;
}

/**
 * The words the reader may write, in the forms it may write them (as written, lowercase, capitalised): those of
 * its sentences and the question (not the template's), and the stop words (the pieces of contractions only when
 * the sentences or the question have them). Any other word is masked while it is being written
 * (lib/models/word-mask.ts), so an answer holds no content word its sources and the question lack.
 */
export function readerVocabulary(prompt: string): Set<string> {
  return new Set([...writtenForms(promptContent(prompt)), ...STOP_LETTER_WORDS]);
}

/** The contraction pieces the reader may write only after an apostrophe: those its sources never write alone. */
export const readerApostrophePieces = (prompt: string): Set<string> =>
  apostrophePieces(promptContent(prompt));

/** The reader copies a sentence from its input, with its marker; training fixed the budget. */
export const READER_DECODING = {
  do_sample: false,
  max_new_tokens: READER_FORMAT.maxNewTokens,
  repetition_penalty: 1.0,
  ...(READER_WORD_MASK
    ? {
        constraint:
          "content words only from the sentences and the question · leans towards copying them · stops rather than go in circles",
      }
    : {}),
} as const satisfies Decoding;

/** The reader's generator settings: its decoding, its answer cleaning, a warm-up prompt in its format. */
export const READER_GENERATION = {
  label: "reader model",
  decoding: READER_DECODING,
  clean: cleanReaderAnswer,
  warmUpPrompt: formatReaderPrompt("warm up", [{ rank: 1, text: "A short sentence." }]),
  ...(READER_WORD_MASK ? { vocabulary: readerVocabulary, apostrophePieces: readerApostrophePieces } : {}),
  // An answer closes with its marker: the citation format's text before the number (" [" of " [{n}]").
  copyBias: { ...READER_COPY_BIAS, closer: READER_FORMAT.citation.split("{n}")[0] ?? "" },
  repeatGuard: READER_REPEAT_GUARD,
};
