// Load an exported model folder with Transformers.js (local files only, dtype q8 ->
// onnx/model_quantized.onnx), greedy-generate for the prompts in a reference JSON written by
// export.py (PyTorch, same int8-dequantized weights) and compare token ids exactly.
// Usage: node training/verify-onnx.mjs <model-dir> <reference.json> [--report out.json]
// Exits non-zero on any mismatch or load failure.
import path from 'node:path';
import fs from 'node:fs';
import { env, AutoTokenizer, AutoModelForCausalLM, Tensor } from '@huggingface/transformers';

const [modelDirArg, refPath] = process.argv.slice(2);
const reportIdx = process.argv.indexOf('--report');
const reportPath = reportIdx > 0 ? process.argv[reportIdx + 1] : null;
if (!modelDirArg || !refPath) {
  console.error('usage: node verify-onnx.mjs <model-dir> <reference.json> [--report out.json]');
  process.exit(2);
}
const modelDir = path.resolve(modelDirArg);
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = path.dirname(modelDir) + path.sep;
const name = path.basename(modelDir);
const ref = JSON.parse(fs.readFileSync(refPath, 'utf8'));

const t0 = performance.now();
const tokenizer = await AutoTokenizer.from_pretrained(name);
// The app's session options (lib/models/decoding.ts SESSION_OPTIONS): with ONNX Runtime's QDQ handling
// off, the int8 weights become exactly the float values PyTorch used. With it on, the runtime may fuse them into
// quantized matrix products that round the activations too, which is not what the app runs.
const model = await AutoModelForCausalLM.from_pretrained(name, {
  dtype: 'q8',
  device: 'cpu',
  session_options: { extra: { session: { disable_quant_qdq: '1' } } },
});
const loadMs = performance.now() - t0;
const eos = ref.eos_token_id;
let failures = 0;
let exact = 0;
let ties = 0;
// A divergence is tolerated only where PyTorch's two best logits were closer than this (a float
// rounding near-tie between two runtimes summing in different orders); anything else fails.
// The smoke run's barely trained model has almost flat logits, so train.sh widens this there (VERIFY_TIE).
const TIE = Number(process.env.VERIFY_TIE ?? 2e-3);
let genTokens = 0;
let genMs = 0;
const cases = [];
for (const c of ref.cases) {
  const jsIds = tokenizer.encode(c.prompt);
  const tokOk = JSON.stringify(jsIds) === JSON.stringify(c.prompt_ids);
  const ids = c.prompt_ids;
  const input_ids = new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]);
  const attention_mask = new Tensor('int64', BigInt64Array.from(ids.map(() => 1n)), [1, ids.length]);
  const g0 = performance.now();
  const out = await model.generate({ input_ids, attention_mask, max_new_tokens: ref.max_new_tokens, do_sample: false });
  genMs += performance.now() - g0;
  let newIds = Array.from(out.tolist()[0]).slice(ids.length).map(Number);
  genTokens += newIds.length;
  const cut = newIds.indexOf(eos);
  if (cut >= 0) newIds = newIds.slice(0, cut);
  const same = JSON.stringify(newIds) === JSON.stringify(c.new_ids);
  // first position where the two runtimes chose differently, and PyTorch's top-1/top-2 logit gap there
  let div = -1;
  if (!same) { div = 0; while (div < newIds.length && div < c.new_ids.length && newIds[div] === c.new_ids[div]) div++; }
  const margin = div >= 0 && c.top2_margins && div < c.top2_margins.length ? c.top2_margins[div] : null;
  const nearTie = !same && margin !== null && margin < TIE;
  const text = newIds.length ? tokenizer.decode(newIds, { skip_special_tokens: true }) : '';
  if ((!same && !nearTie) || !tokOk) failures++;
  if (same) exact++;
  if (nearTie) ties++;
  cases.push({ prompt: c.prompt, tokenizer_match: tokOk, ids_match: same, near_tie: nearTie, diverges_at: div, margin, js_text: text, py_text: c.text,
    js_ids: newIds, py_ids: c.new_ids });
  console.log(`${same && tokOk ? 'OK  ' : nearTie && tokOk ? 'TIE ' : 'FAIL'} ${JSON.stringify(c.prompt)} -> ${JSON.stringify(text)}`);
  if (!same) console.log(`     diverges at new token ${div}, PyTorch top-2 margin ${margin}\n     js ${JSON.stringify(newIds)}\n     py ${JSON.stringify(c.new_ids)}`);
  if (!tokOk) console.log(`     tokenizer js ${JSON.stringify(jsIds)} py ${JSON.stringify(c.prompt_ids)}`);
}
const summary = { model: modelDir, dtype: 'q8', file: 'onnx/model_quantized.onnx', cases: ref.cases.length,
  identical: exact, near_tie_divergences: ties, tie_margin: TIE, failures, load_ms: Math.round(loadMs), generated_tokens: genTokens,
  tokens_per_s: Math.round(genTokens / (genMs / 1000)), results: cases };
if (reportPath) fs.writeFileSync(reportPath, JSON.stringify(summary, null, 2));
console.log(`${name}: ${exact}/${ref.cases.length} identical to PyTorch greedy output, ${ties} near-tie divergences, ` +
  `${failures} failures; ` +
  `load ${summary.load_ms} ms, ${summary.tokens_per_s} tokens/s`);
process.exit(failures ? 1 : 0);
