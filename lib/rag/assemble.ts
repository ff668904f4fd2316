import { articleDocument } from "../documents/article";
import { toPassages } from "../documents/to-passages";
import { matchedTerms } from "./answer/highlight";
import type { DeclineThresholds } from "./decline/decline";
import { createRagPipeline, type RagPipeline } from "./pipeline";
import { createPassageClassifier, type PassageClassifierModel } from "./rank/passage-classifier";
import { createRetriever, type RetrieverOptions } from "./rank/retriever";
import { buildIndex, expansionsFromQa, type QaPair, restoreIndex } from "./store/build-index";
import { encoderTexts, type TextEncoder } from "./store/encoder";
import type { PassageDb } from "./store/schema";
import { createWordVectors, type WordVectors, type WordVectorTable } from "./store/word-vectors";
import type { Reader } from "./types";

/**
 * The article's index: its passages, expanded with the training questions written for them (none in the
 * "article" knowledge setting), with the learned encoder's vectors of each passage when an encoder is given.
 */
export async function buildArticleIndex(
  markdown: string,
  trainingPairs: readonly QaPair[],
  encoder: TextEncoder | null = null,
): Promise<PassageDb> {
  const passages = toPassages(articleDocument(markdown));
  // Every text of every passage in one run of the model, then each passage's vectors back in order.
  const texts = passages.map(encoderTexts);
  const vectors = encoder ? await encoder.embed(texts.flat(), "passage") : [];
  let next = 0;
  const embeddings = new Map<string, Float32Array[]>();
  if (encoder)
    passages.forEach((passage, i) => {
      const count = texts[i]?.length ?? 0;
      embeddings.set(passage.id, vectors.slice(next, next + count));
      next += count;
    });
  return buildIndex(passages, expansionsFromQa(passages, trainingPairs), embeddings);
}

/**
 * What a knowledge setting changes in the pipeline (knowledge.ts): retrieval's weights, the learned encoder
 * (made over the same word vectors, so it is given as a factory) and the decline thresholds.
 */
export interface PipelineSetting {
  retriever?: Omit<RetrieverOptions, "classifier" | "encoder">;
  encoder?: ((vectors: WordVectors) => Promise<TextEncoder>) | null;
  decline?: DeclineThresholds;
}

/**
 * One pipeline from its assets, whether they came from files (CLI) or from fetch (worker). Without the
 * passage classifier learned from the index (classifier-examples.ts) the ranking uses its other signals.
 */
export async function assembleRagPipeline(
  index: PassageDb | string,
  vectorTable: WordVectorTable,
  reader: Reader | null = null,
  classifier: PassageClassifierModel | null = null,
  setting: PipelineSetting = {},
): Promise<RagPipeline> {
  const db = typeof index === "string" ? restoreIndex(index) : index;
  const vectors = createWordVectors(vectorTable);
  const retriever = await createRetriever(db, vectors, {
    ...setting.retriever,
    classifier: classifier && createPassageClassifier(classifier),
    encoder: setting.encoder ? await setting.encoder(vectors) : null,
  });
  return createRagPipeline(retriever, vectors, matchedTerms, reader, setting.decline);
}
