/**
 * Builds the article's search index and writes it serialized (Orama's data-persistence plugin, JSON) to
 * public/retrieval/article-index.json for the browser worker. Runs before every build and dev start, so
 * the shipped index always matches data/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { persist } from "@orama/plugin-data-persistence";
import { PATHS, readText, readTrainingPairs } from "../lib/node/assets";
import { buildArticleIndex } from "../lib/retrieval/assemble";

const db = await buildArticleIndex(readText(PATHS.article), readTrainingPairs());
const serialized = await persist(db, "json");
mkdirSync(dirname(PATHS.index), { recursive: true });
writeFileSync(PATHS.index, String(serialized));
console.log(`wrote ${PATHS.index} (${Buffer.byteLength(String(serialized))} bytes)`);
