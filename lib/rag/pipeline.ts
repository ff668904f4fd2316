import { findInstruction } from "../questions/instruction-guard";
import { findSmallTalk, withoutPleasantries } from "../questions/small-talk";
import { validateQuestion } from "../questions/validate-question";
import { faithfulness } from "../text/faithfulness";
import { inventedWords } from "../text/invented-words";
import { extractiveAnswer } from "./answer/extractive";
import { generativeAnswer } from "./answer/generative";
import type { AnswerOutcome } from "./answer/outcome";
import {
  DEFAULT_DECLINE_THRESHOLDS,
  type DeclineDecision,
  type DeclineThresholds,
  decideDecline,
} from "./decline/decline";
import type { Retriever } from "./rank/retriever";
import { CITATION_COUNT, DEFAULT_RAG_MODE, FAITHFULNESS_FLAG } from "./settings";
import type { WordVectors } from "./store/word-vectors";
import {
  type AskOptions,
  type Citation,
  DECLINE_ANSWER,
  type DecliningStage,
  type Guard,
  INSTRUCTION_ANSWER,
  type RagMode,
  type RagResult,
  type Reader,
  type RetrievedPassage,
  SMALL_TALK_ANSWER,
  STOPPED_ANSWER,
} from "./types";

const GUARD_ANSWERS: Record<Guard, string> = {
  instruction: INSTRUCTION_ANSWER,
  "small-talk": SMALL_TALK_ANSWER,
};

/** Text that addresses the system, or small talk: declined by name, whatever retrieval finds. */
function guardOf(question: string): Guard | null {
  if (findInstruction(question) !== null) return "instruction";
  return findSmallTalk(question) !== null ? "small-talk" : null;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

/** The answer's text, and which stage declined when there is no answer. */
function verdict(
  outcome: AnswerOutcome | null,
  guard: Guard | null,
): Pick<RagResult, "answer" | "declinedBy"> {
  if (outcome?.kind === "answered") return { answer: outcome.answer, declinedBy: null };
  if (outcome?.kind === "stopped") return { answer: STOPPED_ANSWER, declinedBy: null };
  if (outcome?.kind === "refused") return { answer: outcome.refusal, declinedBy: "question-length" };
  if (guard) return { answer: GUARD_ANSWERS[guard], declinedBy: guard };
  const stage: DecliningStage =
    outcome?.kind === "unanswered" && outcome.readerDeclined ? "reader" : "retrieval";
  return { answer: DECLINE_ANSWER, declinedBy: stage };
}

interface Steps {
  question: string;
  /** Whether a word is a common English word (it has a word vector). */
  isCommon: (word: string) => boolean;
  mode: RagMode;
  hits: RetrievedPassage[];
  decision: DeclineDecision;
  outcome: AnswerOutcome | null;
  guard: Guard | null;
  times: { start: number; retrieved: number; firstToken: number; end: number };
}

/** Shapes what the steps found into the result the panel and the CLI show. */
function toResult({ question, isCommon, mode, hits, decision, outcome, guard, times }: Steps): RagResult {
  const answered = outcome?.kind === "answered" ? outcome : null;
  const invented =
    answered && mode === "generative"
      ? inventedWords(
          answered.answer,
          answered.augmented.map((c) => c.text),
          question,
          isCommon,
        )
      : [];
  const citations = answered?.citations ?? [];
  const share = answered
    ? faithfulness(
        answered.answer,
        citations.map((c) => c.text),
      )
    : null;
  const roundedShare = share === null ? null : round4(share);
  return {
    ...verdict(outcome, guard),
    abstained: answered === null,
    mode,
    citations,
    augmented: outcome?.augmented ?? [],
    retrieved: hits.map((hit, index) => ({
      rank: index + 1,
      id: hit.passage.id,
      section: hit.passage.section,
      score: round4(hit.score),
      matchScore: round4(hit.matchScore),
      classifierScore: hit.classified ? round4(hit.classifierScore) : null,
      namedPosition: hit.namedPosition,
    })),
    confidence: round4(decision.confidence),
    coverage: round4(decision.coverage),
    uncovered: decision.uncovered,
    faithfulness: roundedShare,
    invented,
    flagged:
      mode === "generative" &&
      ((roundedShare !== null && roundedShare < FAITHFULNESS_FLAG) || invented.length > 0),
    prompt: outcome?.prompt ?? null,
    generation: outcome?.generation ?? null,
    timings: {
      retrieveMs: roundMs(times.retrieved - times.start),
      answerMs: roundMs(times.end - times.retrieved),
      firstTokenMs: roundMs((times.firstToken || times.end) - times.retrieved),
      totalMs: roundMs(times.end - times.start),
    },
  };
}

/**
 * The RAG pipeline: retrieve passages, decide whether they cover the question, then answer from them, either
 * by extracting their best sentences or by handing them to the reader model (augmentation) and streaming what
 * it generates.
 */
export function createRagPipeline(
  retriever: Retriever,
  vectors: WordVectors,
  matchTerms: (question: string, text: string) => string[],
  reader: Reader | null = null,
  /** When the sources count as not covering a question; each knowledge setting has its own (knowledge.ts). */
  declineThresholds: DeclineThresholds = DEFAULT_DECLINE_THRESHOLDS,
) {
  const toCitation =
    (question: string) =>
    (hit: RetrievedPassage, index: number): Citation => ({
      rank: index + 1,
      id: hit.passage.id,
      section: hit.passage.section,
      documentTitle: hit.passage.documentTitle,
      text: hit.passage.text,
      score: round4(hit.score),
      matchedTerms: matchTerms(question, hit.passage.text),
      kind: hit.passage.kind,
    });

  const isCommon = (word: string) => vectors.row(word) >= 0;

  async function ask(rawQuestion: string, options: AskOptions = {}): Promise<RagResult> {
    // Without a reader only extractive answers exist; callers that insist on generative check hasReader.
    const mode: RagMode = reader ? (options.mode ?? DEFAULT_RAG_MODE) : "extractive";
    const times = { start: performance.now(), retrieved: 0, firstToken: 0, end: 0 };
    const question = validateQuestion(rawQuestion);
    // What is asked, without an opening "Hi!" or "Thanks!", which no passage covers.
    const asked = withoutPleasantries(question);
    const hits = await retriever.retrieve(asked, CITATION_COUNT);
    times.retrieved = performance.now();
    const decision = decideDecline(hits, (ids) => retriever.coverage(asked, ids), declineThresholds);
    // Retrieval still runs for guarded text, so the stage view shows what it would have handed on.
    const guard = guardOf(question);
    const onToken = (text: string) => {
      if (times.firstToken === 0) times.firstToken = performance.now();
      options.onToken?.(text);
    };
    const outcome =
      decision.decline || guard !== null
        ? null
        : reader && mode === "generative"
          ? await generativeAnswer(asked, hits, vectors, reader, toCitation(asked), {
              onToken,
              stopped: options.stopped,
              paceMs: options.paceMs,
            })
          : extractiveAnswer(asked, hits, vectors, toCitation(asked));
    times.end = performance.now();
    return toResult({ question: asked, isCommon, mode, hits, decision, outcome, guard, times });
  }
  return { ask, retriever, hasReader: reader !== null };
}

export type RagPipeline = ReturnType<typeof createRagPipeline>;
