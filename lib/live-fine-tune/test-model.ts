/** A tiny random GPT-2 for unit tests: the real code paths, in milliseconds. */
import { join } from "node:path";
import { startBackend } from "./backend";
import { type GptConfig, type GptWeights, weightNames } from "./onnx-weights";

export const TINY_CONFIG: GptConfig = {
  vocabSize: 24,
  nPositions: 16,
  nEmbd: 16,
  nLayer: 2,
  nHead: 2,
  eosTokenId: 23,
};

/** Seeded normal numbers (mulberry32 + Box-Muller), so every run tests the same model. */
function normals(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

function shapeOf(name: string, c: GptConfig): number[] {
  if (name === "wte") return [c.vocabSize, c.nEmbd];
  if (name === "wpe") return [c.nPositions, c.nEmbd];
  if (name.includes("ln_")) return [c.nEmbd];
  const linear: Record<string, [number, number]> = {
    "attn.c_attn": [c.nEmbd, 3 * c.nEmbd],
    "attn.c_proj": [c.nEmbd, c.nEmbd],
    "mlp.c_fc": [c.nEmbd, 4 * c.nEmbd],
    "mlp.c_proj": [4 * c.nEmbd, c.nEmbd],
  };
  const part = Object.keys(linear).find((key) => name.includes(key)) ?? "";
  const [inputs = 0, outputs = 0] = linear[part] ?? [];
  return name.endsWith(".bias") ? [outputs] : [inputs, outputs];
}

/** Random weights with GPT-2's shapes: LayerNorm gains near 1, everything else around 0 with `std`. */
export function randomWeights(config: GptConfig = TINY_CONFIG, std = 0.2, seed = 1): GptWeights {
  const next = normals(seed);
  const weights: GptWeights = {};
  for (const name of weightNames(config)) {
    const shape = shapeOf(name, config);
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    const gain = /ln_.*\.weight$/.test(name);
    for (let i = 0; i < data.length; i++) data[i] = (gain ? 1 : 0) + std * next();
    weights[name] = { shape, data };
  }
  return weights;
}

export const startTestBackend = () =>
  startBackend(join(process.cwd(), "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist/"));
