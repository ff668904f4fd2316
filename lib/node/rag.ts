import { createGenerator } from "../models/generator";
import { READER_GENERATION } from "../rag/answer/reader-prompt";
import { assembleRagPipeline, buildArticleIndex } from "../rag/assemble";
import type { RagPipeline } from "../rag/pipeline";
import { classifierFor } from "../rag/rank/classifier-examples";
import { createWordVectors } from "../rag/store/word-vectors";
import { PATHS, readSavedClassifier, readText, readTrainingPairs, readVectorTable } from "./assets";
import { configureLocalModels, missingModelFiles } from "./fine-tuned";

export interface NodeRagPipeline {
  pipeline: RagPipeline;
  /** Why the reader is unavailable (generative mode then falls back to extractive), or null. */
  readerMissing: string | null;
  /** The reader's load time, paid once before the first question; 0 without a reader. */
  readerLoadMs: number;
}

/**
 * The RAG pipeline in Node, built from the article itself so it can never be stale, with the reader model
 * when it is built (`withReader: false` skips loading it, for extractive-only runs).
 */
export async function loadRagPipeline(
  options: { withReader?: boolean; root?: string } = {},
): Promise<NodeRagPipeline> {
  const root = options.root ?? PATHS.models;
  const db = await buildArticleIndex(readText(PATHS.article), readTrainingPairs());
  const table = await readVectorTable();
  const classifier = await classifierFor(db, () => createWordVectors(table), readSavedClassifier());
  const missing = missingModelFiles("reader", root);
  if (options.withReader === false || missing.length > 0) {
    return {
      pipeline: await assembleRagPipeline(db, table, null, classifier),
      readerMissing:
        missing.length > 0
          ? `public/models/reader lacks ${missing.join(", ")}; run \`npm run train\``
          : "not loaded",
      readerLoadMs: 0,
    };
  }
  configureLocalModels(root);
  const reader = createGenerator("reader", READER_GENERATION);
  const { loadMs } = await reader.load();
  return {
    pipeline: await assembleRagPipeline(db, table, reader, classifier),
    readerMissing: null,
    readerLoadMs: loadMs,
  };
}
