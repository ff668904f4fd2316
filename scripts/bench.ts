/**
 * Benchmarks, printed as figures (medians and p95 over many runs; the machine is noisy, so no thresholds).
 *   npm run bench            Node: retrieval latency, index size; fine-tuned model when it is built
 */
import { statSync } from "node:fs";
import { persist } from "@orama/plugin-data-persistence";
import { median, quantile } from "../lib/evaluation";
import { formatBytes } from "../lib/format";
import { PATHS, readJsonLines, readText, readTrainingPairs } from "../lib/node/assets";
import { loadFineTunedAnswerer } from "../lib/node/fine-tuned";
import { loadRagPipeline } from "../lib/node/rag";
import { buildArticleIndex } from "../lib/retrieval/assemble";

const ROUNDS = 3;
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

const questions = [
  ...readJsonLines<{ question: string }>("data/qa/heldout-dev.jsonl"),
  ...readJsonLines<{ question: string }>("data/qa/heldout-test.jsonl"),
  ...readJsonLines<{ question: string }>("data/qa/off-topic.jsonl"),
].map((q) => q.question);

console.log("RAG pipeline (Node)");
const serialized = String(
  await persist(await buildArticleIndex(readText(PATHS.article), readTrainingPairs()), "json"),
);
console.log(
  `  serialized index: ${formatBytes(Buffer.byteLength(serialized))} (${Buffer.byteLength(serialized)} bytes)`,
);
console.log(
  `  word vectors: ${formatBytes(statSync(PATHS.vectorData).size + statSync(PATHS.vectorWords).size)}`,
);
const { pipeline: rag } = await loadRagPipeline({ withReader: false });
for (const q of questions.slice(0, 20)) await rag.ask(q);
const retrieve: number[] = [];
const total: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of questions) {
    const { timings } = await rag.ask(q);
    retrieve.push(timings.retrieveMs);
    total.push(timings.totalMs);
  }
}
console.log(
  `  ${retrieve.length} queries: retrieval p50 ${fmt(median(retrieve))}, p95 ${fmt(quantile(retrieve, 0.95))}`,
);
console.log(`  whole pipeline p50 ${fmt(median(total))}, p95 ${fmt(quantile(total, 0.95))}`);

const fineTuned = await loadFineTunedAnswerer();
if ("missing" in fineTuned) {
  console.log(`\nFine-tuned model: not built (${fineTuned.missing})`);
} else {
  console.log("\nFine-tuned model (Node, onnxruntime-node)");
  const runs: { loadMs: number; firstTokenMs: number; tokensPerSecond: number; totalMs: number }[] = [];
  for (const q of questions.slice(0, 30)) {
    const out = (await fineTuned.ask(q)) as {
      timings: { loadMs: number; firstTokenMs: number; totalMs: number };
      tokensPerSecond: number;
    };
    runs.push({ ...out.timings, tokensPerSecond: out.tokensPerSecond });
  }
  console.log(`  load (first question) ${fmt(runs[0]?.loadMs ?? Number.NaN)}`);
  console.log(`  first token p50 ${fmt(median(runs.map((r) => r.firstTokenMs)))}`);
  console.log(`  tokens/s p50 ${median(runs.map((r) => r.tokensPerSecond)).toFixed(0)}`);
}
