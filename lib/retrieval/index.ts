export { analyze, termSet, words } from "./analyzer";
export { buildExtractiveAnswer, splitSentences } from "./answer";
export { assembleRagPipeline, buildArticleIndex } from "./assemble";
export {
  buildIndex,
  expansionsFromQa,
  type QaPair,
  restoreIndex,
  serializeIndex,
} from "./build-index";
export { classifierFor, classifierSource, trainIndexClassifier } from "./classifier-examples";
export { DECLINE_THRESHOLD, decideDecline } from "./decline";
export { highlightSegments, matchedTerms, type TextSegment } from "./highlight";
export {
  createPassageClassifier,
  loadClassifier,
  type PassageClassifier,
  type PassageClassifierModel,
  parseClassifier,
  type SavedClassifier,
  saveClassifier,
  trainPassageClassifier,
} from "./passage-classifier";
export {
  type AskOptions,
  CITATION_COUNT,
  type Citation,
  createRagPipeline,
  DECLINE_ANSWER,
  DEFAULT_RAG_MODE,
  FAITHFULNESS_FLAG,
  INSTRUCTION_ANSWER,
  RAG_MODES,
  type RagMode,
  type RagPipeline,
  type RagResult,
  type RagTimings,
  type Reader,
  type RetrievedSummary,
} from "./pipeline";
export { type PositionReference, positionReferences, type RunPosition } from "./position";
export {
  createRetriever,
  RETRIEVAL_MODES,
  type RetrievalMode,
  type RetrievedPassage,
  type Retriever,
} from "./retriever";
export { createPassageDb, type PassageDb } from "./schema";
export { contentWords, createSoftMatcher } from "./semantic";
export { createWordVectors, type WordVectors, type WordVectorTable } from "./word-vectors";
