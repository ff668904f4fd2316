import { faithfulness } from "../evaluation/faithfulness";
import { validateQuestion } from "../questions/validate-question";
import { buildExtractiveAnswer } from "./answer";
import { decideDecline } from "./decline";
import type { Retriever } from "./retriever";
import type { WordVectors } from "./word-vectors";

export const RAG_MODES = ["extractive"] as const;
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
}

export interface RagTimings {
  retrieveMs: number;
  answerMs: number;
  totalMs: number;
}

export interface RagResult {
  answer: string;
  abstained: boolean;
  mode: RagMode;
  citations: Citation[];
  timings: RagTimings;
  /** The confidence the decline decision compared with its threshold. */
  confidence: number;
  /** Share of the answer's content words found in its citations (null when declined). */
  faithfulness: number | null;
}

export const DECLINE_ANSWER = "The sources don't cover this question, so there is nothing to cite.";
export const CITATION_COUNT = 3;

const roundShare = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 10_000);
const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** The RAG pipeline: retrieve passages, decide whether they cover the question, build a cited answer. */
export function createRagPipeline(
  retriever: Retriever,
  vectors: WordVectors,
  matchTerms: (question: string, text: string) => string[],
) {
  async function ask(rawQuestion: string): Promise<RagResult> {
    const start = performance.now();
    const question = validateQuestion(rawQuestion);
    const hits = await retriever.retrieve(question, CITATION_COUNT);
    const retrieved = performance.now();
    const best = hits[0];
    const { decline, confidence } = decideDecline(
      hits,
      best ? retriever.coverage(question, best.passage.id) : 0,
    );
    const extractive = decline ? null : buildExtractiveAnswer(question, hits, vectors);
    const answered = performance.now();
    const abstained = extractive === null;
    const citations: Citation[] = abstained
      ? []
      : hits.map((hit, index) => ({
          rank: index + 1,
          id: hit.passage.id,
          section: hit.passage.section,
          documentTitle: hit.passage.documentTitle,
          text: hit.passage.text,
          score: Math.round(hit.score * 10_000) / 10_000,
          matchedTerms: matchTerms(question, hit.passage.text),
        }));
    return {
      answer: extractive?.answer ?? DECLINE_ANSWER,
      abstained,
      mode: "extractive",
      citations,
      confidence: Math.round(confidence * 10_000) / 10_000,
      faithfulness: abstained
        ? null
        : roundShare(
            faithfulness(
              extractive.answer,
              citations.map((c) => c.text),
            ),
          ),
      timings: {
        retrieveMs: round(retrieved - start),
        answerMs: round(answered - retrieved),
        totalMs: round(performance.now() - start),
      },
    };
  }
  return { ask, retriever };
}

export type RagPipeline = ReturnType<typeof createRagPipeline>;
