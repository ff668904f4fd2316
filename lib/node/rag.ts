import { assembleRagPipeline, buildArticleIndex } from "../retrieval/assemble";
import type { RagPipeline } from "../retrieval/pipeline";
import { PATHS, readText, readTrainingPairs, readVectorTable } from "./assets";

/** The RAG pipeline in Node, built from the article itself so it can never be stale. */
export async function loadRagPipeline(): Promise<RagPipeline> {
  const db = await buildArticleIndex(readText(PATHS.article), readTrainingPairs());
  return assembleRagPipeline(db, readVectorTable());
}
