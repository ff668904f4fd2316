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
  };
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

/**
 * The "seen in this demo" cell of each row of the article's table: the claim, shown with this app's own
 * figures. Keys are the article's row names; a row the function does not know gets no cell.
 */
export function liveEvidence({ build, live }: EvidenceInputs): Record<string, EvidenceCell> {
  const ask = "ask a question";
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
      fineTuned: "knows only what it was trained on",
    },
    "Data Efficiency": {
      rag: `one article, no training${build.recallAt3 === null ? "" : `; finds the evidence for ${(build.recallAt3 * 100).toFixed(0)}% of held-out questions`}`,
      fineTuned: `needed ${build.trainingPairs} hand-written Q&A pairs`,
    },
    "Fine-Tuning Overhead": {
      rag:
        live.documentUpdateMs === null
          ? "none: documents are indexed in milliseconds"
          : `none: index updated in ${formatMs(live.documentUpdateMs)}`,
      fineTuned: trainingCost(build),
    },
    "Knowledge Incorporation": {
      rag: "cites the article and your documents",
      fineTuned: "cannot learn a new fact without retraining",
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
      fineTuned: `${or(build.modelBytes === null ? null : formatBytes(build.modelBytes), "?")} model + 26 MB runtime${live.tokensPerSecond === null ? "" : `, ${live.tokensPerSecond.toFixed(0)} tokens/s here`}`,
    },
    "Model Complexity": {
      rag: "search index + word vectors + extractive reader",
      fineTuned: "one transformer, nothing else",
    },
  };
}
