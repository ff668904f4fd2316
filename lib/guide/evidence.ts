import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatBytes, formatMs, formatPercent } from "../format";
import type { Evidence, EvidenceLine } from "./types";

/** The two knowledge settings a later evaluation will compare: the article alone, and with the written questions. */
export const KNOWLEDGE_SETTINGS = ["article", "article+questions"] as const;
export type KnowledgeSetting = (typeof KNOWLEDGE_SETTINGS)[number];

const KNOWLEDGE_NAMES: Record<KnowledgeSetting, string> = {
  article: "the article alone",
  "article+questions": "the article + written questions",
};

/** The part of one split of data/evaluation/report.json the guide reads; every figure may be missing. */
interface SplitFigures {
  retrieval?: { hybrid?: { recallAt3?: number } };
  rag?: {
    tokenF1?: number;
    answered?: number;
    offTopicDeclined?: number;
    faithfulness?: number;
    evidenceCited?: number;
  };
  fineTuned?: { tokenF1?: number; offTopicAnswered?: number } | null;
}

type Splits = { test?: SplitFigures; dev?: SplitFigures };

/**
 * What the guide reads from the report. `knowledge` is not written yet: when `npm run eval` measures both
 * knowledge settings it is to hold them with the same split shape as `splits`
 * (`knowledge["article+questions"].test.rag.tokenF1`).
 */
export interface ReportFigures {
  splits?: Splits;
  knowledge?: Partial<Record<KnowledgeSetting, Splits>>;
  latencyMs?: {
    rag?: { retrieve?: { p50?: number } };
    fineTuned?: { firstToken?: { p50?: number } } | null;
  };
  sizesBytes?: Record<string, number | null>;
}

/** The part of public/models/fine-tuned/model-card.json the guide reads. */
export interface CardFigures {
  parameters?: number;
  onnx_bytes?: number;
  pretraining?: { wall_time_s?: number; hardware?: string };
  fine_tuning?: { wall_time_s?: number; hardware?: string; dataset?: { rows?: number; facts?: number } };
  base_vs_fine_tuned?: Record<string, { base?: { f1?: number }; "fine-tuned"?: { f1?: number } }>;
}

export interface EvidenceInputs {
  report: ReportFigures | null;
  card: CardFigures | null;
  /** Lines of data/qa/train.jsonl: the written question–answer pairs both pipelines learn from. */
  trainingPairs: number | null;
}

const REPORT = "data/evaluation/report.json";
const CARD = "public/models/fine-tuned/model-card.json";
const QA = "data/qa/train.jsonl";
/** Where each figure comes from, short enough to stand beside it. */
export const SOURCES = {
  report: "report.json, npm run eval",
  card: "model card, npm run train",
  qa: QA,
  live: "timed live on the main page when you add a document; not in the report yet",
  scope: "this demo holds one article on one topic",
  design: "by design",
} as const;

const f1 = (value: number | undefined) => (value === undefined ? null : value.toFixed(2));
const percent = (value: number | undefined | null) =>
  value === undefined || value === null ? null : formatPercent(value);
const minutes = (seconds: number) => `${(seconds / 60).toFixed(1)} min`;
/** "one NVIDIA H200 GPU (train.sh --gpu)" -> "one NVIDIA H200 GPU": the command is not for this page. */
const hardware = (text: string | undefined) =>
  text === undefined ? "" : ` on ${text.replace(/\s*\(.*\)\s*$/, "")}`;
const both = <T>(a: T | undefined | null, b: T | undefined | null, join: (a: T, b: T) => string) =>
  a === undefined || a === null || b === undefined || b === null ? null : join(a, b);

function trainingTime(stage: { wall_time_s?: number; hardware?: string } | undefined): string | null {
  return stage?.wall_time_s === undefined ? null : `${minutes(stage.wall_time_s)}${hardware(stage.hardware)}`;
}

function dataEfficiency({ report, card, trainingPairs }: EvidenceInputs): EvidenceLine[] {
  const settings = KNOWLEDGE_SETTINGS.filter((setting) => report?.knowledge?.[setting]?.test);
  if (settings.length > 0) {
    // Figure by figure, each setting beside the other, so the first lines already compare them.
    const test = (setting: KnowledgeSetting) => report?.knowledge?.[setting]?.test;
    return [
      ...KNOWLEDGE_SETTINGS.map((setting) => ({
        label: `RAG with ${KNOWLEDGE_NAMES[setting]}: citations holding the evidence (held-out test)`,
        value: percent(test(setting)?.rag?.evidenceCited),
        source: SOURCES.report,
      })),
      ...KNOWLEDGE_SETTINGS.map((setting) => ({
        label: `RAG with ${KNOWLEDGE_NAMES[setting]}: token-F1 (held-out test)`,
        value: f1(test(setting)?.rag?.tokenF1),
        source: SOURCES.report,
      })),
      ...KNOWLEDGE_SETTINGS.map((setting) => ({
        label: `Fine-tuned on ${KNOWLEDGE_NAMES[setting]}: token-F1 (held-out test)`,
        value: f1(test(setting)?.fineTuned?.tokenF1 ?? undefined),
        source: SOURCES.report,
      })),
    ];
  }
  const pairs = card?.fine_tuning?.dataset?.rows ?? trainingPairs;
  return [
    { label: "The article alone vs the article + written questions", value: null, source: SOURCES.report },
    {
      label: "Today both pipelines learn from written question–answer pairs",
      value:
        pairs === null || pairs === undefined
          ? null
          : `${pairs.toLocaleString("en")}${card?.fine_tuning?.dataset?.facts ? ` about ${card.fine_tuning.dataset.facts} facts` : ""}`,
      source: SOURCES.qa,
    },
    {
      label: "RAG with the article + written questions: citations holding the evidence (held-out test)",
      value: percent(report?.splits?.test?.rag?.evidenceCited),
      source: SOURCES.report,
    },
  ];
}

/**
 * The figures behind each evidence topic, from the evaluation report, the fine-tuned model's card and the
 * training pairs. A missing figure is null (shown as "not measured yet"), never estimated.
 */
/** The figures every criterion's evidence reads, taken from the report and the model card once. */
function figures(inputs: EvidenceInputs) {
  const { report, card } = inputs;
  const test = report?.splits?.test;
  const sizes = report?.sizesBytes ?? {};
  const modelBytes = sizes.fineTunedModel ?? card?.onnx_bytes ?? null;
  const model = both(
    modelBytes,
    card?.parameters,
    (bytes, p) => `${formatBytes(bytes)} int8, ${(p / 1e6).toFixed(2)} M parameters`,
  );
  const index = both(
    sizes.serializedIndex,
    sizes.wordVectors,
    (i, v) => `index ${formatBytes(i)} + word vectors ${formatBytes(v)}`,
  );
  const heldout = card?.base_vs_fine_tuned?.["heldout-test"];
  return { inputs, report, card, test, model, index, heldout };
}

type Figures = ReturnType<typeof figures>;

/** Evidence for the criteria of the article's "When to choose RAG" list. */
function ragEvidence({ inputs, report, card, test, index }: Figures): Partial<Evidence> {
  return {
    "external-knowledge": [
      {
        label: "RAG: the evidence among its top 3 passages (held-out test questions)",
        value: percent(test?.retrieval?.hybrid?.recallAt3),
        source: SOURCES.report,
      },
      {
        label: "Questions the article does not answer: declined by RAG",
        value: percent(test?.rag?.offTopicDeclined),
        source: SOURCES.report,
      },
      {
        label: "Questions the article does not answer: answered anyway by the fine-tuned model",
        value: percent(test?.fineTuned?.offTopicAnswered),
        source: SOURCES.report,
      },
    ],
    adaptability: [
      { label: "RAG: time to index a new document", value: null, source: SOURCES.live },
      {
        label: "Fine-tuned: training to learn the article's Q&A pairs",
        value: trainingTime(card?.fine_tuning),
        source: SOURCES.card,
      },
    ],
    versatility: [
      { label: "Answers across many topics", value: null, source: SOURCES.scope },
      {
        label: "RAG: held-out questions on any part of the article answered",
        value: percent(test?.rag?.answered),
        source: SOURCES.report,
      },
    ],
    "data-efficiency": dataEfficiency(inputs),
    transparency: [
      {
        label: "RAG: answers whose citations hold the evidence (held-out test)",
        value: percent(test?.rag?.evidenceCited),
        source: SOURCES.report,
      },
      {
        label: "RAG: faithfulness, the share of an answer's words found in its citations",
        value: f1(test?.rag?.faithfulness),
        source: SOURCES.report,
      },
      {
        label: "Fine-tuned: answers with sources",
        value: "none: it has no citations",
        source: SOURCES.design,
      },
    ],
    resources: [
      { label: "RAG: what it keeps beside the article", value: index, source: SOURCES.report },
      {
        label: "RAG: retrieval time, median",
        value:
          report?.latencyMs?.rag?.retrieve?.p50 === undefined
            ? null
            : formatMs(report.latencyMs.rag.retrieve.p50),
        source: SOURCES.report,
      },
    ],
  };
}

/** Evidence for the criteria of the article's "When to choose fine-tuning" list. */
function fineTuningEvidence({ report, card, test, model, index, heldout }: Figures): Partial<Evidence> {
  return {
    "task-performance": [
      {
        label: "Token-F1 on held-out test questions: fine-tuned",
        value: f1(test?.fineTuned?.tokenF1),
        source: SOURCES.report,
      },
      {
        label: "Token-F1 on held-out test questions: RAG",
        value: f1(test?.rag?.tokenF1),
        source: SOURCES.report,
      },
      {
        label: "Token-F1 on held-out test questions: the base model before fine-tuning",
        value: f1(heldout?.base?.f1),
        source: SOURCES.card,
      },
    ],
    "training-data": [
      {
        label: "Fine-tuned on written question–answer pairs",
        value: both(
          card?.fine_tuning?.dataset?.rows,
          card?.fine_tuning?.dataset?.facts,
          (rows, facts) => `${rows.toLocaleString("en")} about ${facts} facts`,
        ),
        source: SOURCES.card,
      },
      {
        label: "Held-out token-F1, before → after fine-tuning",
        value: both(
          heldout?.base?.f1,
          heldout?.["fine-tuned"]?.f1,
          (before, after) => `${before.toFixed(2)} → ${after.toFixed(2)}`,
        ),
        source: SOURCES.card,
      },
    ],
    simplicity: [
      {
        label: "Fine-tuned: what it deploys",
        value: model === null ? null : `one model, ${model}`,
        source: SOURCES.card,
      },
      { label: "RAG: what it deploys beside the article", value: index, source: SOURCES.report },
      {
        label: "Fine-tuned: first token, median",
        value:
          report?.latencyMs?.fineTuned?.firstToken?.p50 === undefined
            ? null
            : formatMs(report.latencyMs.fineTuned.firstToken.p50),
        source: SOURCES.report,
      },
    ],
    "fine-tuning-overhead": [
      { label: "Pretraining the base model", value: trainingTime(card?.pretraining), source: SOURCES.card },
      {
        label: "Fine-tuning it on the article's Q&A pairs",
        value: trainingTime(card?.fine_tuning),
        source: SOURCES.card,
      },
      { label: "Fine-tuned model size", value: model, source: SOURCES.card },
    ],
    "pretrained-knowledge": [
      {
        label: "Base model (general pretraining only): token-F1 on the article's held-out questions",
        value: f1(heldout?.base?.f1),
        source: SOURCES.card,
      },
      {
        label: "Fine-tuned: questions the article does not answer, answered anyway",
        value: percent(test?.fineTuned?.offTopicAnswered),
        source: SOURCES.report,
      },
    ],
  };
}

/** What this demo measured for each criterion, as lines of label, value (or null: not measured) and source. */
export function describeEvidence(inputs: EvidenceInputs): Evidence {
  const measured = figures(inputs);
  return { ...ragEvidence(measured), ...fineTuningEvidence(measured) } as Evidence;
}

function readJson<T>(path: string): T | null {
  try {
    return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : null;
  } catch {
    // A corrupt file shows as "not measured yet" on the page rather than failing the build.
    return null;
  }
}

/** The measured evidence for the guide, read from the repository at build time (server side only). */
export function guideEvidence(root = process.cwd()): Evidence {
  const qa = join(root, QA);
  return describeEvidence({
    report: readJson<ReportFigures>(join(root, REPORT)),
    card: readJson<CardFigures>(join(root, CARD)),
    trainingPairs: existsSync(qa)
      ? readFileSync(qa, "utf8")
          .split("\n")
          .filter((l) => l.trim()).length
      : null,
  });
}
