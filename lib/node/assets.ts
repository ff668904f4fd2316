/** Node-only loading of the pipeline's assets from the repository (CLI, benchmarks, tests). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARTICLE } from "../documents/article";
import { createError } from "../errors";
import type { QaPair } from "../retrieval/build-index";
import type { WordVectorTable } from "../retrieval/word-vectors";

// Scripts, tests and the Next.js build all run from the project root (npm sets it).
export const ROOT = process.cwd();
export const PATHS = {
  article: join(ROOT, ARTICLE.markdownPath),
  trainingQa: join(ROOT, "data", "qa", "train.jsonl"),
  index: join(ROOT, "public", "retrieval", "article-index.json"),
  vectorWords: join(ROOT, "public", "retrieval", "word-vectors.json"),
  vectorData: join(ROOT, "public", "retrieval", "word-vectors.bin"),
  models: join(ROOT, "public", "models"),
} as const;

export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw createError("FILE_NOT_FOUND", path, error instanceof Error ? error.message : String(error));
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

export function readVectorTable(): WordVectorTable {
  const meta = JSON.parse(readText(PATHS.vectorWords)) as { dimensions: number; words: string[] };
  const bytes = readFileSync(PATHS.vectorData);
  return {
    dimensions: meta.dimensions,
    words: meta.words,
    data: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
  };
}
