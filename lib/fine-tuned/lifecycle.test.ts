import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ModelCard } from "../models/model-card";
import { lifecycleSteps } from "./lifecycle";

const shipped = JSON.parse(readFileSync("public/models/fine-tuned/model-card.json", "utf8")) as ModelCard;

describe("lifecycleSteps", () => {
  it("fills the article's six steps from the shipped card, with no unprinted objects", () => {
    const steps = lifecycleSteps(shipped);
    expect(steps.map((s) => s.step)).toEqual([
      "Task Definition",
      "Selection of Pre-trained Model",
      "Dataset Preparation",
      "Fine-tuning Procedure",
      "Evaluation",
      "Deployment",
    ]);
    const text = steps.flatMap((s) => s.facts).join("\n");
    expect(text).not.toContain("[object Object]");
    expect(text).toContain(`${shipped.parameters?.toLocaleString("en")} parameters`);
  });

  it("fills the article-only model's steps from its card: its base's pretraining, the text it was given, its F1", () => {
    const card = JSON.parse(
      readFileSync("public/models/fine-tuned-article/model-card.json", "utf8"),
    ) as ModelCard;
    const text = lifecycleSteps(card)
      .flatMap((s) => s.facts)
      .join("\n");
    expect(text).not.toContain("?");
    expect(text).toContain("no question–answer pairs");
    expect(text).toContain("never saw in training");
    const tuned = card.base_vs_fine_tuned?.["heldout-test"]?.[card.name];
    expect(text).toContain(`${typeof tuned === "object" ? tuned.f1?.toFixed(3) : "missing"} after`);
  });

  it("names the generated rewordings when the card has them, and only then", () => {
    const card: ModelCard = {
      name: "x",
      fine_tuning: {
        dataset: { rows: 10, facts: 2, generated_rows_per_epoch: 1234 },
        hyperparameters: { lr: 0.001, augmentation: { code: "training/augment.py", fresh_each_epoch: true } },
      },
    };
    const dataset = lifecycleSteps(card)[2]?.facts.join(" ") ?? "";
    expect(dataset).toContain("1,234 generated rewordings");
    expect(dataset).toContain("training/augment.py");
    const settings = lifecycleSteps(card)[3]?.facts.join(" ") ?? "";
    expect(settings).toContain("lr 0.001");
    expect(settings).not.toContain("augmentation");
    const plain: ModelCard = { name: "y", fine_tuning: { dataset: { rows: 10, facts: 2 } } };
    expect(lifecycleSteps(plain)[2]?.facts).toHaveLength(1);
  });
});
