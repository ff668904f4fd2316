import * as tf from "@tensorflow/tfjs-core";
import type { LiveModel, LoraAdapters } from "./model";

/** Which of a block's linear layers a LoRA setting adapts. */
export const LORA_TARGETS = ["attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj"] as const;

/**
 * Adds adapters to every block's linear layers. A starts small and random, B at zero, so the model computes
 * exactly what it did before the first step (the usual LoRA start); `alpha / rank` scales the update.
 */
export function addLora(model: LiveModel, rank: number, alpha: number, seed = 0): void {
  const adapters: LoraAdapters["adapters"] = {};
  for (let i = 0; i < model.config.nLayer; i++) {
    for (const target of LORA_TARGETS) {
      const name = `h.${i}.${target}.weight`;
      const [inputs = 0, outputs = 0] = model.weights[name]?.shape ?? [];
      const bound = 1 / Math.sqrt(inputs);
      adapters[name] = {
        a: tf.variable(
          tf.randomUniform([inputs, rank], -bound, bound, "float32", seed + Object.keys(adapters).length),
        ),
        b: tf.variable(tf.zeros([rank, outputs])),
      };
    }
  }
  model.lora = { rank, scale: alpha / rank, adapters };
}

/** The variables a step updates: the adapters under LoRA, every weight otherwise. */
export function trainableVariables(model: LiveModel): tf.Variable[] {
  if (!model.lora) return Object.values(model.weights);
  return Object.values(model.lora.adapters).flatMap(({ a, b }) => [a, b]);
}
