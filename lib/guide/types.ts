/** The decision guide's vocabulary: the shapes of data/guide/criteria.json and of what the rule returns. */

/** The two approaches the article compares; a choice favours one of them or neither (null). */
export const APPROACHES = ["rag", "fine-tuning"] as const;
export type Approach = (typeof APPROACHES)[number];

/** What the rule can recommend. */
export const OUTCOMES = ["rag", "fine-tuning", "both", "it-depends"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** How strongly one answer counts: 0 neither side, 1 leans, 2 strong. */
export const WEIGHTS = [0, 1, 2] as const;
export type Weight = (typeof WEIGHTS)[number];

/**
 * The measured figures a criterion can show, each read from the evaluation report or the model cards by
 * lib/guide/evidence.ts.
 */
export const EVIDENCE_TOPICS = [
  "external-knowledge",
  "adaptability",
  "versatility",
  "data-efficiency",
  "transparency",
  "resources",
  "task-performance",
  "training-data",
  "simplicity",
  "fine-tuning-overhead",
  "pretrained-knowledge",
] as const;
export type EvidenceTopic = (typeof EVIDENCE_TOPICS)[number];

/** The id every criterion's "don't know" choice has: it counts for no side, like an unanswered question. */
export const DONT_KNOW = "dk";

export interface Quote {
  /** The heading of the article section the sentence sits under. */
  heading: string;
  /** An exact substring of data/article/rag-vs-fine-tuning-article.txt. */
  text: string;
}

export interface Choice {
  id: string;
  label: string;
  favours: Approach | null;
  weight: Weight;
  /** Ids into Guide.quotes: the article's sentences this answer rests on (none for "don't know"). */
  quotes: string[];
  /** Why this answer counts as it does, in plain words. For "don't know": what would tip it. */
  reason: string;
  /** Where the article says nothing on the point this answer raises. */
  silent?: string;
  /** Where this demo's measurements disagree with the article. */
  caveat?: string;
}

export interface Criterion {
  id: string;
  /** Two letters naming the criterion in the address (`?a=ks.changing_tr.must`). */
  code: string;
  /** The criterion's name in the article's list ("Knowledge Seeker"). */
  name: string;
  /** Which of the article's two when-to-choose lists it comes from. */
  list: Approach;
  question: string;
  hint: string;
  evidence: EvidenceTopic[];
  /** The id of the question set in lib/examples.ts that shows this criterion on the main page. */
  demoSet: string;
  choices: Choice[];
}

export interface Conflict {
  /** Answers as `code.choice`; the conflict is reported when all of them are given. */
  answers: string[];
  note: string;
}

export interface Rule {
  /** A side with at least this many points is strongly supported; both strongly supported gives "both". */
  strong: number;
  /**
   * The lead, in points, one side needs over the other to be recommended alone. Above the strongest single
   * answer's weight, so no one answer decides on its own.
   */
  margin: number;
}

export interface Guide {
  article: { url: string; lists: Record<Approach, string> };
  rule: Rule;
  quotes: Record<string, Quote>;
  outcomes: Record<Outcome, { title: string; summary: string; quote: string }>;
  criteria: Criterion[];
  conflicts: Conflict[];
}

/** The visitor's answers: criterion id → choice id. Missing means not answered yet. */
export type Answers = Readonly<Record<string, string>>;

/** One measured figure: `value` null means it is not measured yet. */
export interface EvidenceLine {
  label: string;
  value: string | null;
  /** Where the figure comes from (a file and the command that writes it). */
  source: string;
}

export type Evidence = Record<EvidenceTopic, EvidenceLine[]>;

/** How an approach is named in running text. */
export const APPROACH_NAMES: Record<Approach, string> = { rag: "RAG", "fine-tuning": "fine-tuning" };
