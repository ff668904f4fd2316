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
  const split = (name: string) => {
    const figures = card.base_vs_fine_tuned?.[name];
    const f1 = (key: string) => {
      const value = figures?.[key];
      return typeof value === "object" ? value.f1 : undefined;
    };
    const n = figures?.n;
    return { n: typeof n === "number" ? n : "?", base: f1("base"), tuned: f1(card.name) ?? f1("fine-tuned") };
  };
  const test = split("heldout-test");
  const dev = split("heldout-dev");
  const hyper = card.fine_tuning?.hyperparameters ?? {};
  const dataset = card.fine_tuning?.dataset;
  const generated = dataset?.generated_rows_per_epoch;
  const pretraining = card.pretraining ?? card.started_from?.base_pretraining;
  const corpus = card.corpus ?? card.started_from?.corpus;
  // A model given the article's text alone learned no question format: the page says so rather than imply it.
  const textOnly = dataset?.rows === undefined && dataset?.lines !== undefined;
  return [
    {
      step: "Task Definition",
      article: "First, you decide what you want GPT to do.",
      facts: [
        textOnly
          ? `Continue the article's text; asked in the prompt format ${JSON.stringify(card.prompt_format?.template ?? "?")}, which it never saw in training.`
          : `Answer questions about the article, in the prompt format ${JSON.stringify(card.prompt_format?.template ?? "?")}.`,
      ],
    },
    {
      step: "Selection of Pre-trained Model",
      article: "You pick GPT as your starting point because it's already super knowledgeable.",
      facts: [
        `${card.architecture ?? "GPT-2"}, ${card.parameters?.toLocaleString("en") ?? "?"} parameters, pretrained by this repo.`,
        `Pretraining: ${pretraining?.tokens?.toLocaleString("en") ?? "?"} tokens in ${minutes(pretraining?.wall_time_s)} on ${pretraining?.hardware ?? "?"}; held-out perplexity ${pretraining?.final_heldout_perplexity?.toFixed(1) ?? "?"}.`,
        `Corpus: ${corpus?.tokens?.toLocaleString("en") ?? "?"} tokens of documentation prose${corpus?.sources ? ` from ${corpus.sources.map((s) => s.name).join(", ")}` : ""} (not the article).`,
      ],
    },
    {
      step: "Dataset Preparation",
      article: "You gather a bunch of movie reviews to train GPT on.",
      facts: [
        textOnly
          ? `The article's text alone: ${dataset?.lines} lines, ${dataset?.text_tokens?.toLocaleString("en") ?? "?"} tokens (${dataset?.file ?? "?"}); no question–answer pairs.`
          : `${dataset?.rows ?? "?"} question–answer pairs about ${dataset?.facts ?? "?"} facts of the article (${dataset?.file ?? "?"}).`,
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
        `Held-out test paraphrases (${test.n}): token-F1 ${num(test.base)} before fine-tuning, ${num(test.tuned)} after.`,
        `Held-out dev paraphrases (${dev.n}): token-F1 ${num(dev.base)} before, ${num(dev.tuned)} after.`,
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
