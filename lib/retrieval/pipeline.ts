import type { PassageKind } from "../documents/types";
import { faithfulness } from "../evaluation/faithfulness";
import type { Generation } from "../generation/generator";
import {
  citedRanks,
  formatReaderPrompt,
  isReaderDecline,
  promptFits,
  READER_PASSAGES,
} from "../generation/reader-prompt";
import { unstartedGeneration } from "../generation/unstarted";
import { findInstruction } from "../questions/instruction-guard";
import { findSmallTalk, withoutPleasantries } from "../questions/small-talk";
import { validateQuestion } from "../questions/validate-question";
import { buildExtractiveAnswer } from "./answer";
import { DEFAULT_DECLINE_THRESHOLDS, type DeclineThresholds, decideDecline } from "./decline";
import type { RunPosition } from "./position";
import type { RetrievedPassage, Retriever } from "./retriever";
import type { WordVectors } from "./word-vectors";

export const RAG_MODES = ["generative", "extractive"] as const;
export type RagMode = (typeof RAG_MODES)[number];

/**
 * The mode the page and the CLI use unless told otherwise. Extractive, because the shipped reader declines
 * nearly every question (docs/generative-rag.md): a default must give the better answer. When a reader's
 * held-out token-F1 reaches the extractive mode's, this becomes "generative".
 */
export const DEFAULT_RAG_MODE: RagMode = "extractive";

/** Below this share of its words found in its citations, a generated answer is flagged as unsupported. */
export const FAITHFULNESS_FLAG = 0.75;

export interface Citation {
  rank: number;
  id: string;
  section: string;
  documentTitle: string;
  text: string;
  score: number;
  /** Question terms found in the passage, as the analyzer sees them (stemmed). */
  matchedTerms: string[];
  /** A "question-list" (the FAQ the article never answers) is cited, but the panel says it answers nothing. */
  kind: PassageKind;
}

/** A passage the retriever returned, whether or not the answer ended up citing it. */
export interface RetrievedSummary {
  rank: number;
  id: string;
  section: string;
  score: number;
  /** The matching signals' part of the score (what declining reads). */
  matchScore: number;
  /** The passage classifier's probability for the passage; null when it has no class (a user's document). */
  classifierScore: number | null;
  /** Its place in its run when it stands where the question points ("the third reason"), else null. */
  namedPosition: RunPosition | null;
}

export interface RagTimings {
  retrieveMs: number;
  /** From the passages being chosen to the whole answer being ready (extracting or generating). */
  answerMs: number;
  /** From the passages being chosen to the first token (an extractive answer arrives all at once). */
  firstTokenMs: number;
  totalMs: number;
}

export interface RagGeneration {
  tokens: number;
  promptTokens: number;
  tokensPerSecond: number;
  interrupted: boolean;
}

/**
 * Which stage declined: a guard (the text is an instruction to the system, or small talk, not a question),
 * retrieval (the sources score too low) or the reader (it said so).
 */
export const DECLINING_STAGES = ["instruction", "small-talk", "retrieval", "reader"] as const;
export type DecliningStage = (typeof DECLINING_STAGES)[number];
/** The guards that decline before retrieval's decision counts. */
type Guard = Extract<DecliningStage, "instruction" | "small-talk">;

export interface RagResult {
  answer: string;
  abstained: boolean;
  /**
   * Which stage declined (DECLINING_STAGES); null when the question was answered, or stopped before the
   * reader wrote anything (then `abstained` is true and `generation.interrupted` says why).
   */
  declinedBy: DecliningStage | null;
  mode: RagMode;
  citations: Citation[];
  /**
   * The augmentation: the passages handed on with the question (to the reader's prompt, or to the sentence
   * picker in extractive mode), whether or not the answer cited them. Empty when retrieval declined.
   */
  augmented: Citation[];
  /** Everything retrieval returned, with scores, cited or not (the stage view shows it). */
  retrieved: RetrievedSummary[];
  timings: RagTimings;
  /** The confidence the decline decision compared with its threshold (DECLINE_THRESHOLD). */
  confidence: number;
  /**
   * The share of the question's specific words the retrieved passages cover, which the decline decision
   * compared with COVERAGE_THRESHOLD, and the words they leave uncovered.
   */
  coverage: number;
  uncovered: string[];
  /** Share of the answer's content words found in its citations (null when declined). */
  faithfulness: number | null;
  /** True when a generated answer's faithfulness is under FAITHFULNESS_FLAG. */
  flagged: boolean;
  /** The augmentation: the exact prompt handed to the reader (null in extractive mode or when declined). */
  prompt: string | null;
  generation: RagGeneration | null;
}

/** The reader model as the pipeline needs it: a prompt in, streamed text and a generation out. */
export interface Reader {
  generate(prompt: string, onToken?: (text: string) => void): Promise<Generation>;
  countTokens(text: string): Promise<number>;
}

export interface AskOptions {
  /** Defaults to DEFAULT_RAG_MODE; always extractive without a reader. */
  mode?: RagMode;
  onToken?: (text: string) => void;
  /**
   * Asked just before the reader would start: true when the question was stopped while it waited (for the
   * reader to load, say), so the reader is not run and the answer says it was stopped.
   */
  stopped?: () => boolean;
}

export const DECLINE_ANSWER = "The sources don't cover this question, so there is nothing to cite.";
export const INSTRUCTION_ANSWER =
  "This reads as an instruction to the system, not a question about the sources, so it is not followed and nothing is cited.";
export const SMALL_TALK_ANSWER =
  "This reads as small talk, not a question about the sources, so there is nothing to cite. Ask about retrieval-augmented generation or fine-tuning.";
export const STOPPED_ANSWER = "Stopped before the reader wrote anything.";
export const CITATION_COUNT = 3;

const GUARD_ANSWERS: Record<Guard, string> = {
  instruction: INSTRUCTION_ANSWER,
  "small-talk": SMALL_TALK_ANSWER,
};

function guardOf(question: string): Guard | null {
  if (findInstruction(question) !== null) return "instruction";
  return findSmallTalk(question) !== null ? "small-talk" : null;
}

function declinedBy(answered: boolean, guard: Guard | null, readerDeclined: boolean): DecliningStage | null {
  if (answered) return null;
  if (guard) return guard;
  return readerDeclined ? "reader" : "retrieval";
}

const roundShare = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 10_000);
const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * The RAG pipeline: retrieve passages, decide whether they cover the question, then answer from them,
 * either by extracting their best sentences or by handing them to the reader model (augmentation) and
 * streaming what it generates.
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
      score: Math.round(hit.score * 10_000) / 10_000,
      matchedTerms: matchTerms(question, hit.passage.text),
      kind: hit.passage.kind,
    });

  async function answerFrom(
    question: string,
    hits: RetrievedPassage[],
    mode: RagMode,
    onToken?: (text: string) => void,
    stopped?: () => boolean,
  ) {
    if (!reader || mode === "extractive") {
      const all = hits.map(toCitation(question));
      const extractive = buildExtractiveAnswer(question, hits, vectors);
      return {
        answer: extractive?.answer ?? null,
        citations: extractive ? all : [],
        augmented: all,
        prompt: null,
        generation: null,
        readerDeclined: false,
      };
    }
    // As in training: a prompt too long for the reader's context loses its last passage until it fits.
    let given = hits.slice(0, READER_PASSAGES);
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
    const all = given.map(toCitation(question));
    const generated = stopped?.() ? unstartedGeneration(prompt) : await reader.generate(prompt, onToken);
    const generation: RagGeneration = {
      tokens: generated.tokens,
      promptTokens: generated.promptTokens,
      tokensPerSecond: generated.tokensPerSecond,
      interrupted: generated.interrupted,
    };
    // Stopped (the Stop button, or a newer question) before the reader wrote anything: not a decline.
    if (generated.interrupted && generated.answer === "") {
      return {
        answer: null,
        citations: [],
        augmented: all,
        prompt,
        generation,
        readerDeclined: false,
        stopped: true,
      };
    }
    if (isReaderDecline(generated.answer) || generated.answer === "") {
      return { answer: null, citations: [], augmented: all, prompt, generation, readerDeclined: true };
    }
    // The passages the answer cites by number; an answer that cites none is held to all it was given.
    const used = citedRanks(generated.answer, all.length);
    const citations = used.length > 0 ? all.filter((c) => used.includes(c.rank)) : all;
    return { answer: generated.answer, citations, augmented: all, prompt, generation, readerDeclined: false };
  }

  async function ask(rawQuestion: string, options: AskOptions = {}): Promise<RagResult> {
    // Without a reader only extractive answers exist; callers that insist on generative check hasReader.
    const mode: RagMode = reader ? (options.mode ?? DEFAULT_RAG_MODE) : "extractive";
    const start = performance.now();
    const question = validateQuestion(rawQuestion);
    // What is asked, without an opening "Hi!" or "Thanks!", which no passage covers.
    const asked = withoutPleasantries(question);
    const hits = await retriever.retrieve(asked, CITATION_COUNT);
    const retrieved = performance.now();
    const decision = decideDecline(hits, (ids) => retriever.coverage(asked, ids), declineThresholds);
    // Retrieval still runs for guarded text, so the stage view shows what it would have handed on.
    const guard = guardOf(question);
    const decline = decision.decline || guard !== null;
    let firstToken = 0;
    const onToken = (text: string) => {
      if (firstToken === 0) firstToken = performance.now();
      options.onToken?.(text);
    };
    const answered = decline ? null : await answerFrom(asked, hits, mode, onToken, options.stopped);
    const end = performance.now();
    const answer = answered?.answer ?? null;
    const stopped = answered !== null && "stopped" in answered;
    const citations = answer === null ? [] : (answered?.citations ?? []);
    const share =
      answer === null
        ? null
        : roundShare(
            faithfulness(
              answer,
              citations.map((c) => c.text),
            ),
          );
    return {
      answer: answer ?? (stopped ? STOPPED_ANSWER : guard ? GUARD_ANSWERS[guard] : DECLINE_ANSWER),
      abstained: answer === null,
      declinedBy: stopped ? null : declinedBy(answer !== null, guard, answered?.readerDeclined ?? false),
      mode,
      citations,
      augmented: answered?.augmented ?? [],
      retrieved: hits.map((hit, index) => ({
        rank: index + 1,
        id: hit.passage.id,
        section: hit.passage.section,
        score: Math.round(hit.score * 10_000) / 10_000,
        matchScore: Math.round(hit.matchScore * 10_000) / 10_000,
        classifierScore: hit.classified ? Math.round(hit.classifierScore * 10_000) / 10_000 : null,
        namedPosition: hit.namedPosition,
      })),
      confidence: Math.round(decision.confidence * 10_000) / 10_000,
      coverage: Math.round(decision.coverage * 10_000) / 10_000,
      uncovered: decision.uncovered,
      faithfulness: share,
      flagged: mode === "generative" && share !== null && share < FAITHFULNESS_FLAG,
      prompt: answered?.prompt ?? null,
      generation: answered?.generation ?? null,
      timings: {
        retrieveMs: round(retrieved - start),
        answerMs: round(end - retrieved),
        firstTokenMs: round((firstToken || end) - retrieved),
        totalMs: round(end - start),
      },
    };
  }
  return { ask, retriever, hasReader: reader !== null };
}

export type RagPipeline = ReturnType<typeof createRagPipeline>;
