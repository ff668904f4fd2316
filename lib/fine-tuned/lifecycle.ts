import { formatBytes, formatMinutes, formatScore } from "../format";
import type { ModelCard } from "../models/model-card";

export interface LifecycleStep {
  step: string;
  /** The article's wording of the step. */
  article: string;
  /** What this repository did, from the model card. */
  facts: string[];
}

const minutes = (seconds?: number) => (seconds === undefined ? "?" : formatMinutes(seconds));
const num = (value?: number) => (value === undefined ? "?" : formatScore(value));

/** The article's six fine-tuning steps, each filled from the shipped model card's data. */
export function lifecycleSteps(card: ModelCard): LifecycleStep[] {
  const test = card.base_vs_fine_tuned?.["heldout-test"];
  const dev = card.base_vs_fine_tuned?.["heldout-dev"];
  const hyper = card.fine_tuning?.hyperparameters ?? {};
  const generated = card.fine_tuning?.dataset?.generated_rows_per_epoch;
  return [
    {
      step: "Task Definition",
      article: "First, you decide what you want GPT to do.",
      facts: [
        `Answer questions about the article, in the prompt format ${JSON.stringify(card.prompt_format?.template ?? "?")}.`,
      ],
    },
    {
      step: "Selection of Pre-trained Model",
      article: "You pick GPT as your starting point because it's already super knowledgeable.",
      facts: [
        `${card.architecture ?? "GPT-2"}, ${card.parameters?.toLocaleString("en") ?? "?"} parameters, pretrained by this repo.`,
        `Pretraining: ${card.pretraining?.tokens?.toLocaleString("en") ?? "?"} tokens in ${minutes(card.pretraining?.wall_time_s)} on ${card.pretraining?.hardware ?? "?"}; held-out perplexity ${card.pretraining?.final_heldout_perplexity?.toFixed(1) ?? "?"}.`,
        `Corpus: ${card.corpus?.tokens?.toLocaleString("en") ?? "?"} tokens of documentation prose from ${card.corpus?.sources?.map((s) => s.name).join(", ") ?? "?"} (not the article).`,
      ],
    },
    {
      step: "Dataset Preparation",
      article: "You gather a bunch of movie reviews to train GPT on.",
      facts: [
        `${card.fine_tuning?.dataset?.rows ?? "?"} question–answer pairs about ${card.fine_tuning?.dataset?.facts ?? "?"} facts of the article (${card.fine_tuning?.dataset?.file ?? "?"}).`,
        ...(generated === undefined
          ? []
          : [
              `Plus ${generated.toLocaleString("en")} generated rewordings of those questions per epoch${hyper.augmentation?.fresh_each_epoch ? ", drawn afresh each epoch" : ""} (${hyper.augmentation?.code ?? "?"}).`,
            ]),
      ],
    },
    {
      step: "Fine-tuning Procedure",
      article: "This is where the training happens!",
      facts: [
        `${card.fine_tuning?.epochs ?? "?"} epochs in ${minutes(card.fine_tuning?.wall_time_s)} on ${card.fine_tuning?.hardware ?? "?"}.`,
        `Settings: ${Object.entries(hyper)
          .filter((entry): entry is [string, string | number | boolean] =>
            ["string", "number", "boolean"].includes(typeof entry[1]),
          )
          .map(([key, value]) => `${key} ${value}`)
          .join(", ")}.`,
      ],
    },
    {
      step: "Evaluation",
      article: "You give it some new movie reviews it hasn't seen before.",
      facts: [
        `Held-out test paraphrases (${test?.n ?? "?"}): token-F1 ${num(test?.base?.f1)} before fine-tuning, ${num(test?.["fine-tuned"]?.f1)} after.`,
        `Held-out dev paraphrases (${dev?.n ?? "?"}): token-F1 ${num(dev?.base?.f1)} before, ${num(dev?.["fine-tuned"]?.f1)} after.`,
      ],
    },
    {
      step: "Deployment",
      article: "Once GPT has learned from its homework, you can put it to work!",
      facts: [
        `${card.onnx?.file ?? "?"} (${card.onnx?.dtype ?? "?"}, ${card.onnx_bytes === undefined ? "?" : formatBytes(card.onnx_bytes)}), run by ${card.onnx?.runtime ?? "?"} in a Web Worker in your browser.`,
      ],
    },
  ];
}
