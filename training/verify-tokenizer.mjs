// Tokenizer parity: the JS tokenizer (Transformers.js reading tokenizer.json) must give the same
// ids as the Python encoder (bpe.py) for every sample written by tokparity.py.
// Usage: node training/verify-tokenizer.mjs <model-dir> <tokenizer-parity.json>
import path from 'node:path';
import fs from 'node:fs';
import { env, AutoTokenizer } from '@huggingface/transformers';

const [modelDirArg, parityPath] = process.argv.slice(2);
if (!modelDirArg || !parityPath) {
  console.error('usage: node verify-tokenizer.mjs <model-dir> <tokenizer-parity.json>');
  process.exit(2);
}
const modelDir = path.resolve(modelDirArg);
env.allowRemoteModels = false;
env.localModelPath = path.dirname(modelDir) + path.sep;
const tokenizer = await AutoTokenizer.from_pretrained(path.basename(modelDir));
const samples = JSON.parse(fs.readFileSync(parityPath, 'utf8')).samples;
let bad = 0;
for (const s of samples) {
  const ids = tokenizer.encode(s.text);
  const dec = tokenizer.decode(s.ids, { skip_special_tokens: false });
  const ok = JSON.stringify(ids) === JSON.stringify(s.ids) && dec === s.text;
  if (!ok) {
    bad++;
    console.log(`FAIL ${JSON.stringify(s.text)}\n  js ${JSON.stringify(ids)}\n  py ${JSON.stringify(s.ids)}\n  decoded ${JSON.stringify(dec)}`);
  }
}
console.log(`tokenizer parity: ${samples.length - bad}/${samples.length} samples identical (encode ids and decode text)`);
process.exit(bad ? 1 : 0);
