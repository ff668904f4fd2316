/**
 * Every tunable setting of the RAG pipeline, in one place: one line each on what it controls, and where the
 * record of how it was chosen lives (docs/experiments.md, under the heading named). Settings are chosen on the
 * dev questions and on held-out training paraphrases; the test questions only measure the choice.
 */
import type { RagMode } from "./types";

// ---- ranking (rank/) ------------------------------------------------------------------------------------

/** BM25's share of the match score, against soft word-vector matching ("A third signal"). */
export const FULL_TEXT_WEIGHT = 0.15;
/** The averaged-word-vector cosine's share of the match score ("A third signal"). */
export const DENSE_WEIGHT = 0.4;
/** BM25 boost of each indexed field: the passage text, its section heading, the questions written for it. */
export const FIELD_BOOST = { text: 1, section: 1, keywords: 2 } as const;
/** A passage scores the mean of its this-many best-matching views ("scoring a passage by its best five views"). */
export const TOP_VIEWS = 5;
/** The passage classifier's share of a passage's score, for passages it has a class for ("A fourth signal"). */
export const CLASSIFIER_WEIGHT = 0.25;
/** Added to the score of the passage standing where the question points ("The place a question names"). */
export const POSITION_WEIGHT = 0.2;
/** How many of the best-scoring passages pick the runs a named place counts in ("The place a question names"). */
export const POSITION_REACH = 6;
/** How far after an ordinal its noun may stand: "the third *reason*", "the first *bullet point*". */
export const NOUN_REACH = 2;
/** Word similarity under which related words count for nothing in soft matching ("What the pipeline does"). */
export const SIMILARITY_FLOOR = 0.3;
/** F-beta's beta in soft matching: covering the question counts this many times as much as precision. */
export const RECALL_WEIGHT = 2;
/** How the passage classifier is trained from the written questions ("A fourth signal"). */
export const CLASSIFIER_TRAINING = {
  epochs: 200,
  learningRate: 0.05,
  weightDecay: 1e-4,
  embeddingScale: 3,
} as const;

// ---- the "article" knowledge setting (knowledge.ts) -------------------------------------------------------
// RAG given the article alone, nothing learned from the written questions ("Retrieval from the article alone").

/** The learned encoder's share of the match score; it takes the averaged word vectors' place. */
export const ARTICLE_ENCODER_WEIGHT = 0.4;
/** The averaged word vectors' share in this setting: none, the encoder starts from them. */
export const ARTICLE_DENSE_WEIGHT = 0;
/** Maximal marginal relevance among the best passages: 0 keeps the ranking as scored. */
export const ARTICLE_DIVERSITY = 0.15;
/** Paragraphs that only announce a section (store/signposts.ts) are not ranked. */
export const ARTICLE_SKIP_SIGNPOSTS = true;
/** Paragraphs longer than this are never signposts (store/signposts.ts): a signpost is a line, not an explanation. */
export const MAX_SIGNPOST_WORDS = 25;
/** The best match score under which a question is declined in this setting. */
export const ARTICLE_DECLINE_THRESHOLD = 0.42;
/** The share of a question's specific words the retrieved passages must cover in this setting. */
export const ARTICLE_COVERAGE_THRESHOLD = 0.6;
/** How many of the best passages maximal marginal relevance chooses among. */
export const DIVERSITY_POOL = 12;

// ---- declining (decline/) -------------------------------------------------------------------------------

/** The best passage's match score under which a question is declined ("Choosing the decline thresholds again"). */
export const DECLINE_THRESHOLD = 0.54;
/** The share of a question's specific words the retrieved passages must cover ("Coverage judged … together"). */
export const COVERAGE_THRESHOLD = 0.75;
/** A stem in at least this share of passages is the collection's topic, not what a question asks about. */
export const TOPICAL_SHARE = 0.15;
/** Word-vector cosine from which two words count as the same idea for coverage ("film" and "movie"). */
export const CLOSE_WORD = 0.6;

// ---- answering (answer/) --------------------------------------------------------------------------------

/**
 * How the page and the CLI answer unless told otherwise (README, "Decisions"). Generative only if it meets
 * issue 25's bars on dev and unseen (scripts/eval-generative.ts; data/evaluation/generative-rag.json says which,
 * and generative-eval.test.ts holds this constant to it): on 2026-12-03 it did not (docs/generative-rag.md).
 */
export const DEFAULT_RAG_MODE: RagMode = "extractive";
/** The most sentences an extractive answer quotes. */
export const EXTRACTIVE_MAX_SENTENCES = 2;
/** A further sentence is quoted only when it scores at least this share of the best one. */
export const EXTRACTIVE_CLOSENESS = 0.9;
/** Each lower-ranked passage's sentences lose this share of their score, so near-ties go to earlier ones. */
export const EXTRACTIVE_RANK_PRIOR = 0.05;
/** Passages retrieval hands on and cites. */
export const CITATION_COUNT = 3;
/** How many of the best-scored sentences the reader is given ("The reader reads sentences"). */
export const READER_SENTENCES = 4;
/** Whether the reader may write only content words of its sentences and the question ("Masking content words"). */
export const READER_WORD_MASK = true;
/**
 * The reader's copy bias (lib/models/copy-bias.ts): the bonus on the score of a token that continues a copy of
 * its sentences, whether the answer closes where a copied line ends, and the bonus for starting from the first
 * (best) line ("A bias towards copying").
 */
export const READER_COPY_BIAS = {
  bonus: 4,
  closeAtLineEnd: true,
  firstLineBonus: 3,
} as const;
/** The reader's answer may not write a run of this many tokens more often than its sentences hold it (lib/models/repeat-guard.ts). */
export const READER_REPEAT_GUARD = 6;
/** A further line is cited only when it backs at least this many of the answer's words no cited line has ("Citations by attribution"). */
export const ATTRIBUTION_MIN_WORDS = 2;
/** Under this share of its words found in its citations, a generated answer is flagged. */
export const FAITHFULNESS_FLAG = 0.75;
