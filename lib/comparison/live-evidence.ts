import {
  formatBytes,
  formatMinutes,
  formatMs,
  formatParameters,
  formatPercent,
  formatScore,
} from "../format";

/** What the page knows, from this session's measurements and from the build's files. */
export interface EvidenceInputs {
  build: {
    indexBytes: number | null;
    /** The passage classifier learned from the written questions. */
    classifierBytes: number | null;
    vectorBytes: number | null;
    modelBytes: number | null;
    /** The reader model generative answers run (the same architecture as the fine-tuned one). */
    readerBytes: number | null;
    /** ONNX Runtime's WebAssembly files, which every model needs, as the build lists them. */
    runtimeBytes: number | null;
    parameters: number | null;
    pretrainingSeconds: number | null;
    fineTuningSeconds: number | null;
    /** Where each stage ran, in a few words ("2 CPU cores", "one H200 GPU"), from the model card. */
    pretrainingHardware: string | null;
    fineTuningHardware: string | null;
    trainingPairs: number;
    corpusBytes: number | null;
    ragF1: number | null;
    generativeF1: number | null;
    fineTunedF1: number | null;
    recallAt3: number | null;
  };
  live: {
    /** How the RAG panel answers now. */
    ragMode: "extractive" | "generative";
    /** Passages in the index now, the article's and any added documents'. */
    passages: number | null;
    /** The last answer's retrieval: passages found, passages its answer cites by number, whether it declined. */
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
const minutes = (seconds: number | null) => (seconds === null ? null : formatMinutes(seconds));
const bytes = (value: number | null) => (value === null ? "?" : formatBytes(value));
const sum = (...values: (number | null)[]) =>
  values.some((v) => v === null) ? null : values.reduce<number>((total, v) => total + (v ?? 0), 0);

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

/** What the RAG panel searches with: index, classifier and word vectors, all in one worker. */
const searchBytes = (build: EvidenceInputs["build"]) =>
  bytes(sum(build.indexBytes, build.classifierBytes, build.vectorBytes));

/** What each panel downloads to run its model: the model and the runtime it shares with the other. */
const modelDownload = (modelBytes: number | null, build: EvidenceInputs["build"]) =>
  `${bytes(modelBytes)} model + ${bytes(build.runtimeBytes)} runtime`;

/** The rows about what each approach is made of and what it costs to run. */
function makeupCells(build: EvidenceInputs["build"], live: EvidenceInputs["live"]) {
  const generative = live.ragMode === "generative";
  const parameters = build.parameters === null ? "?" : formatParameters(build.parameters);
  return {
    "Model Size": {
      rag: generative
        ? `search: ${searchBytes(build)}; reader model: ${parameters}, ${bytes(build.readerBytes)} int8`
        : `search: ${searchBytes(build)}; no language model in extractive mode`,
      fineTuned: `${parameters}, ${bytes(build.modelBytes)} int8`,
    },
    "Resource Requirements": {
      rag: generative
        ? `${searchBytes(build)} of search data + ${modelDownload(build.readerBytes, build)}`
        : `${searchBytes(build)} of search data, in a worker`,
      fineTuned: `${modelDownload(build.modelBytes, build)}${live.tokensPerSecond === null ? "" : `, ${live.tokensPerSecond.toFixed(0)} tokens/s here`}${live.liveFineTune ? `; ${liveCost(live.liveFineTune)}` : ""}`,
    },
    "Model Complexity": {
      rag: generative
        ? "search index + word vectors + classifier + a reader model"
        : "search index + word vectors + classifier; the answer is quoted, not generated",
      fineTuned: "one transformer, nothing else",
    },
  };
}

/**
 * The "seen in this demo" cell of each row of the article's table: the claim, shown with this app's own
 * figures. Keys are the article's row names; a row the function does not know gets no cell.
 */
export function liveEvidence({ build, live }: EvidenceInputs): Record<string, EvidenceCell> {
  const ask = "ask a question";
  const run = live.liveFineTune ?? null;
  const learned = run && `${run.verbatim} of ${run.examples} new answers verbatim after ${liveRun(run)}`;
  const questions = `${build.trainingPairs.toLocaleString("en")} written questions`;
  const taskF1 = live.ragMode === "generative" ? build.generativeF1 : build.ragF1;
  return {
    ...makeupCells(build, live),
    Approach: {
      rag: approach(live),
      fineTuned: "answered from its weights alone",
    },
    "Training Data": {
      rag: `the article${live.documents ? ` + ${live.documents} document(s) you added` : ""} (${or(live.passages === null ? null : `${live.passages} passages`, "its passages")}), searched with the ${questions} as hints`,
      fineTuned: `pretrained on ${or(build.corpusBytes === null ? null : formatBytes(build.corpusBytes), "a documentation corpus")}, fine-tuned on the same ${questions}`,
    },
    "Retrieval Component": {
      rag:
        live.retrieveMs === null
          ? `yes (${ask} to time it)`
          : `${live.retrieved ?? 3} passages in ${formatMs(live.retrieveMs)}`,
      fineTuned: "none",
    },
    Adaptability: {
      rag: live.documents
        ? `${live.documents} new document(s) usable at once`
        : "add a document below: usable at once",
      fineTuned: learned ? `learned ${learned}` : "knows only what it was trained on (fine-tune it below)",
    },
    "Data Efficiency": {
      rag: `the article, with the ${questions} as search hints${build.recallAt3 === null ? "" : `: the evidence is in its top 3 for ${formatPercent(build.recallAt3)} of held-out questions`}`,
      fineTuned: `trained on the ${questions}${run ? `; here ${run.examples} pairs, each seen in all ${run.steps} steps` : ""}`,
    },
    "Fine-Tuning Overhead": {
      rag: `no language model trained; a small passage classifier is fitted to the written questions when the site is built; ${
        live.documentUpdateMs === null
          ? "a new document is indexed in milliseconds"
          : `the index updated in ${formatMs(live.documentUpdateMs)}`
      }`,
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
        taskF1 === null
          ? "see the evaluation page"
          : `token-F1 ${formatScore(taskF1)} on held-out questions (${live.ragMode})`,
      fineTuned:
        build.fineTunedF1 === null
          ? "see the evaluation page"
          : `token-F1 ${formatScore(build.fineTunedF1)} on held-out questions`,
    },
    Interpretability: {
      rag: "cites its sources, matched words highlighted",
      fineTuned: "no sources",
    },
  };
}
