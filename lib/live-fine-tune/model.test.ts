import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { type Example, makeBatch } from "./examples";
import { addLora } from "./lora";
import { answerLoss } from "./loss";
import {
  createLiveModel,
  disposeLiveModel,
  hiddenStates,
  type LiveModel,
  logitsAt,
  readWeights,
} from "./model";
import { findSetting, type LiveSetting } from "./settings";
import { randomWeights, startTestBackend, TINY_CONFIG } from "./test-model";
import { applySetting, train } from "./train";

beforeAll(startTestBackend);

const EXAMPLES: Example[] = [
  { prompt: [1, 2, 3], answer: [4, 5, 23] },
  { prompt: [6, 7], answer: [8, 9, 10, 23] },
  { prompt: [2, 11, 12, 13], answer: [14, 23] },
];

function lossOf(model: LiveModel, examples: readonly Example[]) {
  const batch = makeBatch(examples, TINY_CONFIG.eosTokenId);
  const ids = tf.tensor2d(batch.ids, [batch.size, batch.length], "int32");
  const rows = tf.tensor1d(batch.rows, "int32");
  const targets = tf.tensor1d(batch.targets, "int32");
  return () => answerLoss(logitsAt(model, hiddenStates(model, ids), rows), targets).loss;
}

const setting = (name: string, stepBudget?: number): LiveSetting => {
  const found = findSetting(name);
  if (!found) throw new Error(name);
  return stepBudget === undefined ? found : ({ ...found, stepBudget } as LiveSetting);
};

describe("the tfjs GPT-2", () => {
  it.each(["full", "lora"])(
    "learns a few examples on a tiny random model (%s): the loss falls",
    async (name) => {
      const model = createLiveModel(TINY_CONFIG, randomWeights());
      applySetting(model, setting(name));
      const result = await train(model, EXAMPLES, setting(name), { stepBudget: 30 });
      expect(result.loss[0]).toBeGreaterThan(2);
      expect(result.finalLoss).toBeLessThan((result.loss[0] ?? 0) * 0.7);
      expect(result.steps).toBeGreaterThan(0);
      disposeLiveModel(model);
    },
  );

  it("stops with the answers verbatim, and reports one loss per step", async () => {
    const model = createLiveModel(TINY_CONFIG, randomWeights());
    const steps: number[] = [];
    const result = await train(model, EXAMPLES, { ...setting("full"), learningRate: 1e-2 } as LiveSetting, {
      stepBudget: 100,
      onStep: (report) => steps.push(report.step),
    });
    expect(result.reason).toBe("verbatim");
    expect(result.verbatim).toBe(EXAMPLES.length);
    expect(steps).toEqual(result.loss.map((_, i) => i + 1));
    disposeLiveModel(model);
  });

  it("keeps the weights reached when asked to stop", async () => {
    const model = createLiveModel(TINY_CONFIG, randomWeights());
    const result = await train(model, EXAMPLES, setting("full"), { shouldStop: () => true });
    expect(result).toMatchObject({ reason: "stopped", steps: 0 });
    const stopped = await train(model, EXAMPLES, setting("full"), {
      stepBudget: 50,
      onStep: () => undefined,
      shouldStop: (() => {
        let asked = 0;
        return () => ++asked > 3;
      })(),
    });
    expect(stopped.steps).toBe(3);
    disposeLiveModel(model);
  });

  it("counts no time spent paused between steps as training time", async () => {
    const model = createLiveModel(TINY_CONFIG, randomWeights());
    const result = await train(model, EXAMPLES, setting("full"), {
      stepBudget: 3,
      pause: () => new Promise((resolve) => setTimeout(resolve, 200)),
    });
    const stepsMs = result.stepMs.reduce((sum, ms) => sum + ms, 0);
    expect(result.steps).toBe(3);
    expect(result.seconds * 1000).toBeLessThan(2 * stepsMs + 100);
    disposeLiveModel(model);
  });

  it("computes gradients that agree with finite differences", async () => {
    const model = createLiveModel(TINY_CONFIG, randomWeights());
    addLora(model, 2, 4);
    // Non-zero adapters, so that gradients reach A as well as B.
    for (const adapter of Object.values(model.lora?.adapters ?? {}))
      adapter.b.assign(tf.randomNormal(adapter.b.shape, 0, 0.2, "float32", 7));
    const loss = lossOf(model, EXAMPLES);
    const names = [
      "wte",
      "wpe",
      "h.0.attn.c_attn.weight",
      "h.1.mlp.c_fc.weight",
      "h.1.ln_2.weight",
      "ln_f.bias",
    ];
    const variables = names.map((name) => model.weights[name] as tf.Variable);
    const adapter = model.lora?.adapters["h.0.attn.c_proj.weight"];
    if (adapter) variables.push(adapter.a, adapter.b);
    const { grads } = tf.variableGrads(loss, variables);
    const eps = 1e-2;
    for (const variable of variables) {
      const gradient = (await grads[variable.name]?.data()) ?? new Float32Array();
      // The two entries with the largest gradients: small ones drown in float32 rounding.
      const picked = [...gradient.keys()]
        .sort((a, b) => Math.abs(gradient[b] ?? 0) - Math.abs(gradient[a] ?? 0))
        .slice(0, 2);
      for (const index of picked) {
        const original = (await variable.data()) as Float32Array;
        const at = async (delta: number) => {
          const moved = Float32Array.from(original);
          moved[index] = (moved[index] ?? 0) + delta;
          variable.assign(tf.tensor(moved, variable.shape));
          return tf.tidy(() => loss().dataSync()[0] ?? 0);
        };
        const numeric = ((await at(eps)) - (await at(-eps))) / (2 * eps);
        variable.assign(tf.tensor(original, variable.shape));
        const analytic = gradient[index] ?? 0;
        expect(Math.abs(numeric - analytic), `${variable.name}[${index}]`).toBeLessThan(
          1e-3 + 0.03 * Math.abs(analytic),
        );
      }
    }
    disposeLiveModel(model);
  });

  it("LoRA starts as the model it adapts, and its merged weights compute what its adapters do", async () => {
    const model = createLiveModel(TINY_CONFIG, randomWeights());
    const before = await tf.tidy(lossOf(model, EXAMPLES)).data();
    addLora(model, 4, 8);
    expect(await tf.tidy(lossOf(model, EXAMPLES)).data()).toEqual(before);
    await train(model, EXAMPLES, setting("lora"), { stepBudget: 3 });
    const adapted = (await tf.tidy(lossOf(model, EXAMPLES)).data())[0] ?? 0;
    const merged = createLiveModel(TINY_CONFIG, await readWeights(model));
    expect((await tf.tidy(lossOf(merged, EXAMPLES)).data())[0]).toBeCloseTo(adapted, 4);
    disposeLiveModel(model);
    disposeLiveModel(merged);
  });
});
