import {
  formatBytes,
  formatMinutes,
  formatMs,
  formatParameters,
  formatPercent,
  formatScore,
} from "../format";
import type { Knowledge } from "../rag/knowledge";

/** What the page knows, from this session's measurements and from the build's files. */
export interface EvidenceInputs {
  build: {
    vectorBytes: number | null;
    /** The reader model generative answers run (the same architecture as the fine-tuned one). */
    readerBytes: number | null;
    /** ONNX Runtime's WebAssembly files, which every model needs, as the build lists them. */
    runtimeBytes: number | null;
    parameters: number | null;
    pretrainingSeconds: number | null;
    /** Where each stage ran, in a few words ("2 CPU cores", "one H200 GPU"), from the model card. */
    pretrainingHardware: string | null;
    trainingPairs: number;
    corpusBytes: number | null;
    /** What each setting of "what each approach was given" is made of and measured at. */
    settings: Record<Knowledge, SettingFacts>;
  };
  live: {
    /** What each approach was given: the page's switch. */
    knowledge: Knowledge;
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

/** One knowledge setting's files and held-out figures (null where not built or not measured). */
export interface SettingFacts {
  indexBytes: number | null;
  /** The passage classifier learned from the written questions ("article+questions" only). */
  classifierBytes: number | null;
  /** The learned sentence encoder, trained on documentation alone ("article" only). */
  encoderBytes: number | null;
  /** This setting's fine-tuned model. */
  modelBytes: number | null;
  fineTuningSeconds: number | null;
  fineTuningHardware: string | null;
  ragF1: number | null;
  generativeF1: number | null;
  fineTunedF1: number | null;
  recallAt3: number | null;
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

type Build = EvidenceInputs["build"];
type Live = EvidenceInputs["live"];

/** What training the fine-tuned model took, and where: one place when both stages ran on the same hardware. */
function trainingCost(build: Build, setting: SettingFacts): string {
  const pretraining = `${or(minutes(build.pretrainingSeconds), "?")} pretraining`;
  const fineTuning = `${or(minutes(setting.fineTuningSeconds), "?")} fine-tuning`;
  const where = (hardware: string | null) => ` on ${or(hardware, "?")}`;
  return build.pretrainingHardware === setting.fineTuningHardware
    ? `${pretraining} + ${fineTuning}${where(build.pretrainingHardware)}`
    : `${pretraining}${where(build.pretrainingHardware)} + ${fineTuning}${where(setting.fineTuningHardware)}`;
}

/** What the RAG pipeline did with the last question: a declined one retrieved passages too. */
function approach(live: Live): string {
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

/** The search's learned part in each setting: a classifier fitted to the written questions, or the encoder. */
const LEARNED_PART: Record<Knowledge, string> = {
  "article+questions": "classifier",
  article: "sentence encoder",
};

/** What the RAG panel searches with: index, word vectors and the setting's learned part, in one worker. */
const searchBytes = (build: Build, setting: SettingFacts) =>
  bytes(sum(setting.indexBytes, setting.classifierBytes ?? setting.encoderBytes, build.vectorBytes));

/** What each panel downloads to run its model: the model and the runtime it shares with the other. */
const modelDownload = (modelBytes: number | null, build: Build) =>
  `${bytes(modelBytes)} model + ${bytes(build.runtimeBytes)} runtime`;

/** The rows about what each approach is made of and what it costs to run. */
function makeupCells(build: Build, live: Live, setting: SettingFacts) {
  const generative = live.ragMode === "generative";
  const parameters = build.parameters === null ? "?" : formatParameters(build.parameters);
  const search = `search index + word vectors + ${LEARNED_PART[live.knowledge]}`;
  return {
    "Model Size": {
      rag: generative
        ? `search: ${searchBytes(build, setting)}; reader model: ${parameters}, ${bytes(build.readerBytes)} int8`
        : `search: ${searchBytes(build, setting)}; no language model in extractive mode`,
      fineTuned: `${parameters}, ${bytes(setting.modelBytes)} int8`,
    },
    "Resource Requirements": {
      rag: generative
        ? `${searchBytes(build, setting)} of search data + ${modelDownload(build.readerBytes, build)}`
        : `${searchBytes(build, setting)} of search data, in a worker`,
      fineTuned: `${modelDownload(setting.modelBytes, build)}${live.tokensPerSecond === null ? "" : `, ${live.tokensPerSecond.toFixed(0)} tokens/s here`}${live.liveFineTune ? `; ${liveCost(live.liveFineTune)}` : ""}`,
    },
    "Model Complexity": {
      rag: generative ? `${search} + a reader model` : `${search}; the answer is quoted, not generated`,
      fineTuned: "one transformer, nothing else",
    },
  };
}

/** The rows about what each approach learned from, which the knowledge switch changes. */
function dataCells(build: Build, live: Live, setting: SettingFacts) {
  const run = live.liveFineTune ?? null;
  const questions = `${build.trainingPairs.toLocaleString("en")} written questions`;
  const withQuestions = live.knowledge === "article+questions";
  const passages = or(live.passages === null ? null : `${live.passages} passages`, "its passages");
  const documents = live.documents ? ` + ${live.documents} document(s) you added` : "";
  const recall =
    setting.recallAt3 === null
      ? ""
      : `: the evidence is in its top 3 for ${formatPercent(setting.recallAt3)} of held-out questions`;
  const indexed =
    live.documentUpdateMs === null
      ? "a new document is indexed in milliseconds"
      : `the index updated in ${formatMs(live.documentUpdateMs)}`;
  const pretrained = `pretrained on ${or(build.corpusBytes === null ? null : formatBytes(build.corpusBytes), "a documentation corpus")}`;
  return {
    "Training Data": {
      rag: withQuestions
        ? `the article${documents} (${passages}), searched with the ${questions} as hints`
        : `the article${documents} (${passages}) alone`,
      fineTuned: withQuestions
        ? `${pretrained}, fine-tuned on the same ${questions}`
        : `${pretrained}, fine-tuned on the article's text alone (no questions)`,
    },
    "Data Efficiency": {
      rag: withQuestions
        ? `the article, with the ${questions} as search hints${recall}`
        : `the article alone${recall}`,
      fineTuned: `trained on ${withQuestions ? `the ${questions}` : "the article's text alone"}${run ? `; here ${run.examples} pairs, each seen in all ${run.steps} steps` : ""}`,
    },
    "Fine-Tuning Overhead": {
      rag: withQuestions
        ? `no language model trained; a small passage classifier is fitted to the written questions when the site is built; ${indexed}`
        : `nothing trained on the article: its sentence encoder was trained once, on documentation; ${indexed}`,
      fineTuned: run
        ? `${trainingCost(build, setting)}; to learn ${run.examples} pairs: ${liveRun(run)}`
        : trainingCost(build, setting),
    },
  };
}

/**
 * The "seen in this demo" cell of each row of the article's table: the claim, shown with this app's own
 * figures for the setting the page shows. Keys are the article's row names; a row the function does not know
 * gets no cell.
 */
export function liveEvidence({ build, live }: EvidenceInputs): Record<string, EvidenceCell> {
  const ask = "ask a question";
  const setting = build.settings[live.knowledge];
  const run = live.liveFineTune ?? null;
  const learned = run && `${run.verbatim} of ${run.examples} new answers verbatim after ${liveRun(run)}`;
  const taskF1 = live.ragMode === "generative" ? setting.generativeF1 : setting.ragF1;
  return {
    ...makeupCells(build, live, setting),
    ...dataCells(build, live, setting),
    Approach: {
      rag: approach(live),
      fineTuned: "answered from its weights alone",
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
        setting.fineTunedF1 === null
          ? "see the evaluation page"
          : `token-F1 ${formatScore(setting.fineTunedF1)} on held-out questions`,
    },
    Interpretability: {
      rag: "cites its sources, matched words highlighted",
      fineTuned: "no sources",
    },
  };
}
