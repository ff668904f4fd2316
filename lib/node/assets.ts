/** Node-only loading of the pipeline's assets from the repository (CLI, benchmarks, tests). */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ARTICLE } from "../documents/article";
import { createError } from "../errors";
import type { QaPair } from "../rag/store/build-index";
import { unpackWordVectorTable, type WordVectorMeta, type WordVectorTable } from "../rag/store/word-vectors";

// Scripts, tests and the Next.js build all run from the project root (npm sets it).
export const ROOT = process.cwd();
export const PATHS = {
  article: join(ROOT, ARTICLE.markdownPath),
  trainingQa: join(ROOT, "data", "qa", "train.jsonl"),
  index: join(ROOT, "public", "retrieval", "article-index.json"),
  classifier: join(ROOT, "public", "retrieval", "passage-classifier.json"),
  /** The article-only index (knowledge "article"): the article's passages with their encoder vectors. */
  articleOnlyIndex: join(ROOT, "public", "retrieval", "article-only-index.json"),
  encoder: join(ROOT, "public", "retrieval", "encoder"),
  vectorWords: join(ROOT, "public", "retrieval", "word-vectors.json"),
  vectorData: join(ROOT, "public", "retrieval", "word-vectors.bin.gz"),
  models: join(ROOT, "public", "models"),
} as const;

export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw createError("FILE_NOT_FOUND", {
      path,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

export function readJsonLines<T>(path: string): T[] {
  return readText(path)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

export function readTrainingPairs(): QaPair[] {
  return readJsonLines<QaPair>(PATHS.trainingQa).map(({ question, evidence }) => ({ question, evidence }));
}

/** The word-vector table, unpacked from its gzip file as the browser unpacks it. */
export async function readVectorTable(): Promise<WordVectorTable> {
  const meta = JSON.parse(readText(PATHS.vectorWords)) as WordVectorMeta;
  return unpackWordVectorTable(meta, new Uint8Array(readFileSync(PATHS.vectorData)), PATHS.vectorData);
}

/**
 * The passage classifier `npm run build:index` saved, or null when there is none or it cannot be read: Node
 * builds the index from the article, so the saved model is only a cache (classifierFor checks it still
 * matches, and trains one otherwise).
 */
export function readSavedClassifier(): { source?: unknown } | null {
  if (!existsSync(PATHS.classifier)) return null;
  try {
    return JSON.parse(readFileSync(PATHS.classifier, "utf8")) as { source?: unknown };
  } catch {
    return null;
  }
}
