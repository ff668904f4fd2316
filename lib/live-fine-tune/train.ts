import * as tf from "@tensorflow/tfjs-core";
import { type Example, makeBatch } from "./examples";
import { addLora, trainableVariables } from "./lora";
import { answerLoss, examplesRight } from "./loss";
import { hiddenStates, type LiveModel, logitsAt } from "./model";
import type { LiveSetting } from "./settings";

/** What one step did, as the page draws it. */
export interface StepReport {
  step: number;
  /** The loss on the answer tokens, measured in this step's forward pass (before its update). */
  loss: number;
  examples: number;
  /** Examples the model answered verbatim before this step's update. */
  verbatim: number;
  tokens: number;
  tokensPerSecond: number;
  stepMs: number;
  elapsedMs: number;
}

export type StopReason = "verbatim" | "budget" | "stopped";

export interface TrainResult {
  steps: number;
  seconds: number;
  /** The loss of each step, in order. */
  loss: number[];
  /** The loss and the examples answered verbatim with the weights training ended with. */
  finalLoss: number;
  verbatim: number;
  reason: StopReason;
  stepMs: number[];
  /** The most bytes tfjs tensors held in a step: weights, optimizer state and gradients. */
  memoryBytes: number;
}

export interface TrainOptions {
  onStep?: (report: StepReport) => void;
  /** Asked after each forward pass: true ends training with the weights reached so far. */
  shouldStop?: () => boolean;
  /**
   * Lets other work run between steps (a worker's messages: Stop, above all); time spent in it is not
   * training time, so it counts in neither the elapsed time nor the seconds.
   */
  pause?: () => Promise<void>;
  /** A step budget other than the setting's. */
  stepBudget?: number;
}

/** Prepares a freshly loaded model for a setting: LoRA adds its adapters, full fine-tuning needs nothing. */
export function applySetting(model: LiveModel, setting: LiveSetting): void {
  if (setting.method === "lora") addLora(model, setting.rank, setting.alpha);
}

/**
 * Trains on every example in every step (Adam, loss on the answer tokens) until the model answers them all
 * verbatim, the step budget ends or `shouldStop` says so. Each forward pass doubles as the check: when every
 * answer token is already the most likely one, the step's update is not applied and training ends with the
 * weights that passed. So the reported steps are updates made, and the answers come back verbatim exactly
 * when the reason is "verbatim".
 */
export async function train(
  model: LiveModel,
  examples: readonly Example[],
  setting: LiveSetting,
  options: TrainOptions = {},
): Promise<TrainResult> {
  const budget = options.stepBudget ?? setting.stepBudget;
  const batch = makeBatch(examples, model.config.eosTokenId);
  const ids = tf.tensor2d(batch.ids, [batch.size, batch.length], "int32");
  const rows = tf.tensor1d(batch.rows, "int32");
  const targets = tf.tensor1d(batch.targets, "int32");
  const variables = trainableVariables(model);
  const optimizer = tf.train.adam(setting.learningRate);
  const loss: number[] = [];
  const stepMs: number[] = [];
  const start = performance.now();
  let pausedMs = 0;
  let reason: StopReason = "budget";
  let finalLoss = Number.NaN;
  let verbatim = 0;
  let memoryBytes = 0;
  try {
    for (;;) {
      const stepStart = performance.now();
      const kept: { correct?: tf.Tensor1D } = {};
      const { value, grads } = tf.variableGrads(() => {
        const logits = logitsAt(model, hiddenStates(model, ids), rows);
        const out = answerLoss(logits, targets);
        kept.correct = tf.keep(out.correct);
        return out.loss;
      }, variables);
      memoryBytes = Math.max(memoryBytes, tf.memory().numBytes);
      const lossValue = (await value.data())[0] ?? Number.NaN;
      const right = examplesRight((await kept.correct?.data()) ?? [], batch.owner, batch.size);
      tf.dispose([value, kept.correct as tf.Tensor1D]);
      finalLoss = lossValue;
      verbatim = right;
      const done: StopReason | null =
        right === batch.size
          ? "verbatim"
          : loss.length >= budget
            ? "budget"
            : options.shouldStop?.()
              ? "stopped"
              : null;
      if (done) {
        tf.dispose(grads);
        reason = done;
        break;
      }
      // The WebAssembly backend runs each op as it is called: the update is done when this returns.
      optimizer.applyGradients(grads as Parameters<typeof optimizer.applyGradients>[0]);
      tf.dispose(grads);
      const ms = performance.now() - stepStart;
      loss.push(lossValue);
      stepMs.push(ms);
      options.onStep?.({
        step: loss.length,
        loss: lossValue,
        examples: batch.size,
        verbatim: right,
        tokens: batch.tokens,
        tokensPerSecond: (batch.tokens / ms) * 1000,
        stepMs: ms,
        elapsedMs: performance.now() - start - pausedMs,
      });
      const pauseStart = performance.now();
      await options.pause?.();
      pausedMs += performance.now() - pauseStart;
    }
  } finally {
    optimizer.dispose();
    tf.dispose([ids, rows, targets]);
  }
  return {
    steps: loss.length,
    seconds: (performance.now() - start - pausedMs) / 1000,
    loss,
    finalLoss,
    verbatim,
    reason,
    stepMs,
    memoryBytes,
  };
}
