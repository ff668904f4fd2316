/**
 * The reader's speed in Node (onnxruntime-node, the CLI's library code): first token after retrieval and
 * tokens/s, medians over held-out questions answered in generative mode, with the word mask on (as shipped).
 * The browser's figures are in `npm run bench` (Chromium).
 *   npm run bench:reader [-- --questions N] [--models FOLDER (holding reader/; default public/models)]
 */
import { median, quantile } from "../lib/evaluation/metrics";
import { readJsonLines } from "../lib/node/assets";
import { loadRagPipeline } from "../lib/node/rag";
import { READER_WORD_MASK } from "../lib/rag/settings";

const at = process.argv.indexOf("--questions");
const count = at >= 0 ? Number(process.argv[at + 1]) : 40;
const questions = readJsonLines<{ question: string }>("data/qa/heldout-dev.jsonl")
  .map((q) => q.question)
  .slice(0, count);

const modelsAt = process.argv.indexOf("--models");
const root = modelsAt >= 0 ? process.argv[modelsAt + 1] : undefined;
const { pipeline, readerMissing, readerLoadMs } = await loadRagPipeline(root ? { root } : {});
if (readerMissing) throw new Error(`reader model not built: ${readerMissing}`);
// One unmeasured answer: the first pays for the word mask's vocabulary and the runtime's warm-up.
await pipeline.ask(questions[0] ?? "What is RAG?", { mode: "generative" });
const firstToken: number[] = [];
const speed: number[] = [];
const tokens: number[] = [];
for (const q of questions) {
  const result = await pipeline.ask(q, { mode: "generative" });
  if (!result.generation || result.generation.tokens < 2) continue;
  firstToken.push(result.timings.firstTokenMs);
  speed.push(result.generation.tokensPerSecond);
  tokens.push(result.generation.tokens);
}
const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(`Reader (Node, onnxruntime-node), word mask ${READER_WORD_MASK ? "on" : "off"}`);
console.log(`  load ${ms(readerLoadMs)}; ${speed.length} of ${questions.length} questions generated`);
console.log(
  `  first token after retrieval: p50 ${ms(median(firstToken))}, p95 ${ms(quantile(firstToken, 0.95))}`,
);
console.log(`  tokens/s: p50 ${median(speed).toFixed(0)}; tokens per answer p50 ${median(tokens)}`);
console.log(
  JSON.stringify({
    readerLoadMs: Math.round(readerLoadMs),
    firstTokenMsP50: Math.round(median(firstToken) * 10) / 10,
    tokensPerSecondP50: Math.round(median(speed)),
    answers: speed.length,
  }),
);
