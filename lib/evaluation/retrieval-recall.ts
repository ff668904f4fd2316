import type { RetrievalMode } from "../rag/rank/modes";
import type { Retriever } from "../rag/rank/retriever";
import { containsEvidence } from "../text/evidence";
import { evidenceRank, rate, roundFigure } from "./metrics";

/** A question with the words its answer's passage must hold. */
export interface EvidenceQuestion {
  question: string;
  evidence: string;
}

/**
 * Recall@1 and recall@3 of each way of searching: the share of questions whose evidence is in the first passage
 * found, or among the first three. `onHybrid` hears how long each product (hybrid) search took.
 */
export async function retrievalRecall(
  retriever: Retriever,
  questions: readonly EvidenceQuestion[],
  modes: readonly RetrievalMode[],
  onHybrid?: (ms: number) => void,
): Promise<Record<string, { recallAt1: number; recallAt3: number }>> {
  const recall: Record<string, { recallAt1: number; recallAt3: number }> = {};
  for (const mode of modes) {
    const ranks: (number | null)[] = [];
    for (const { question, evidence } of questions) {
      const start = performance.now();
      const hits = await retriever.retrieve(question, 3, mode);
      if (mode === "hybrid") onHybrid?.(performance.now() - start);
      ranks.push(
        evidenceRank(
          hits.map((hit) => hit.passage.text),
          (text) => containsEvidence(text, evidence),
        ),
      );
    }
    recall[mode] = {
      recallAt1: roundFigure(rate(ranks, (r) => r === 1)),
      recallAt3: roundFigure(rate(ranks, (r) => r !== null)),
    };
  }
  return recall;
}
