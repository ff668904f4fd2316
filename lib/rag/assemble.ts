import { articleDocument } from "../documents/article";
import { toPassages } from "../documents/to-passages";
import { matchedTerms } from "./answer/highlight";
import { createRagPipeline, type RagPipeline } from "./pipeline";
import { createPassageClassifier, type PassageClassifierModel } from "./rank/passage-classifier";
import { createRetriever } from "./rank/retriever";
import { buildIndex, expansionsFromQa, type QaPair, restoreIndex } from "./store/build-index";
import type { PassageDb } from "./store/schema";
import { createWordVectors, type WordVectorTable } from "./store/word-vectors";
import type { Reader } from "./types";

/** The article's index: its passages, expanded with the training questions written for them. */
export async function buildArticleIndex(
  markdown: string,
  trainingPairs: readonly QaPair[],
): Promise<PassageDb> {
  const passages = toPassages(articleDocument(markdown));
  return buildIndex(passages, expansionsFromQa(passages, trainingPairs));
}

/**
 * One pipeline from its assets, whether they came from files (CLI) or from fetch (worker). Without the
 * passage classifier learned from the index (classifier-examples.ts) the ranking uses its other three signals.
 */
export async function assembleRagPipeline(
  index: PassageDb | string,
  vectorTable: WordVectorTable,
  reader: Reader | null = null,
  classifier: PassageClassifierModel | null = null,
): Promise<RagPipeline> {
  const db = typeof index === "string" ? restoreIndex(index) : index;
  const vectors = createWordVectors(vectorTable);
  const retriever = await createRetriever(db, vectors, {
    classifier: classifier && createPassageClassifier(classifier),
  });
  return createRagPipeline(retriever, vectors, matchedTerms, reader);
}
