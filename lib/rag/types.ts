import type { Passage, PassageKind } from "../documents/types";
import type { FinishReason, Generation } from "../models/generator";
import type { RunPosition } from "./store/runs";

/** The RAG pipeline's vocabulary: its answer modes, what it returns, and the reader it may be given. */

export const RAG_MODES = ["generative", "extractive"] as const;
export type RagMode = (typeof RAG_MODES)[number];

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
  /** Why generation ended: at the reader's end-of-text, at its token budget (cut short), or stopped. */
  finish: FinishReason;
}

/**
 * Which stage declined: a guard (the text is an instruction to the system, or small talk, not a question),
 * retrieval (the sources score too low), the reader (it said so), or the reader's context (the question is too
 * long to fit beside even one passage, so it never reached the model).
 */
export const DECLINING_STAGES = [
  "instruction",
  "small-talk",
  "retrieval",
  "reader",
  "question-length",
] as const;
export type DecliningStage = (typeof DECLINING_STAGES)[number];
/** The guards that decline before retrieval's decision counts. */
export type Guard = Extract<DecliningStage, "instruction" | "small-talk">;

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
  /**
   * Words of a generated answer found neither in the passages it was given, nor in the question, nor among
   * common English words (lib/text/invented-words.ts); empty for extractive answers, which only quote.
   */
  invented: string[];
  /** True when a generated answer's faithfulness is under FAITHFULNESS_FLAG, or it has an invented word. */
  flagged: boolean;
  /** The augmentation: the exact prompt handed to the reader (null in extractive mode or when declined). */
  prompt: string | null;
  generation: RagGeneration | null;
}

/** The reader model as the pipeline needs it: a prompt in, streamed text and a generation out. */
export interface Reader {
  generate(
    prompt: string,
    onToken?: (text: string) => void,
    pacing?: { paceMs?: number },
  ): Promise<Generation>;
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
  /** A pause before each generated token (slow motion for a class); 0 or absent for full speed. */
  paceMs?: number;
}

export const DECLINE_ANSWER = "The sources don't cover this question, so there is nothing to cite.";
export const INSTRUCTION_ANSWER =
  "This reads as an instruction to the system, not a question about the sources, so it is not followed and nothing is cited.";
export const SMALL_TALK_ANSWER =
  "This reads as small talk, not a question about the sources, so there is nothing to cite. Ask about retrieval-augmented generation or fine-tuning.";
export const STOPPED_ANSWER = "Stopped before the reader wrote anything.";

export interface RetrievedPassage {
  passage: Passage;
  /** The combined score the ranking used, in [0, 1]. */
  score: number;
  /**
   * The matching signals' score (BM25, soft matching, dense), in [0, 1]: what `score` is without the classifier,
   * and what the decline rule reads, since every passage has it (a user's documents have no class).
   */
  matchScore: number;
  /** The passage classifier's probability for this passage (0 without a classifier or a class), in [0, 1]. */
  classifierScore: number;
  /** Whether the classifier has a class for this passage (a user's documents have none) and took part. */
  classified: boolean;
  /**
   * The passage's place in its run (position.ts) when it stands where the question points ("the third
   * reason"), which added `positionWeight` to its score; null otherwise.
   */
  namedPosition: RunPosition | null;
  /** Orama's BM25 score (0 when no term matched). */
  fullTextScore: number;
  /** Soft word-vector similarity of the question to the passage and the questions written for it, in [0, 1]. */
  semanticScore: number;
  /** Cosine of the question's and the views' averaged word vectors (dense.ts), the mean of the best views. */
  denseScore: number;
  /** The learned encoder's cosine (store/encoder.ts): the passage's closest vector; 0 without an encoder. */
  encoderScore: number;
  /**
   * The passage's written questions, each with the evidence it asks about and its similarity to the question:
   * the extractive answer uses them to tell which sentence those questions were written for. Evidence is
   * null when the index does not say (a passage a user edited): such a question counts for every sentence.
   */
  written: readonly { evidence: string | null; score: number }[];
}
