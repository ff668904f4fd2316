import type { Knowledge } from "../rag/knowledge";

/** What the page says each approach was given, in each setting of the knowledge switch. */
export interface Given {
  /** The switch's label for the setting. */
  label: string;
  rag: string;
  fineTuned: string;
}

/** One place for these words: the switch, the panels and the lesson record all say the same. */
export function whatEachWasGiven(knowledge: Knowledge, trainingPairs: number): Given {
  const questions = `${trainingPairs.toLocaleString("en")} written questions`;
  return knowledge === "article"
    ? {
        label: "The article only",
        rag: "the article's passages alone; its sentence encoder learned paraphrase from documentation, never from the article",
        fineTuned: "fine-tuned on the article's text alone, with no question–answer pairs",
      }
    : {
        label: `The article + ${questions}`,
        rag: `the article's passages, searched with hints from the ${questions} (added to the index, and a classifier trained on them)`,
        fineTuned: `fine-tuned on the same ${questions} and their answers`,
      };
}

/** Said in either setting: both sides start from the same model. */
export const SAME_BASE =
  "Both start from the same base model, pretrained here on documentation without the article.";

/**
 * The question sets' "what to notice" lines were written for the article + questions setting; in the other
 * setting the page says so, and the ✓/✗ marks still check each line against the answers shown.
 */
export function noticeCaveat(knowledge: Knowledge): string | null {
  return knowledge === "article"
    ? "(These lines were written for the setting with the written questions; the marks check them against the answers given here.)"
    : null;
}
