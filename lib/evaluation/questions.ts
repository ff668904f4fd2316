/** A question of data/qa/ the article answers: its reference answer and the words its passage must hold. */
export interface InScopeQuestion {
  id: string;
  factId: string;
  question: string;
  answer: string;
  evidence: string;
  /** The training questions' writer (train.jsonl); absent from the held-out sets. */
  writer?: number;
}

/** A question of data/qa/off-topic*.jsonl: one the article does not answer. */
export interface OffTopicQuestion {
  id: string;
  question: string;
  /** The held-out split it belongs to; absent from the off-topic training questions. */
  split?: "dev" | "test";
}
