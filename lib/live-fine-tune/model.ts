import * as tf from "@tensorflow/tfjs-core";
import type { GptConfig, GptWeights } from "./onnx-weights";
import { gatherRows, matMul } from "./ops";

/** GPT-2 rebuilt from tfjs ops: the weights as variables, and LoRA adapters when a setting adds them. */
/** Low-rank adapters: W + scale · A B for each adapted weight, with W frozen and only A and B trained. */
export interface LoraAdapters {
  rank: number;
  scale: number;
  adapters: Record<string, { a: tf.Variable; b: tf.Variable }>;
}

export interface LiveModel {
  config: GptConfig;
  weights: Record<string, tf.Variable>;
  lora: LoraAdapters | null;
}

const LN_EPSILON = 1e-5;
// What training/model.py adds to a masked attention score.
const MASKED = -1e4;

/** Variables for every weight; `trainable` false freezes them all (LoRA trains its adapters instead). */
export function createLiveModel(config: GptConfig, weights: GptWeights, trainable = true): LiveModel {
  const variables: Record<string, tf.Variable> = {};
  for (const [name, tensor] of Object.entries(weights)) {
    variables[name] = tf.variable(tf.tensor(tensor.data, tensor.shape), trainable);
  }
  return { config, weights: variables, lora: null };
}

export function disposeLiveModel(model: LiveModel): void {
  for (const variable of Object.values(model.weights)) variable.dispose();
  for (const adapter of Object.values(model.lora?.adapters ?? {})) {
    adapter.a.dispose();
    adapter.b.dispose();
  }
}

/** The model's weights back as plain data (adapters merged), to hand to another thread or compare. */
export async function readWeights(model: LiveModel): Promise<GptWeights> {
  const out: GptWeights = {};
  for (const [name, variable] of Object.entries(model.weights)) {
    const adapter = model.lora?.adapters[name];
    const merged = adapter
      ? tf.tidy(() => tf.add(variable, tf.mul(matMul(adapter.a, adapter.b), model.lora?.scale ?? 1)))
      : variable;
    out[name] = { shape: [...variable.shape], data: (await merged.data()) as Float32Array };
    if (merged !== variable) merged.dispose();
  }
  return out;
}

function weight(model: LiveModel, name: string): tf.Variable {
  const variable = model.weights[name];
  if (!variable) throw new Error(`The live model has no weight ${name}.`);
  return variable;
}

/** x @ W + b for a GPT-2 linear layer (W stored as (in, out)), plus its LoRA update when it has one. */
function linear(model: LiveModel, name: string, x: tf.Tensor2D): tf.Tensor2D {
  const out = tf.add(matMul(x, weight(model, `${name}.weight`)), weight(model, `${name}.bias`));
  const adapter = model.lora?.adapters[`${name}.weight`];
  if (!adapter) return out as tf.Tensor2D;
  const update = tf.mul(matMul(matMul(x, adapter.a), adapter.b), model.lora?.scale ?? 1);
  return tf.add(out, update) as tf.Tensor2D;
}

function layerNorm(model: LiveModel, name: string, x: tf.Tensor2D): tf.Tensor2D {
  const mean = tf.mean(x, -1, true);
  const centred = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centred), -1, true);
  const normed = tf.mul(centred, tf.rsqrt(tf.add(variance, LN_EPSILON)));
  return tf.add(
    tf.mul(normed, weight(model, `${name}.weight`)),
    weight(model, `${name}.bias`),
  ) as tf.Tensor2D;
}

/** GPT-2's tanh approximation of GELU ("gelu_new"), as training/model.py computes it. */
function geluNew(x: tf.Tensor): tf.Tensor {
  const cube = tf.mul(tf.mul(x, x), x);
  const inner = tf.mul(tf.add(x, tf.mul(cube, 0.044715)), Math.sqrt(2 / Math.PI));
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

function causalMask(length: number): tf.Tensor2D {
  const values = new Float32Array(length * length);
  for (let q = 0; q < length; q++) for (let k = q + 1; k < length; k++) values[q * length + k] = MASKED;
  return tf.tensor2d(values, [length, length]);
}

/**
 * The final hidden state of every position, (batch x length, n_embd). Sequences in a batch start at position
 * 0 and attend causally, so padding after a sequence's end never changes what its own positions compute.
 */
export function hiddenStates(model: LiveModel, ids: tf.Tensor2D): tf.Tensor2D {
  const { nEmbd: C, nHead: H } = model.config;
  const [B = 1, T = 1] = ids.shape;
  const D = C / H;
  const tokens = gatherRows(weight(model, "wte") as tf.Tensor2D, tf.reshape(ids, [B * T]) as tf.Tensor1D);
  const positions = tf.slice(weight(model, "wpe"), [0, 0], [T, C]);
  let x = tf.reshape(tf.add(tf.reshape(tokens, [B, T, C]), positions), [B * T, C]) as tf.Tensor2D;
  const mask = causalMask(T);
  const heads = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [B, T, H, D]), [0, 2, 1, 3]);
  for (let i = 0; i < model.config.nLayer; i++) {
    const p = `h.${i}`;
    const qkv = linear(model, `${p}.attn.c_attn`, layerNorm(model, `${p}.ln_1`, x));
    const [q, k, v] = tf.split(qkv, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const keysT = tf.transpose(heads(k), [0, 1, 3, 2]);
    const scores = tf.add(tf.mul(matMul(heads(q), keysT), 1 / Math.sqrt(D)), mask);
    const attended = matMul(tf.softmax(scores), heads(v));
    const merged = tf.reshape(tf.transpose(attended, [0, 2, 1, 3]), [B * T, C]) as tf.Tensor2D;
    x = tf.add(x, linear(model, `${p}.attn.c_proj`, merged)) as tf.Tensor2D;
    const hidden = geluNew(linear(model, `${p}.mlp.c_fc`, layerNorm(model, `${p}.ln_2`, x))) as tf.Tensor2D;
    x = tf.add(x, linear(model, `${p}.mlp.c_proj`, hidden)) as tf.Tensor2D;
  }
  return layerNorm(model, "ln_f", x);
}

/**
 * Next-token logits at the given rows of `hidden` (flat positions): the tied head, computed only where a
 * prediction is wanted, since it is a quarter of the model's arithmetic per position.
 */
export function logitsAt(model: LiveModel, hidden: tf.Tensor2D, rows: tf.Tensor1D): tf.Tensor2D {
  const picked = gatherRows(hidden, rows);
  return matMul(picked, tf.transpose(weight(model, "wte"))) as tf.Tensor2D;
}
