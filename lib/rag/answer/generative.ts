import { unstartedGeneration } from "../../models/unstarted";
import { citedRanks } from "../../text/markers";
import type { Citation, RagGeneration, Reader, RetrievedPassage } from "../types";
import type { AnswerOutcome } from "./outcome";
import { formatReaderPrompt, isReaderDecline, promptFits, READER_PASSAGE_COUNT } from "./reader-prompt";

export interface GenerativeOptions {
  onToken?: (text: string) => void;
  /** Asked just before the reader starts: true when the question was stopped while it waited. */
  stopped?: () => boolean;
  paceMs?: number;
}

/** The augmentation: the top passages, numbered, and the question, cut to fit the reader's context. */
async function augment(question: string, hits: readonly RetrievedPassage[], reader: Reader) {
  // As in training: a prompt too long for the reader's context loses its last passage until it fits.
  let given = hits.slice(0, READER_PASSAGE_COUNT);
  let prompt = formatReaderPrompt(
    question,
    given.map((hit) => hit.passage.text),
  );
  while (given.length > 1 && !promptFits(await reader.countTokens(prompt))) {
    given = given.slice(0, -1);
    prompt = formatReaderPrompt(
      question,
      given.map((hit) => hit.passage.text),
    );
  }
  return { given, prompt };
}

/**
 * Generation: the reader writes an answer from the passages it was handed, streaming its tokens; the answer
 * cites the passages it marks, or all it was given when it marks none.
 */
export async function generativeAnswer(
  question: string,
  hits: readonly RetrievedPassage[],
  reader: Reader,
  toCitation: (hit: RetrievedPassage, index: number) => Citation,
  options: GenerativeOptions = {},
): Promise<AnswerOutcome> {
  const { given, prompt } = await augment(question, hits, reader);
  const augmented = given.map(toCitation);
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
  if (isReaderDecline(generated.answer) || generated.answer === "") {
    return { kind: "unanswered", readerDeclined: true, ...base };
  }
  const used = citedRanks(generated.answer, augmented.length);
  const citations = used.length > 0 ? augmented.filter((c) => used.includes(c.rank)) : augmented;
  return { kind: "answered", answer: generated.answer, citations, ...base };
}
