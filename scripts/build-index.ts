/**
 * Builds the article's search indexes and writes them serialized (Orama's data-persistence plugin, JSON) for the
 * browser worker, one per knowledge setting (lib/retrieval/knowledge.ts):
 *   public/retrieval/article-index.json       "article+questions": expanded with the written training questions,
 *                                             with the passage classifier learned from it (passage-classifier.json)
 *   public/retrieval/article-only-index.json  "article": the passages alone, each with the learned encoder's vector
 * Runs before every build and dev start, so both always match data/ and the encoder.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { persist } from "@orama/plugin-data-persistence";
import { PATHS, readText, readTrainingPairs, readVectorTable } from "../lib/node/assets";
import { loadTextEncoder } from "../lib/node/encoder";
import { buildArticleIndex } from "../lib/rag/assemble";
import { trainIndexClassifier } from "../lib/rag/rank/classifier-examples";
import { createWordVectors } from "../lib/rag/store/word-vectors";

const db = await buildArticleIndex(readText(PATHS.article), readTrainingPairs());
const serialized = String(await persist(db, "json"));
mkdirSync(dirname(PATHS.index), { recursive: true });
writeFileSync(PATHS.index, serialized);
console.log(`wrote ${PATHS.index} (${Buffer.byteLength(serialized)} bytes)`);

const encoder = await loadTextEncoder(createWordVectors(await readVectorTable()));
if (!encoder) throw new Error(`${PATHS.encoder} holds no encoder: run \`npm run train\``);
const articleOnly = String(
  await persist(await buildArticleIndex(readText(PATHS.article), [], encoder), "json"),
);
writeFileSync(PATHS.articleOnlyIndex, articleOnly);
console.log(`wrote ${PATHS.articleOnlyIndex} (${Buffer.byteLength(articleOnly)} bytes)`);

const start = performance.now();
const { saved } = await trainIndexClassifier(db, createWordVectors(await readVectorTable()));
const classifier = JSON.stringify(saved);
writeFileSync(PATHS.classifier, classifier);
console.log(
  `wrote ${PATHS.classifier} (${Buffer.byteLength(classifier)} bytes; ${saved.classes.length} passages, ` +
    `${saved.stems.length} stems; trained in ${Math.round(performance.now() - start)} ms)`,
);
