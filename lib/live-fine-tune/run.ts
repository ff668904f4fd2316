import { createError } from "../errors";
import { buildExamples, type QaPair } from "./examples";
import { createLiveModel, type LiveModel } from "./model";
import type { LiveSetting } from "./settings";
import type { ShippedModel } from "./shipped";
import { applySetting, type TrainOptions, type TrainResult, train } from "./train";

/**
 * One live fine-tune as the page and the CLI run it: fresh variables from the shipped weights, the setting
 * applied, the pairs as examples, then training. The caller owns the returned model (disposeLiveModel).
 */
export async function fineTune(
  shipped: ShippedModel,
  pairs: readonly QaPair[],
  setting: LiveSetting,
  options: TrainOptions = {},
): Promise<{ model: LiveModel; result: TrainResult }> {
  const built = buildExamples(pairs, shipped.codec, shipped.config.eosTokenId);
  if ("error" in built) throw createError("BAD_ARGUMENTS", { reason: built.error });
  const model = createLiveModel(shipped.config, shipped.weights);
  applySetting(model, setting);
  return { model, result: await train(model, built.examples, setting, options) };
}
