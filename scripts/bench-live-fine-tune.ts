/**
 * The Node half of live fine-tuning's benchmark, run by `npm run bench` through scripts/run-bundled.mjs (tfjs
 * needs bundling in Node): each setting trains the shipped model on the dev pairs until the answers come back
 * verbatim, a few times; prints medians.
 */
import { median } from "../lib/evaluation/metrics";
import { formatBytes } from "../lib/format";
import { parsePairLines } from "../lib/live-fine-tune/cli";
import { generateAnswer } from "../lib/live-fine-tune/generate";
import { disposeLiveModel } from "../lib/live-fine-tune/model";
import { loadShippedInNode } from "../lib/live-fine-tune/node";
import { fineTune } from "../lib/live-fine-tune/run";
import { describeSetting, LIVE_SETTINGS } from "../lib/live-fine-tune/settings";
import { readText } from "../lib/node/assets";

const RUNS = 3;
const PAIRS_FILE = "data/live/dev-pairs.jsonl";

async function main(): Promise<void> {
  const pairs = parsePairLines(readText(PAIRS_FILE), true);
  const start = performance.now();
  const shipped = await loadShippedInNode();
  console.log(
    `\nLive fine-tuning (Node, TensorFlow.js WebAssembly backend, one thread; ${PAIRS_FILE}: ${pairs.length} pairs, ${RUNS} runs per setting)`,
  );
  console.log(
    `  shipped int8 ONNX read and dequantized, runtime started: ${(performance.now() - start).toFixed(0)} ms`,
  );
  for (const setting of LIVE_SETTINGS) {
    const stepMs: number[] = [];
    const steps: number[] = [];
    const seconds: number[] = [];
    const verbatim: number[] = [];
    const answerMs: number[] = [];
    const memory: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { model, result } = await fineTune(shipped, pairs, setting);
      stepMs.push(median(result.stepMs));
      steps.push(result.steps);
      seconds.push(result.seconds);
      verbatim.push(result.reason === "verbatim" ? 1 : 0);
      memory.push(result.memoryBytes);
      const generated = await generateAnswer(model, shipped.codec, pairs[0]?.question ?? "");
      answerMs.push(generated.totalMs);
      disposeLiveModel(model);
    }
    console.log(`  ${setting.name} (${describeSetting(setting)}):`);
    console.log(
      `    ${median(stepMs).toFixed(0)} ms per step; verbatim after ${median(steps)} steps, ${median(seconds).toFixed(1)} s (${verbatim.reduce((a, b) => a + b, 0)} of ${RUNS} runs verbatim within the budget)`,
    );
    console.log(
      `    tensors held in a step: ${formatBytes(median(memory))}; a greedy answer from the updated weights (no key/value cache): ${median(answerMs).toFixed(0)} ms`,
    );
  }
}

main().catch((error: unknown) => {
  console.log(`  live fine-tuning bench failed: ${error instanceof Error ? error.message : String(error)}`);
});
