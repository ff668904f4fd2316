/**
 * Builds the article's search index and writes it serialized (Orama's data-persistence plugin, JSON) to
 * public/retrieval/article-index.json for the browser worker, with the passage classifier learned from it
 * (public/retrieval/passage-classifier.json). Runs before every build and dev start, so both always match
 * data/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { persist } from "@orama/plugin-data-persistence";
import { PATHS, readText, readTrainingPairs, readVectorTable } from "../lib/node/assets";
import { buildArticleIndex } from "../lib/rag/assemble";
import { trainIndexClassifier } from "../lib/rag/rank/classifier-examples";
import { createWordVectors } from "../lib/rag/store/word-vectors";

const db = await buildArticleIndex(readText(PATHS.article), readTrainingPairs());
const serialized = String(await persist(db, "json"));
mkdirSync(dirname(PATHS.index), { recursive: true });
writeFileSync(PATHS.index, serialized);
console.log(`wrote ${PATHS.index} (${Buffer.byteLength(serialized)} bytes)`);

const start = performance.now();
const { saved } = await trainIndexClassifier(db, createWordVectors(await readVectorTable()));
const classifier = JSON.stringify(saved);
writeFileSync(PATHS.classifier, classifier);
console.log(
  `wrote ${PATHS.classifier} (${Buffer.byteLength(classifier)} bytes; ${saved.classes.length} passages, ` +
    `${saved.stems.length} stems; trained in ${Math.round(performance.now() - start)} ms)`,
);
