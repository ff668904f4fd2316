/** The shape of data/evaluation/report.json as written by `npm run eval` and read by /evaluation. */
export interface SplitReport {
  inScope: number;
  offTopic: number;
  retrieval: Record<string, { recallAt1: number; recallAt3: number }>;
  rag: {
    n: number;
    tokenF1: number;
    exactMatch: number;
    answered: number;
    offTopicDeclined: number;
    faithfulness?: number;
    /** Share of in-scope questions whose printed citations hold the evidence (a declined question has none). */
    evidenceCited?: number;
  };
  /** The RAG panel's generative mode (the reader model); null when the reader is not built. */
  ragGenerative?: {
    n: number;
    tokenF1: number;
    exactMatch: number;
    answered: number;
    offTopicDeclined: number;
    /** Null when the reader answered nothing (it declined every question). */
    faithfulness: number | null;
    /** Share of generated answers flagged (low faithfulness, or an invented word). */
    flagged: number;
    /** How many generated answers hold a word found in neither their passages, the question nor common English. */
    withInventedWords?: number;
    /** Share of in-scope questions whose generated answer's citations hold the evidence. */
    evidenceCited?: number;
  } | null;
  fineTuned: { n: number; tokenF1: number; exactMatch: number; offTopicAnswered: number } | null;
}

export interface QuestionRow {
  id: string;
  split: "dev" | "test";
  kind: "in-scope" | "off-topic";
  question: string;
  reference?: string;
  evidenceCited?: boolean;
  rag: { answer: string; abstained: boolean; citations: string[] };
  ragGenerative?: {
    answer: string;
    abstained: boolean;
    citations: string[];
    faithfulness?: number | null;
    invented?: string[];
    evidenceCited?: boolean;
  } | null;
  fineTuned: { answer: string } | null;
}

export interface EvaluationReport {
  machine: { cpus: number; node: string };
  splits: Record<"dev" | "test", SplitReport>;
  retrievalOrdinaryParaphrases: { n: number; recallAt1: number; recallAt3: number };
  latencyMs: {
    rag: Record<"retrieve" | "answer" | "total", { p50: number; p95: number }>;
    ragGenerative?: { firstToken: { p50: number; p95: number }; tokensPerSecond: number } | null;
    fineTuned: {
      load: number;
      firstToken: { p50: number; p95: number };
      generate: { p50: number; p95: number };
      tokensPerSecond: number;
    } | null;
  };
  sizesBytes: Record<string, number | null>;
  training: Record<string, number | null> | null;
  /**
   * Issue 23: every figure of each knowledge setting (lib/rag/knowledge.ts), written by scripts/eval-knowledge.ts;
   * the top-level figures above are "article+questions".
   */
  knowledgeSettings?: Record<string, unknown>;
  questions: QuestionRow[];
}
