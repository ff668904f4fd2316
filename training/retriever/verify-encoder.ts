/**
 * Checks the exported retrieval encoder through the app's own code path (lib/retrieval/encoder.ts with ONNX
 * Runtime for Node, lib/node/encoder.ts): for each text of DIR/reference.json, the words the app picks must be
 * the words the Python featurizer picked, and the embedding must match PyTorch's within 1e-4.
 *   npx tsx training/retriever/verify-encoder.ts DIR [--report OUT.json]
 * Exits non-zero on any mismatch.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readVectorTable } from "../../lib/node/assets";
import { loadTextEncoder } from "../../lib/node/encoder";
import { encoderWords } from "../../lib/rag/store/encoder";
import { createWordVectors } from "../../lib/rag/store/word-vectors";

const [folder, flag, reportPath] = process.argv.slice(2);
if (!folder) throw new Error("usage: verify-encoder.ts DIR [--report OUT.json]");
const reference = JSON.parse(readFileSync(join(folder, "reference.json"), "utf8")) as {
  cases: { text: string; words: string[]; embedding: number[] }[];
};
const vectors = createWordVectors(await readVectorTable());
const encoder = await loadTextEncoder(vectors, folder);
if (!encoder) throw new Error(`${folder} holds no encoder`);
const config = JSON.parse(readFileSync(join(folder, "config.json"), "utf8")) as { maxQueryWords: number };
const embedded = await encoder.embed(
  reference.cases.map((c) => c.text),
  "query",
);
const results = reference.cases.map((c, i) => {
  const words = encoderWords(vectors, c.text, config.maxQueryWords);
  const got = embedded[i] as Float32Array;
  const maxDiff = Math.max(...c.embedding.map((x, d) => Math.abs(x - (got[d] as number))));
  return { text: c.text, sameWords: words.join(" ") === c.words.join(" "), maxDiff };
});
const ok = results.every((r) => r.sameWords && r.maxDiff < 1e-4);
if (flag === "--report" && reportPath) writeFileSync(reportPath, JSON.stringify({ ok, results }, null, 2));
console.log(JSON.stringify({ ok, cases: results.length, maxDiff: Math.max(...results.map((r) => r.maxDiff)) }));
if (!ok) {
  console.error(JSON.stringify(results.filter((r) => !r.sameWords || r.maxDiff >= 1e-4)));
  process.exitCode = 1;
}
