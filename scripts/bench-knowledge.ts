/**
 * The "article" knowledge setting's costs in Node (issue 23), for `npm run bench`: retrieval with the learned
 * encoder (a question's vector from ONNX Runtime, then the passages scored), the encoder's time per 1,000
 * characters of a user's document, and the bytes the setting adds to a first visit.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { toPassages } from "../lib/documents/to-passages";
import { median, quantile } from "../lib/evaluation/metrics";
import { formatBytes } from "../lib/format";
import { PATHS, ROOT, readText, readVectorTable } from "../lib/node/assets";
import { loadTextEncoder } from "../lib/node/encoder";
import { loadRagPipeline } from "../lib/node/rag";
import { encoderText } from "../lib/rag/store/encoder";
import { createWordVectors } from "../lib/rag/store/word-vectors";

const ROUNDS = 3;
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const gzipped = (path: string) => (existsSync(path) ? gzipSync(readFileSync(path)).length : 0);

export async function benchArticleOnly(questions: readonly string[]): Promise<void> {
  console.log('\nRAG pipeline, knowledge "article" (Node; the learned encoder on ONNX Runtime for Node)');
  const { pipeline } = await loadRagPipeline({ withReader: false, knowledge: "article" });
  for (const q of questions.slice(0, 20)) await pipeline.ask(q, { mode: "extractive" });
  const retrieve: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions)
      retrieve.push((await pipeline.ask(q, { mode: "extractive" })).timings.retrieveMs);
  }
  console.log(
    `  ${retrieve.length} queries: retrieval p50 ${fmt(median(retrieve))}, p95 ${fmt(quantile(retrieve, 0.95))}`,
  );

  // A user's document: the article's own text stands in for one (any prose of that length costs the same).
  const encoder = await loadTextEncoder(createWordVectors(await readVectorTable()));
  if (encoder) {
    const document = { id: "bench", title: "A user's document", text: readText(PATHS.article) };
    const passages = toPassages(document);
    const characters = passages.reduce((sum, p) => sum + encoderText(p).length, 0);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      await encoder.embed(passages.map(encoderText), "passage");
      times.push(performance.now() - start);
    }
    console.log(
      `  embedding a user's document: ${fmt((median(times) / characters) * 1000)} per 1,000 characters ` +
        `(${passages.length} passages, ${characters.toLocaleString("en")} characters, ${fmt(median(times))})`,
    );
  }

  // What a first visit in this setting downloads beyond the other's: the encoder, the article-only index
  // (instead of the expanded one and the classifier), and ONNX Runtime's WebAssembly, which the extractive
  // default never needed before (the reader's worker loads the same file only for generative answers).
  const encoderBytes = size(join(PATHS.encoder, "encoder.onnx")) + size(join(PATHS.encoder, "config.json"));
  const wasm = join(ROOT, "public", "wasm", "ort-wasm-simd-threaded.wasm");
  console.log(
    `  first visit: encoder ${formatBytes(encoderBytes)} (${formatBytes(gzipped(join(PATHS.encoder, "encoder.onnx")))} gzipped), ` +
      `article-only index ${formatBytes(size(PATHS.articleOnlyIndex))} (${formatBytes(gzipped(PATHS.articleOnlyIndex))} gzipped; ` +
      `the expanded index ${formatBytes(size(PATHS.index))} and classifier ${formatBytes(size(PATHS.classifier))} are not needed), ` +
      `ONNX Runtime WebAssembly ${formatBytes(size(wasm))} (${formatBytes(gzipped(wasm))} gzipped) unless the reader already loaded it`,
  );
}
