import { createError } from "../errors";
import { createGenerator } from "../models/generator";
import { READER_GENERATION } from "../rag/answer/reader-prompt";
import { assembleRagPipeline, buildArticleIndex, type PipelineSetting } from "../rag/assemble";
import { DEFAULT_KNOWLEDGE, KNOWLEDGE_ASSETS, KNOWLEDGE_PIPELINES, type Knowledge } from "../rag/knowledge";
import type { RagPipeline } from "../rag/pipeline";
import { classifierFor } from "../rag/rank/classifier-examples";
import type { TextEncoder } from "../rag/store/encoder";
import { createWordVectors, type WordVectorTable } from "../rag/store/word-vectors";
import { PATHS, readSavedClassifier, readText, readTrainingPairs, readVectorTable } from "./assets";
import { loadTextEncoder } from "./encoder";
import { configureLocalModels, missingModelFiles } from "./fine-tuned";

export interface NodeRagPipeline {
  pipeline: RagPipeline;
  /** Why the reader is unavailable (generative mode then falls back to extractive), or null. */
  readerMissing: string | null;
  /** The reader's load time, paid once before the first question; 0 without a reader. */
  readerLoadMs: number;
}

/**
 * The learned encoder of a setting that has one (knowledge.ts). The "article" setting cannot run without it, so a
 * missing encoder is PIPELINE_NOT_BUILT, never a quietly weaker pipeline.
 */
async function encoderFor(knowledge: Knowledge, table: WordVectorTable): Promise<TextEncoder | null> {
  if (!KNOWLEDGE_ASSETS[knowledge].encoder) return null;
  const encoder = await loadTextEncoder(createWordVectors(table));
  if (!encoder)
    throw createError("PIPELINE_NOT_BUILT", {
      pipeline: `rag (knowledge "${knowledge}")`,
      detail: "public/retrieval/encoder lacks config.json or its model; run `npm run train`",
    });
  return encoder;
}

/**
 * The RAG pipeline in Node, built from the article itself so it can never be stale, with the reader model
 * when it is built (`withReader: false` skips loading it, for extractive-only runs).
 */
export async function loadRagPipeline(
  options: { withReader?: boolean; root?: string; knowledge?: Knowledge } = {},
): Promise<NodeRagPipeline> {
  const root = options.root ?? PATHS.models;
  const knowledge = options.knowledge ?? DEFAULT_KNOWLEDGE;
  const assets = KNOWLEDGE_ASSETS[knowledge];
  const table = await readVectorTable();
  const encoder = await encoderFor(knowledge, table);
  // Built as `npm run build:index` builds it for the browser, the passages' encoder vectors included.
  const db = await buildArticleIndex(
    readText(PATHS.article),
    assets.writtenQuestions ? readTrainingPairs() : [],
    encoder,
  );
  const setting: PipelineSetting = {
    ...KNOWLEDGE_PIPELINES[knowledge],
    encoder: encoder && (async () => encoder),
  };
  const classifier = assets.classifier
    ? await classifierFor(db, () => createWordVectors(table), readSavedClassifier())
    : null;
  const missing = missingModelFiles("reader", root);
  if (options.withReader === false || missing.length > 0) {
    return {
      pipeline: await assembleRagPipeline(db, table, null, classifier, setting),
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
    pipeline: await assembleRagPipeline(db, table, reader, classifier, setting),
    readerMissing: null,
    readerLoadMs: loadMs,
  };
}
