/**
 * Benchmarks, printed as figures in one run (medians; the machine is noisy, so budgets are reported, not
 * asserted). Node first (the same library code as the CLI), then Chromium against the production build.
 *   npm run bench
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { persist } from "@orama/plugin-data-persistence";
import { median, quantile } from "../lib/evaluation/metrics";
import { formatBytes } from "../lib/format";
import { PATHS, readJsonLines, readText, readTrainingPairs } from "../lib/node/assets";
import { loadFineTunedAnswerer } from "../lib/node/fine-tuned";
import { loadRagPipeline } from "../lib/node/rag";
import { buildArticleIndex } from "../lib/rag/assemble";
import { runBrowserBench } from "./bench-browser";
import { benchArticleOnly } from "./bench-knowledge";

const ROUNDS = 3;
const MODEL_BUDGET_BYTES = 20 * 1024 * 1024;
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

const questions = [
  ...readJsonLines<{ question: string }>("data/qa/heldout-dev.jsonl"),
  ...readJsonLines<{ question: string }>("data/qa/heldout-test.jsonl"),
  ...readJsonLines<{ question: string }>("data/qa/off-topic.jsonl"),
].map((q) => q.question);

function folderBytes(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(folder, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

console.log("Budgets (issue 6): retrieval p50 < 1 ms, first token < 300 ms, >= 100 tokens/s,");
console.log("first-load JS <= 250 KB gzipped, each model <= 20 MB.\n");

console.log("Shipped models");
let total = 0;
for (const model of readdirSync(PATHS.models)) {
  const bytes = folderBytes(join(PATHS.models, model));
  total += bytes;
  console.log(
    `  ${model}: ${formatBytes(bytes)}${bytes > MODEL_BUDGET_BYTES ? "  (over the 20 MB budget)" : ""}`,
  );
}
console.log(`  total model bytes: ${formatBytes(total)} (${total} bytes)`);

console.log("\nRAG pipeline (Node)");
const serialized = String(
  await persist(await buildArticleIndex(readText(PATHS.article), readTrainingPairs()), "json"),
);
console.log(
  `  serialized index: ${formatBytes(Buffer.byteLength(serialized))} (${Buffer.byteLength(serialized)} bytes)`,
);
console.log(
  `  word vectors (the gzipped table and its word list, as shipped): ${formatBytes(statSync(PATHS.vectorData).size + statSync(PATHS.vectorWords).size)}`,
);
if (existsSync(PATHS.classifier)) {
  const classifier = readFileSync(PATHS.classifier);
  console.log(
    `  passage classifier: ${formatBytes(classifier.length)} (${formatBytes(gzipSync(classifier).length)} gzipped)`,
  );
}
const { pipeline: rag, readerMissing, readerLoadMs } = await loadRagPipeline();
for (const q of questions.slice(0, 20)) await rag.ask(q, { mode: "extractive" });
const retrieve: number[] = [];
// The first round sees most questions' words for the first time; later rounds ask the same questions again.
const firstRound: number[] = [];
const totalMs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of questions) {
    const { timings } = await rag.ask(q, { mode: "extractive" });
    retrieve.push(timings.retrieveMs);
    if (round === 0) firstRound.push(timings.retrieveMs);
    totalMs.push(timings.totalMs);
  }
}
console.log(
  `  ${retrieve.length} queries: retrieval p50 ${fmt(median(retrieve))}, p95 ${fmt(quantile(retrieve, 0.95))}`,
);
console.log(
  `  first round (${firstRound.length} questions, words mostly new): retrieval p50 ${fmt(median(firstRound))}, p95 ${fmt(quantile(firstRound, 0.95))}`,
);
console.log(`  extractive pipeline p50 ${fmt(median(totalMs))}, p95 ${fmt(quantile(totalMs, 0.95))}`);

await benchArticleOnly(questions);

if (readerMissing) {
  console.log(`\nReader model: not built (${readerMissing})`);
} else {
  const firstToken: number[] = [];
  const speed: number[] = [];
  for (const q of questions.slice(0, 30)) {
    const result = await rag.ask(q, { mode: "generative" });
    if (!result.generation) continue;
    firstToken.push(result.timings.firstTokenMs);
    speed.push(result.generation.tokensPerSecond);
  }
  console.log("\nReader model, generative RAG (Node, onnxruntime-node)");
  console.log(`  load ${fmt(readerLoadMs)}`);
  console.log(
    `  first token p50 ${fmt(median(firstToken))} (after retrieval); tokens/s p50 ${median(speed).toFixed(0)}`,
  );
}

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

// Live fine-tuning's training code runs bundled in Node (scripts/run-bundled.mjs says why), in its own process.
spawnSync(process.execPath, ["scripts/run-bundled.mjs", "scripts/bench-live-fine-tune.ts"], {
  stdio: "inherit",
});

await runBrowserBench();
