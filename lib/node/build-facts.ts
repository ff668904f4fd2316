import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ASSET_MANIFEST_PATH, type AssetManifest } from "../assets/manifest";
import type { EvidenceInputs } from "../comparison/live-evidence";
import type { ModelCard as ModelCardData } from "../models/model-card";
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

interface Report {
  splits?: {
    test?: {
      rag?: { tokenF1?: number };
      ragGenerative?: { tokenF1?: number } | null;
      fineTuned?: { tokenF1?: number } | null;
      retrieval?: { hybrid?: { recallAt3?: number } };
    };
  };
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

/** The figures the page shows that come from files, read once at build time: model card, report, sizes. */
export function readBuildFacts(): EvidenceInputs["build"] {
  const card = readModelCard();
  const report = readJson<Report>(REPORT);
  const vectors = [size(PATHS.vectorData), size(PATHS.vectorWords)];
  return {
    indexBytes: size(PATHS.index),
    classifierBytes: size(PATHS.classifier),
    vectorBytes: vectors.every((v) => v !== null) ? (vectors[0] ?? 0) + (vectors[1] ?? 0) : null,
    modelBytes: size(join(PATHS.models, "fine-tuned", "onnx", "model_quantized.onnx")),
    readerBytes: size(join(PATHS.models, "reader", "onnx", "model_quantized.onnx")),
    runtimeBytes: runtimeBytes(),
    parameters: card?.parameters ?? null,
    pretrainingSeconds: card?.pretraining?.wall_time_s ?? null,
    fineTuningSeconds: card?.fine_tuning?.wall_time_s ?? null,
    pretrainingHardware: shortHardware(card?.pretraining?.hardware),
    fineTuningHardware: shortHardware(card?.fine_tuning?.hardware),
    trainingPairs: readJsonLines(PATHS.trainingQa).length,
    corpusBytes: card?.corpus?.bytes ?? null,
    ragF1: report?.splits?.test?.rag?.tokenF1 ?? null,
    generativeF1: report?.splits?.test?.ragGenerative?.tokenF1 ?? null,
    fineTunedF1: report?.splits?.test?.fineTuned?.tokenF1 ?? null,
    recallAt3: report?.splits?.test?.retrieval?.hybrid?.recallAt3 ?? null,
  };
}
