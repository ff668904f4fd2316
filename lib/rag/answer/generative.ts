import { unstartedGeneration } from "../../models/unstarted";
import { dropUnfinished } from "../../models/word-mask";
import { READER_WORD_MASK } from "../settings";
import type { WordVectors } from "../store/word-vectors";
import type { Citation, RagGeneration, Reader, RetrievedPassage } from "../types";
import { attributedRanks, withCitations } from "./attribution";
import type { AnswerOutcome } from "./outcome";
import {
  formatReaderPrompt,
  promptFits,
  READER_LINE_COUNT,
  type ReaderLine,
  readerVocabulary,
} from "./reader-prompt";
import { rankSentences } from "./sentence-rank";

export interface GenerativeOptions {
  onToken?: (text: string) => void;
  /** Asked just before the reader starts: true when the question was stopped while it waited. */
  stopped?: () => boolean;
  paceMs?: number;
}

/**
 * The augmentation: the sentences of the retrieved passages the extractive scorer ranks best, each with its
 * passage's number, and the question, cut to fit the reader's context.
 */
async function augment(
  question: string,
  hits: readonly RetrievedPassage[],
  vectors: WordVectors,
  reader: Reader,
) {
  // As in training: a prompt too long for the reader's context loses its last line until it fits.
  let lines: ReaderLine[] = rankSentences(question, hits, vectors)
    .slice(0, READER_LINE_COUNT)
    .map(({ rank, sentence }) => ({ rank, text: sentence }));
  let prompt = formatReaderPrompt(question, lines);
  while (lines.length > 1 && !promptFits(await reader.countTokens(prompt))) {
    lines = lines.slice(0, -1);
    prompt = formatReaderPrompt(question, lines);
  }
  return { lines, prompt };
}

/**
 * Generation: the reader writes an answer from the sentences it was handed, streaming its tokens. The answer
 * cites the passages its words come from (attribution.ts), whatever markers the reader wrote; all passages it
 * was handed when none can be told.
 */
export async function generativeAnswer(
  question: string,
  hits: readonly RetrievedPassage[],
  vectors: WordVectors,
  reader: Reader,
  toCitation: (hit: RetrievedPassage, index: number) => Citation,
  options: GenerativeOptions = {},
): Promise<AnswerOutcome> {
  const { lines, prompt } = await augment(question, hits, vectors, reader);
  const augmented = hits.map(toCitation).filter((c) => lines.some((line) => line.rank === c.rank));
  if (lines.length === 0)
    return { kind: "unanswered", readerDeclined: false, augmented, prompt: null, generation: null };
  const generated = options.stopped?.()
    ? unstartedGeneration(prompt)
    : await reader.generate(prompt, options.onToken, { paceMs: options.paceMs ?? 0 });
  if (generated.finish === "refused") {
    return {
      kind: "refused",
      refusal: generated.refusal?.message ?? "",
      augmented,
      prompt,
      generation: null,
    };
  }
  const generation: RagGeneration = {
    tokens: generated.tokens,
    promptTokens: generated.promptTokens,
    tokensPerSecond: generated.tokensPerSecond,
    interrupted: generated.interrupted,
    finish: generated.finish,
  };
  const base = { augmented, prompt, generation };
  if (generated.interrupted && generated.answer === "") return { kind: "stopped", ...base };
  // Cut by the token budget, the answer may end inside a word the mask would not have let it finish.
  const answer = READER_WORD_MASK
    ? dropUnfinished(generated.answer, readerVocabulary(prompt))
    : generated.answer;
  if (answer === "") return { kind: "unanswered", readerDeclined: true, ...base };
  const ranks = attributedRanks(answer, lines);
  const citations = ranks.length > 0 ? augmented.filter((c) => ranks.includes(c.rank)) : augmented;
  return { kind: "answered", answer: withCitations(answer, ranks), citations, ...base };
}
