import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ASSET_MANIFEST_PATH, type AssetManifest } from "../assets/manifest";
import type { EvidenceInputs, SettingFacts } from "../comparison/live-evidence";
import type { ModelCard as ModelCardData } from "../models/model-card";
import { KNOWLEDGE_ASSETS, KNOWLEDGE_SETTINGS, type Knowledge } from "../rag/knowledge";
import { PATHS, readJsonLines } from "./assets";

const REPORT = join("data", "evaluation", "report.json");

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : null;
}

const size = (path: string) => (existsSync(path) ? statSync(path).size : null);

/** A card's hardware in a few words: "one NVIDIA H200 GPU (train.sh --gpu)" -> "one H200 GPU". */
export function shortHardware(hardware: string | undefined): string | null {
  if (hardware === undefined) return null;
  if (!/GPU/.test(hardware)) return "2 CPU cores";
  return hardware
    .replace(/\s*\(.*\)\s*$/, "")
    .replace(/\bNVIDIA\s+/, "")
    .trim();
}

interface TestFigures {
  rag?: { tokenF1?: number };
  ragGenerative?: { tokenF1?: number } | null;
  fineTuned?: { tokenF1?: number } | null;
  retrieval?: { hybrid?: { recallAt3?: number } };
}

export interface Report {
  splits?: { test?: TestFigures };
  knowledgeSettings?: Partial<Record<Knowledge, { splits?: { test?: TestFigures } }>>;
}

/** The bytes of ONNX Runtime's WebAssembly files, as the build's asset manifest lists them. */
function runtimeBytes(): number | null {
  const manifest = readJson<AssetManifest>(join("public", ASSET_MANIFEST_PATH));
  if (!manifest) return null;
  const runtime = Object.entries(manifest.files).filter(([path]) => path.startsWith("/wasm/"));
  return runtime.length > 0 ? runtime.reduce((total, [, entry]) => total + entry.bytes, 0) : null;
}

/** The shipped fine-tuned model's card, or null when the model is not built. */
export function readModelCard(name = "fine-tuned"): ModelCardData | null {
  return readJson<ModelCardData>(join(PATHS.models, name, "model-card.json"));
}

/** A setting's held-out test figures: its own where measured, else the main report's (the default setting's). */
export function testFigures(knowledge: Knowledge, report: Report | null) {
  const sources = [
    report?.knowledgeSettings?.[knowledge]?.splits?.test,
    knowledge === "article+questions" ? report?.splits?.test : undefined,
  ];
  // A figure one evaluation left out (null, or an empty section) must not hide one the other measured.
  const figure = (pick: (test: TestFigures) => number | null | undefined) =>
    sources.map((test) => (test ? pick(test) : null)).find((value) => typeof value === "number") ?? null;
  return {
    ragF1: figure((test) => test.rag?.tokenF1),
    generativeF1: figure((test) => test.ragGenerative?.tokenF1),
    fineTunedF1: figure((test) => test.fineTuned?.tokenF1),
    recallAt3: figure((test) => test.retrieval?.hybrid?.recallAt3),
  };
}

/** A setting's files and test figures. */
function settingFacts(knowledge: Knowledge, report: Report | null): SettingFacts {
  const model = KNOWLEDGE_ASSETS[knowledge].fineTunedModel;
  const card = readModelCard(model);
  const encoder = readJson<{ file?: string }>(join(PATHS.encoder, "config.json"));
  const assets = KNOWLEDGE_ASSETS[knowledge];
  return {
    indexBytes: size(assets.writtenQuestions ? PATHS.index : PATHS.articleOnlyIndex),
    classifierBytes: assets.classifier ? size(PATHS.classifier) : null,
    encoderBytes: assets.encoder && encoder?.file ? size(join(PATHS.encoder, encoder.file)) : null,
    modelBytes: size(join(PATHS.models, model, "onnx", "model_quantized.onnx")),
    fineTuningSeconds: card?.fine_tuning?.wall_time_s ?? null,
    fineTuningHardware: shortHardware(card?.fine_tuning?.hardware),
    ...testFigures(knowledge, report),
  };
}

/** The figures the page shows that come from files, read once at build time: model cards, report, sizes. */
export function readBuildFacts(): EvidenceInputs["build"] {
  const card = readModelCard();
  const report = readJson<Report>(REPORT);
  const vectors = [size(PATHS.vectorData), size(PATHS.vectorWords)];
  return {
    vectorBytes: vectors.every((v) => v !== null) ? (vectors[0] ?? 0) + (vectors[1] ?? 0) : null,
    readerBytes: size(join(PATHS.models, "reader", "onnx", "model_quantized.onnx")),
    runtimeBytes: runtimeBytes(),
    parameters: card?.parameters ?? null,
    pretrainingSeconds: card?.pretraining?.wall_time_s ?? null,
    pretrainingHardware: shortHardware(card?.pretraining?.hardware),
    trainingPairs: readJsonLines(PATHS.trainingQa).length,
    corpusBytes: card?.corpus?.bytes ?? null,
    settings: Object.fromEntries(
      KNOWLEDGE_SETTINGS.map((knowledge) => [knowledge, settingFacts(knowledge, report)]),
    ) as Record<Knowledge, SettingFacts>,
  };
}
