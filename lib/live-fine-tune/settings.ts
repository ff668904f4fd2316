/**
 * The live fine-tuning settings a visitor chooses between, fixed and shown in the page: full fine-tuning,
 * which moves every weight, and LoRA, which trains small adapters beside frozen weights.
 */
export const LIVE_SETTINGS = [
  {
    name: "full",
    label: "Full fine-tuning",
    method: "full",
    learningRate: 3e-4,
    stepBudget: 60,
    description: "Every one of the model's 4.3 million weights is updated, at a small learning rate.",
  },
  {
    name: "lora",
    label: "LoRA, rank 8",
    method: "lora",
    rank: 8,
    alpha: 16,
    learningRate: 1e-2,
    stepBudget: 60,
    description:
      "Small low-rank adapters beside every linear layer learn, at a large learning rate; the shipped weights stay frozen.",
  },
] as const;

export type LiveSetting = (typeof LIVE_SETTINGS)[number];
export type LiveSettingName = LiveSetting["name"];

export const DEFAULT_SETTING: LiveSettingName = "full";

export function findSetting(name: string): LiveSetting | undefined {
  return LIVE_SETTINGS.find((setting) => setting.name === name);
}

/** The setting in one line, as the page and the CLI show it. */
export function describeSetting(setting: LiveSetting): string {
  const method = setting.method === "lora" ? `LoRA rank ${setting.rank}` : "all weights";
  return `${method} · Adam, learning rate ${setting.learningRate} · at most ${setting.stepBudget} steps`;
}
