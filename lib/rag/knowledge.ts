import type { PipelineSetting } from "./assemble";
import { RETRIEVAL_MODES, type RetrievalMode } from "./rank/modes";
import {
  ARTICLE_COVERAGE_THRESHOLD,
  ARTICLE_DECLINE_THRESHOLD,
  ARTICLE_DENSE_WEIGHT,
  ARTICLE_DIVERSITY,
  ARTICLE_ENCODER_WEIGHT,
  ARTICLE_SKIP_SIGNPOSTS,
} from "./settings";

/**
 * "What each approach was given" (issue 23): the two settings that apply to both panels at once.
 *
 * - "article": the article only. RAG indexes the article's passages with nothing learned from the written
 *   questions (no expansion with them, no classifier trained on them); what it knows of paraphrase comes from
 *   its learned retriever (trained on the pretraining corpus alone) and from expansions derived from the
 *   passages themselves, as a user's document gets them. The fine-tuned panel uses a model fine-tuned on the
 *   article's text alone (public/models/fine-tuned-article/).
 * - "article+questions": the article plus the 1,848 written training questions: the index expanded with
 *   them, the passage classifier learned from them, and the model fine-tuned on them.
 */
export const KNOWLEDGE_SETTINGS = ["article", "article+questions"] as const;
export type Knowledge = (typeof KNOWLEDGE_SETTINGS)[number];

/** What the page and the CLI use unless told otherwise: the setting the app has always shipped. */
export const DEFAULT_KNOWLEDGE: Knowledge = "article+questions";

export function isKnowledge(value: unknown): value is Knowledge {
  return KNOWLEDGE_SETTINGS.includes(value as Knowledge);
}

/** What each setting gives retrieval, so that no caller decides it twice. */
export interface KnowledgeAssets {
  /** Whether the article's passages are expanded with the written training questions. */
  writtenQuestions: boolean;
  /** Whether the passage classifier learned from the written questions takes part. */
  classifier: boolean;
  /** Whether the learned retriever (encoder.ts, trained on the corpus alone) takes part. */
  encoder: boolean;
  /** The fine-tuned model's folder under public/models/. */
  fineTunedModel: "fine-tuned" | "fine-tuned-article";
}

export const KNOWLEDGE_ASSETS: Record<Knowledge, KnowledgeAssets> = {
  article: {
    writtenQuestions: false,
    classifier: false,
    encoder: true,
    fineTunedModel: "fine-tuned-article",
  },
  "article+questions": {
    writtenQuestions: true,
    classifier: true,
    encoder: false,
    fineTunedModel: "fine-tuned",
  },
};

/** The ways of searching a setting's retrieval uses: a learned part it lacks is neither run nor reported. */
export function retrievalModes(knowledge: Knowledge): RetrievalMode[] {
  const { classifier, encoder } = KNOWLEDGE_ASSETS[knowledge];
  return RETRIEVAL_MODES.filter(
    (mode) => (mode !== "classifier" || classifier) && (mode !== "encoder" || encoder),
  );
}

/**
 * How each setting retrieves and declines. "article+questions" is the pipeline as it has always shipped. The
 * "article" setting's weights and thresholds were chosen on questions its index never saw: heldout-dev, the
 * 1,848 written training questions (none of them is in that index) and the off-topic training questions
 * (docs/retrieval.md, "Retrieval from the article alone").
 */
export const KNOWLEDGE_PIPELINES: Record<Knowledge, Omit<PipelineSetting, "encoder">> = {
  "article+questions": {},
  article: {
    retriever: {
      encoderWeight: ARTICLE_ENCODER_WEIGHT,
      denseWeight: ARTICLE_DENSE_WEIGHT,
      skipSignposts: ARTICLE_SKIP_SIGNPOSTS,
      diversity: ARTICLE_DIVERSITY,
    },
    decline: { match: ARTICLE_DECLINE_THRESHOLD, coverage: ARTICLE_COVERAGE_THRESHOLD },
  },
};

/**
 * The setting a page address asks for (`?knowledge=article`), or undefined for the default: a link can show
 * either setting, and the benchmark measures the "article" one in the browser this way.
 */
export function requestedKnowledge(search: string): Knowledge | undefined {
  const value = new URLSearchParams(search).get("knowledge");
  return isKnowledge(value) ? value : undefined;
}
