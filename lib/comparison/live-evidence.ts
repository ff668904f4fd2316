import { formatBytes, formatMs } from "../format";

/** What the page knows, from this session's measurements and from the build's files. */
export interface EvidenceInputs {
  build: {
    indexBytes: number | null;
    vectorBytes: number | null;
    modelBytes: number | null;
    parameters: number | null;
    pretrainingSeconds: number | null;
    fineTuningSeconds: number | null;
    /** Where each stage ran, in a few words ("2 CPU cores", "one H200 GPU"), from the model card. */
    pretrainingHardware: string | null;
    fineTuningHardware: string | null;
    trainingPairs: number;
    corpusBytes: number | null;
    ragF1: number | null;
    fineTunedF1: number | null;
    recallAt3: number | null;
  };
  live: {
    passages: number | null;
    /** The last answer's retrieval: passages found, passages its answer cites, whether it declined. */
    retrieved: number | null;
    cited: number | null;
    declined: boolean;
    retrieveMs: number | null;
    documents: number;
    documentUpdateMs: number | null;
    tokensPerSecond: number | null;
    /** The live fine-tune run in this page, once one has run. */
    liveFineTune?: LiveFineTuneEvidence | null;
  };
}

/** What a live fine-tune in the page measured (hooks/use-live-fine-tune.ts). */
export interface LiveFineTuneEvidence {
  seconds: number;
  steps: number;
  examples: number;
  /** Trained answers that came back verbatim at the end. */
  verbatim: number;
  setting: string;
  tokensPerSecond: number;
  memoryBytes: number | null;
  /** JavaScript and WebAssembly downloaded for training. */
  codeBytes: number | null;
}

export interface EvidenceCell {
  rag: string;
  fineTuned: string;
}

const or = (value: string | null, fallback: string) => value ?? fallback;
const minutes = (seconds: number | null) => (seconds === null ? null : `${(seconds / 60).toFixed(0)} min`);

/** What training the fine-tuned model took, and where: one place when both stages ran on the same hardware. */
function trainingCost(build: EvidenceInputs["build"]): string {
  const pretraining = `${or(minutes(build.pretrainingSeconds), "?")} pretraining`;
  const fineTuning = `${or(minutes(build.fineTuningSeconds), "?")} fine-tuning`;
  const where = (hardware: string | null) => ` on ${or(hardware, "?")}`;
  return build.pretrainingHardware === build.fineTuningHardware
    ? `${pretraining} + ${fineTuning}${where(build.pretrainingHardware)}`
    : `${pretraining}${where(build.pretrainingHardware)} + ${fineTuning}${where(build.fineTuningHardware)}`;
}

/** What the RAG pipeline did with the last question: a declined one retrieved passages too. */
function approach(live: EvidenceInputs["live"]): string {
  if (live.retrieved === null) return "retrieves, then answers (ask a question)";
  const found = `retrieved ${live.retrieved} passages`;
  if (live.declined) return `${found}, then declined: they don't cover the question`;
  return `${found}, then answered citing ${live.cited ?? 0}`;
}

const liveRun = (run: LiveFineTuneEvidence) =>
  `${run.steps} steps, ${run.seconds.toFixed(1)} s in this page (${run.setting})`;

/** The cost of a live fine-tune in the page, after the shipped model's training cost. */
function liveCost(run: LiveFineTuneEvidence): string {
  const parts = [
    run.codeBytes === null ? null : `${formatBytes(run.codeBytes)} of training code`,
    run.memoryBytes === null || run.memoryBytes === 0 ? null : `${formatBytes(run.memoryBytes)} of tensors`,
    `${run.tokensPerSecond.toFixed(0)} tokens/s`,
  ];
  return `live fine-tune: ${parts.filter(Boolean).join(", ")}`;
}

/**
 * The "seen in this demo" cell of each row of the article's table: the claim, shown with this app's own
 * figures. Keys are the article's row names; a row the function does not know gets no cell.
 */
export function liveEvidence({ build, live }: EvidenceInputs): Record<string, EvidenceCell> {
  const ask = "ask a question";
  const run = live.liveFineTune ?? null;
  const learned = run && `${run.verbatim} of ${run.examples} new answers verbatim after ${liveRun(run)}`;
  return {
    Approach: {
      rag: approach(live),
      fineTuned: "answered from its weights alone",
    },
    "Training Data": {
      rag: `the article${live.documents ? ` + ${live.documents} document(s) you added` : ""}, ${or(live.passages === null ? null : `${live.passages} passages`, "its passages")}`,
      fineTuned: `pretrained on ${or(build.corpusBytes === null ? null : formatBytes(build.corpusBytes), "a documentation corpus")}, fine-tuned on ${build.trainingPairs} Q&A pairs`,
    },
    "Retrieval Component": {
      rag:
        live.retrieveMs === null
          ? `yes (${ask} to time it)`
          : `${live.retrieved ?? 3} passages in ${formatMs(live.retrieveMs)}`,
      fineTuned: "none",
    },
    "Model Size": {
      rag: `index ${or(build.indexBytes === null ? null : formatBytes(build.indexBytes), "?")} + word vectors ${or(build.vectorBytes === null ? null : formatBytes(build.vectorBytes), "?")}; no language model`,
      fineTuned: `${or(build.parameters === null ? null : `${(build.parameters / 1e6).toFixed(1)} M parameters`, "?")}, ${or(build.modelBytes === null ? null : formatBytes(build.modelBytes), "?")} int8`,
    },
    Adaptability: {
      rag: live.documents
        ? `${live.documents} new document(s) usable at once`
        : "add a document below: usable at once",
      fineTuned: learned ? `learned ${learned}` : "knows only what it was trained on (fine-tune it below)",
    },
    "Data Efficiency": {
      rag: `one article, no training${build.recallAt3 === null ? "" : `; finds the evidence for ${(build.recallAt3 * 100).toFixed(0)}% of held-out questions`}`,
      fineTuned: `needed ${build.trainingPairs} hand-written Q&A pairs${run ? `; here ${run.examples} pairs, each seen in all ${run.steps} steps` : ""}`,
    },
    "Fine-Tuning Overhead": {
      rag:
        live.documentUpdateMs === null
          ? "none: documents are indexed in milliseconds"
          : `none: index updated in ${formatMs(live.documentUpdateMs)}`,
      fineTuned: run
        ? `${trainingCost(build)}; to learn ${run.examples} pairs: ${liveRun(run)}`
        : trainingCost(build),
    },
    "Knowledge Incorporation": {
      rag: "cites the article and your documents",
      fineTuned: learned
        ? `retrained in this page: ${learned}`
        : "cannot learn a new fact without retraining",
    },
    "Task Performance": {
      rag:
        build.ragF1 === null
          ? "see the evaluation page"
          : `token-F1 ${build.ragF1.toFixed(2)} on held-out questions`,
      fineTuned:
        build.fineTunedF1 === null
          ? "see the evaluation page"
          : `token-F1 ${build.fineTunedF1.toFixed(2)} on held-out questions`,
    },
    Interpretability: {
      rag: "cites its sources, matched words highlighted",
      fineTuned: "no sources",
    },
    "Resource Requirements": {
      rag: `${or(build.indexBytes === null ? null : formatBytes(build.indexBytes), "?")} index in a worker`,
      fineTuned: `${or(build.modelBytes === null ? null : formatBytes(build.modelBytes), "?")} model + 26 MB runtime${live.tokensPerSecond === null ? "" : `, ${live.tokensPerSecond.toFixed(0)} tokens/s here`}${run ? `; ${liveCost(run)}` : ""}`,
    },
    "Model Complexity": {
      rag: "search index + word vectors + extractive reader",
      fineTuned: "one transformer, nothing else",
    },
  };
}
